package io.newsflow.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A source or dump that could not be read or parsed; it goes to news.dlq, never silently away.
 *
 * @param sourceId where it came from, as in {@link RawDump#sourceId()}
 * @param failureClass what kind of problem it is
 * @param reason precise enough for someone to fix the input
 * @param original the bytes that failed (possibly only the first ones, see originalSize)
 * @param originalSize the full size of the input in bytes, which may exceed original.length
 */
public record DumpFailure(String sourceId, FailureClass failureClass, String reason, byte[] original, long originalSize)
        implements ReadOutcome, ParseOutcome {

    public DumpFailure {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(failureClass, "failureClass");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(original, "original");
    }

    static DumpFailure of(String sourceId, FailureClass failureClass, String reason, byte[] original) {
        return new DumpFailure(sourceId, failureClass, reason, original, original.length);
    }

    static DumpFailure of(String sourceId, FailureClass failureClass, String reason, String originalText) {
        return of(sourceId, failureClass, reason, originalText.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "DumpFailure[" + sourceId + ": " + reason + " (" + originalSize + " bytes)]";
    }
}
