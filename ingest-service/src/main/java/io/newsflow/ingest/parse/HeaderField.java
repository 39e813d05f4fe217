package io.newsflow.ingest.parse;

/** One {@code Key: value} line of a dump's header block, key as written, value normalised. */
record HeaderField(String key, String value) {}
