package io.newsflow.ingest;

import io.newsflow.ingest.parse.DumpFailure;
import io.newsflow.ingest.parse.ParsedDump;

/**
 * What one dump of a source turned into: its events, or the failure that sent it to news.dlq.
 *
 * @param sourceId where the dump came from: the file, {@code file#n} for the n-th dump of a file, {@code feed.jsonl:n}
 * @param dumpId the dump's deterministic id; null when it could not be parsed
 * @param bytes the dump's text in UTF-8 bytes, or the size of the input that failed
 * @param failure why it was dead-lettered; null when it was parsed
 */
public record DumpOutcome(String sourceId, String dumpId, int articles, int briefs, long bytes, DumpFailure failure) {

    static DumpOutcome parsed(ParsedDump dump, int articles, int briefs) {
        return new DumpOutcome(dump.sourceId(), dump.dumpId(), articles, briefs, dump.textBytes(), null);
    }

    static DumpOutcome failed(DumpFailure failure) {
        return new DumpOutcome(failure.sourceId(), null, 0, 0, failure.originalSize(), failure);
    }

    public boolean deadLettered() {
        return failure != null;
    }
}
