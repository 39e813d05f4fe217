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

    static DumpOutcome parsed(ParsedDump dump, int articles, int briefs, CharSequence text) {
        return new DumpOutcome(dump.sourceId(), dump.dumpId(), articles, briefs, utf8Length(text), null);
    }

    static DumpOutcome failed(DumpFailure failure) {
        return new DumpOutcome(failure.sourceId(), null, 0, 0, failure.originalSize(), failure);
    }

    public boolean deadLettered() {
        return failure != null;
    }

    /** Counted rather than encoded: the text was decoded from these bytes a moment ago, no need for a copy. */
    static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
