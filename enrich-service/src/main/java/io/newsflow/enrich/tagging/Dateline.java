package io.newsflow.enrich.tagging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place of a wire dateline at the start of a lead: "ZAGREB, March 3 (Reuters) -",
 * "BEIRUT (AP) —", "Paris (AFP) -", "SPLIT, Croatia, May 2 -", "MONTREAL, Feb 26-".
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
    private static final String DATE = "(?:,? ?\\p{Lu}\\p{Ll}{2,8}\\.? \\d{1,2}(?:, \\d{4})?)?";
    /** The dash after the dateline; wires sometimes set it right after the day ("MONTREAL, Feb 26- "). */
    private static final String DASH = "(?:\\s+|(?<=\\d))[-\u2013\u2014]\\s";
    /** Any-case place followed by an agency in brackets, or an ALL-CAPS place followed by a date or dash. */
    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*(?:(" + PLACE + ")(?:, (" + PLACE + "))?" + DATE + " ?\\([\\p{L} .]{2,20}\\)" + DASH + "|("
                    + CAPS_PLACE + ")(?:, (" + PLACE + "))?" + DATE + "(?: ?\\([\\p{L} .]{2,20}\\))?" + DASH + ")");

    static Dateline find(String lead) {
        if (!mayStartWithDateline(lead)) {
            return null;
        }
        Matcher m = DATELINE.matcher(lead);
        if (!m.find()) {
            return null;
        }
        boolean agencyForm = m.group(1) != null;
        String place = agencyForm ? m.group(1) : m.group(3);
        String qualifier = agencyForm ? m.group(2) : m.group(4);
        return new Dateline(place, qualifier, m.end());
    }

    /** Cheap pre-check, run on every lead: an ALL-CAPS start or an agency bracket near the start. */
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
        int bracket = lead.indexOf('(', i);
        return bracket >= 0 && bracket - i < 80;
    }
}
