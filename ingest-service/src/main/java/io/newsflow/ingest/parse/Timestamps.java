package io.newsflow.ingest.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/** Parses the ISO-8601 times of Captured: and Published: headers. */
final class Timestamps {

  private Timestamps() {
  }

  /**
   * Accepts an instant with offset or zone ({@code 2017-04-07T10:15:30Z}, {@code ...+02:00}), a
   * local date-time or a date; times without an offset are taken as UTC so the result never depends
   * on the machine's zone. A space instead of the {@code T} is tolerated.
   */
  static Instant parse(String value) throws DateTimeParseException {
    String v = value.length() > 10 && value.charAt(10) == ' '
        ? value.substring(0, 10) + 'T' + value.substring(11)
        : value;
    if (v.length() == 10) {
      return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(v, ZonedDateTime::from, LocalDateTime::from);
    return t instanceof ZonedDateTime z ? z.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
  }
}
