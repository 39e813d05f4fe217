package io.newsflow.platform.alerts;

import org.apache.avro.generic.GenericRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One readable line for a burst alert, e.g.
 * {@code Burst: "Agrokor" (keyword) 6 mentions in 2017-04-07 10:00-11:00 UTC, usual 0.4, score 8.1; e.g. "Croatia ..."},
 * or, for an alert raised before its window closed, with the count so far and when:
 * {@code ... 6 mentions in 2017-04-07 10:00-11:00 UTC by 10:07, usual 0.4, ...}.
 * Works on any record with BurstAlert's fields, generated (BurstAlert) or decoded with the writer
 * schema (tail's generic records), so the webhook and {@code tail --text} print the same line.
 */
public final class AlertText {
    static final int MAX_SAMPLES = 3;
    private static final List<String> FIELDS =
            List.of("keyword", "kind", "windowStart", "windowEnd", "count", "baselineMean", "score");
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private AlertText() {}

    /** True when {@code value} is a record with BurstAlert's fields. */
    public static boolean isAlert(Object value) {
        return value instanceof GenericRecord record && FIELDS.stream().allMatch(record::hasField);
    }

    public static String line(GenericRecord alert) {
        Instant start = instant(alert.get("windowStart"));
        Instant end = instant(alert.get("windowEnd"));
        // Windows under a day read best as one date and two times; longer ones need both dates.
        DateTimeFormatter withinWindow =
                Duration.between(start, end).compareTo(Duration.ofDays(1)) < 0 ? TIME : DAY_TIME;
        Object detectedAt = alert.hasField("detectedAt") ? alert.get("detectedAt") : null;
        // An alert from before its window closed counts the mentions so far: say by when.
        String soFar = detectedAt != null && instant(detectedAt).isBefore(end)
                ? " by " + withinWindow.format(instant(detectedAt))
                : "";
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "Burst: \"%s\" (%s) %d mentions in %s-%s UTC%s, usual %.1f, score %.1f",
                oneLine(alert.get("keyword")),
                oneLine(alert.get("kind")).toLowerCase(Locale.ROOT),
                ((Number) alert.get("count")).longValue(),
                DAY_TIME.format(start),
                withinWindow.format(end),
                soFar,
                ((Number) alert.get("baselineMean")).doubleValue(),
                ((Number) alert.get("score")).doubleValue()));
        List<String> headlines = samples(alert).stream()
                .map(s -> s.hasField("headline") ? s.get("headline") : null)
                .filter(Objects::nonNull)
                .limit(MAX_SAMPLES)
                .map(h -> "\"" + oneLine(h) + "\"")
                .toList();
        if (!headlines.isEmpty()) {
            line.append("; e.g. ").append(String.join(", ", headlines));
        }
        return line.toString();
    }

    /** Generated classes convert timestamp-millis to Instant; generic records decoded without conversions keep the long. */
    private static Instant instant(Object value) {
        return value instanceof Instant instant ? instant : Instant.ofEpochMilli(((Number) value).longValue());
    }

    @SuppressWarnings("unchecked")
    private static List<GenericRecord> samples(GenericRecord alert) {
        Object samples = alert.hasField("samples") ? alert.get("samples") : null;
        return samples instanceof Collection<?> c ? List.copyOf((Collection<GenericRecord>) c) : List.of();
    }

    /**
     * Headlines can carry line breaks from the scrape; the line must stay one line. Other control
     * characters (ESC, BEL, C1) become U+FFFD: {@code tail --text} prints this line to a terminal,
     * which would obey an escape sequence hidden in a headline.
     */
    private static String oneLine(Object text) {
        return String.valueOf(text).replaceAll("\\s+", " ").strip().replaceAll("\\p{Cc}", "\uFFFD");
    }
}
