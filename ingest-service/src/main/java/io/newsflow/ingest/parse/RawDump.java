package io.newsflow.ingest.parse;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One raw dump as read from a source, not yet parsed.
 *
 * @param sourceId where it came from, e.g. {@code dumps/a.txt#2} or {@code feed.jsonl:17}
 * @param text the decoded text, header block included
 * @param envelope header values that came beside the text rather than in it (the url and captured
 *     fields of a JSON Lines record), keyed like header keys ({@code URL}, {@code Captured}, ...);
 *     a header block in the text takes precedence
 * @param fallbackCapturedAt capture time when neither header nor envelope gives one (file mtime)
 * @param latin1 the text's bytes when the reader decoded it as Latin-1, else null (the parser finds out)
 */
public record RawDump(
        String sourceId, String text, Map<String, String> envelope, Instant fallbackCapturedAt, Latin1Text latin1)
        implements ReadOutcome {

    public RawDump {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(text, "text");
        envelope = Map.copyOf(envelope);
        Objects.requireNonNull(fallbackCapturedAt, "fallbackCapturedAt");
        if (latin1 != null && latin1.length() != text.length()) {
            throw new IllegalArgumentException(
                    "latin1 holds " + latin1.length() + " bytes for " + text.length() + " chars");
        }
    }

    public RawDump(String sourceId, String text, Map<String, String> envelope, Instant fallbackCapturedAt) {
        this(sourceId, text, envelope, fallbackCapturedAt, null);
    }

    public static RawDump of(String sourceId, String text, Instant fallbackCapturedAt) {
        return new RawDump(sourceId, text, Map.of(), fallbackCapturedAt);
    }
}
