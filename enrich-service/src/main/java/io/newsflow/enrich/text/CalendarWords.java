package io.newsflow.enrich.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Calendar words, as written in English news: capitalised, but dates rather than names. The tagger
 * keeps them out of keywords and place names, dedup keeps them out of the names two stories share.
 */
public final class CalendarWords {
    private static final List<String> WEEKDAYS =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final List<String> MONTHS = List.of(
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December");
    private static final List<String> SHORT_MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");
    private static final List<String> RELATIVE_DAYS = List.of("Today", "Tonight", "Yesterday", "Tomorrow");

    /** Weekday and month names, abbreviated months and relative days, capitalised as written. */
    public static final Set<String> ALL = Stream.of(WEEKDAYS, MONTHS, SHORT_MONTHS, RELATIVE_DAYS)
            .flatMap(List::stream)
            .collect(Collectors.toUnmodifiableSet());

    /** Weekday and month names in full, lower-cased (for text already case-folded). */
    public static final Set<String> NAMES_LOWER_CASE = Stream.of(WEEKDAYS, MONTHS)
            .flatMap(List::stream)
            .map(w -> w.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private CalendarWords() {}
}
