/**
 * Raw dumps to article and brief events, pure Java (no Kafka): {@link io.newsflow.ingest.parse.DumpReader}
 * turns a file or stdin into raw dumps (gzip undone, text decoded and checked, JSON Lines read or
 * split at separator lines, sizes capped), {@link io.newsflow.ingest.parse.DumpParser} splits each into
 * its article and sidebar briefs (ids by {@link io.newsflow.ingest.parse.ItemIds}), and
 * {@link io.newsflow.ingest.parse.DumpEvents} maps them to the Avro records of the public contract. Bad input never throws: it becomes a {@link io.newsflow.ingest.parse.DumpFailure} with its
 * {@link io.newsflow.ingest.parse.FailureClass} and the reason, which the ingest service sends to news.dlq.
 */
package io.newsflow.ingest.parse;
