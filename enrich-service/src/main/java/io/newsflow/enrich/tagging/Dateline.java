package io.newsflow.enrich.tagging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place of a wire dateline at the start of a lead: "ZAGREB, March 3 (Reuters) -",
 * "BEIRUT (AP) —", "Paris (AFP) -", "SPLIT, Croatia, May 2 -", "MONTREAL, Feb 26-",
 * "Toronto, Feb 26 -", "WESTPORT, Conn., FEB 26 -", "AMSTERDAM, 2 March -".
 *
 * @param place the place as written (first comma-separated part)
 * @param qualifier what follows the place before the date, e.g. "Croatia"; may be null
 * @param end index just after the dateline
 */
record Dateline(String place, String qualifier, int end) {

    private static final String WORD = "[\\p{Lu}][\\p{L}'.\\-]*";
    private static final String PLACE = WORD + "(?: " + WORD + "){0,3}";
    private static final String CAPS_WORD = "[\\p{Lu}][\\p{Lu}'.\\-]+";
    private static final String CAPS_PLACE = CAPS_WORD + "(?: " + CAPS_WORD + "){0,3}";
    /** A month in any case: wire desks keyed "FEB", "FEb" and "feb" as well as "Feb". */
    private static final String MONTH = "(?i:jan|feb|mar|apr|may|june?|july?|aug|sept?|oct|nov|dec)\\p{L}{0,6}\\.?";
    /** "March 3", "Feb 26, 1987" or "2 March". */
    private static final String DAY = "(?:" + MONTH + " \\d{1,2}(?:, \\d{4})?|\\d{1,2} " + MONTH + ")";

    private static final String DATE = "(?:,? ?" + DAY + ")?";
    /** The dash after the dateline; wires sometimes set it right after the day ("MONTREAL, Feb 26- "). */
    private static final String DASH = "(?:\\s+|(?<=\\d))[-\u2013\u2014]\\s";
    /**
     * An ALL-CAPS place followed by a date or dash (most wire datelines, so tried first), any-case place
     * followed by an agency in brackets, or an any-case place followed by a date ("Toronto, Feb 26 -":
     * the date tells it from a sentence).
     */
    private static final Pattern DATELINE = Pattern.compile("\\s*(?:(" + CAPS_PLACE + ")(?:, (" + PLACE + "))?" + DATE
            + "(?: ?\\([\\p{L} .]{2,20}\\))?" + DASH + "|(" + PLACE + ")(?:, (" + PLACE + "))?" + DATE
            + " ?\\([\\p{L} .]{2,20}\\)" + DASH + "|(" + PLACE + ")(?:, (" + PLACE + "))?, " + DAY + DASH + ")");

    static Dateline find(String lead) {
        if (!mayStartWithDateline(lead)) {
            return null;
        }
        Matcher m = DATELINE.matcher(lead);
        if (!m.lookingAt()) {
            return null;
        }
        int form = m.group(1) != null ? 1 : m.group(3) != null ? 3 : 5;
        return new Dateline(m.group(form), m.group(form + 1), m.end());
    }

    /**
     * Cheap pre-check, run on every lead: an ALL-CAPS start, or near the start an agency bracket or a
     * dash after a day ("Toronto, Feb 26 -").
     */
    private static boolean mayStartWithDateline(String lead) {
        int i = 0;
        while (i < lead.length() && Character.isWhitespace(lead.charAt(i))) {
            i++;
        }
        if (i + 1 >= lead.length() || !Character.isUpperCase(lead.charAt(i))) {
            return false;
        }
        if (Character.isUpperCase(lead.charAt(i + 1))) {
            return true;
        }
        int limit = Math.min(lead.length(), i + 80);
        for (int j = i; j < limit; j++) {
            char c = lead.charAt(j);
            if (c == '(' || isDash(c) && dayBefore(lead, j)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2013' || c == '\u2014';
    }

    /** True when a digit ends the text before {@code dash}, spaces aside. */
    private static boolean dayBefore(String lead, int dash) {
        int k = dash - 1;
        while (k >= 0 && lead.charAt(k) == ' ') {
            k--;
        }
        return k >= 0 && Character.isDigit(lead.charAt(k));
    }
}
