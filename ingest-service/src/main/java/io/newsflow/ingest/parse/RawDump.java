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
 */
public record RawDump(String sourceId, String text, Map<String, String> envelope, Instant fallbackCapturedAt)
    implements ReadOutcome {

  public RawDump {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(text, "text");
    envelope = Map.copyOf(envelope);
    Objects.requireNonNull(fallbackCapturedAt, "fallbackCapturedAt");
  }

  public static RawDump of(String sourceId, String text, Instant fallbackCapturedAt) {
    return new RawDump(sourceId, text, Map.of(), fallbackCapturedAt);
  }
}
