package io.newsflow.ingest.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/** Parses the ISO-8601 times of Captured: and Published: headers. */
final class Timestamps {

    private Timestamps() {}

    /**
     * Accepts an instant with offset or zone ({@code 2017-04-07T10:15:30Z}, {@code ...+02:00}), a
     * local date-time or a date; times without an offset are taken as UTC so the result never depends
     * on the machine's zone. A space instead of the {@code T} is tolerated.
     */
    static Instant parse(String value) throws DateTimeParseException {
        Instant utc = plainUtc(value);
        return inRange(utc != null ? utc : formatted(value), value);
    }

    /** Years 0000-9999, what ISO-8601 writes without a sign; the formatter takes up to +999999999. */
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");

    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

    /**
     * A time Avro's timestamp-millis and every consumer can carry: the formatter accepts years up to
     * +999999999, whose milliseconds overflow a long, and a dump dated so is wrong anyway.
     */
    private static Instant inRange(Instant time, String value) {
        if (time.isBefore(FIRST) || time.isAfter(LAST)) {
            throw new DateTimeParseException("time out of the range 0000-9999: " + value, value, 0);
        }
        return time;
    }

    /** {@link #parse} through the formatter alone. */
    static Instant formatted(String value) throws DateTimeParseException {
        String v = value.length() > 10 && value.charAt(10) == ' '
                ? value.substring(0, 10) + 'T' + value.substring(11)
                : value;
        if (v.length() == 10) {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(v, ZonedDateTime::from, LocalDateTime::from);
        return t instanceof ZonedDateTime z ? z.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
    }

    /**
     * The usual form, {@code 2017-04-07T10:15:30Z} with or without a fraction of a second, read without
     * the formatter, which took a twentieth of parsing a dump. Null for any other form and for fields
     * out of range: the formatter then accepts or rejects it as before.
     */
    private static Instant plainUtc(String v) {
        int n = v.length();
        if (n < 20
                || n > 30
                || n == 21
                || v.charAt(n - 1) != 'Z'
                || v.charAt(4) != '-'
                || v.charAt(7) != '-'
                || v.charAt(10) != 'T'
                || v.charAt(13) != ':'
                || v.charAt(16) != ':'
                || n > 20 && v.charAt(19) != '.') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = digits(v, 17, 19);
        int fraction = n == 20 ? 0 : digits(v, 20, n - 1);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 28 && day > Month.of(month).length(Year.isLeap(year))
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || fraction < 0) {
            return null;
        }
        for (int i = n; i < 30; i++) {
            fraction *= 10; // a fraction of d digits counts 10^(9-d) nanoseconds a digit
        }
        return Instant.ofEpochSecond(
                LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC), fraction);
    }

    /** The ASCII digits of {@code v[from, to)} as a number, or -1 when any is not one. */
    private static int digits(String v, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
