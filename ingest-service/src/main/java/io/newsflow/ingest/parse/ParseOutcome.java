package io.newsflow.ingest.parse;

/** What parsing one raw dump yields: its article and briefs, or why it could not be parsed. */
public sealed interface ParseOutcome permits ParsedDump, DumpFailure {}
