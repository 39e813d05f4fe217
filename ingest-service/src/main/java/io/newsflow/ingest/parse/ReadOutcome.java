package io.newsflow.ingest.parse;

/** What reading a source yields for each dump in it: the raw dump, or why it could not be read. */
public sealed interface ReadOutcome permits RawDump, DumpFailure {}
