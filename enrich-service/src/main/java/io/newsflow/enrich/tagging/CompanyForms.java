package io.newsflow.enrich.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A company's legal form as evidence of its home country ("Amoco Corp" US, "Wellcome PLC" GB,
 * "Electrolux AB" SE), the way an editor reads it. Only forms that belong to one country's law
 * are listed: "Ltd" or "SA" are used in many countries and say nothing. {@link Tagger} finds the
 * forms in its one automaton pass ({@link #FORMS}); this class checks that a name precedes them.
 */
final class CompanyForms {

    /** The forms, as automaton patterns, and the country of each (same index). */
    static final List<String> FORMS = List.of(
            "Inc",
            "Corp",
            "Corporation",
            "Incorporated",
            "Co",
            "Plc",
            "PLC",
            "GmbH",
            "NV",
            "BV",
            "SpA",
            "AB",
            "Oy",
            "Oyj",
            "ASA",
            "KK",
            "Bhd",
            "Pty");

    private static final List<String> COUNTRY = List.of(
            "US", "US", "US", "US", "US", "GB", "GB", "DE", "NL", "NL", "IT", "SE", "FI", "FI", "NO", "JP", "MY", "AU");

    /** For text the main pass did not scan as it is (a headline in capitals, read as title case). */
    static final AhoCorasickMatcher MATCHER = new AhoCorasickMatcher(FORMS);

    /** Forms that may follow another in one name ("Sony Co Ltd", "Cadbury Co Plc"): the last one decides. */
    private static final Set<String> LATER_FORMS =
            Set.of("Ltd", "Limited", "LTD", "Plc", "PLC", "Inc", "Corp", "AG", "SA", "KG", "NV", "AB");

    /** At most this many capitalised words before the form are taken as the company's name. */
    private static final int NAME_WORDS = 5;

    private CompanyForms() {}

    /**
     * The forms among {@code matches} (of {@link #FORMS} in {@code text}) that start at or after
     * {@code from} and before {@code to}, each after one to {@value #NAME_WORDS} capitalised words.
     */
    static List<CompanyHome> find(String text, List<AhoCorasickMatcher.Match> matches, int from, int to) {
        List<CompanyHome> found = new ArrayList<>(matches.size());
        for (AhoCorasickMatcher.Match m : matches) {
            if (m.start() < from || m.start() >= to || LATER_FORMS.contains(nextWord(text, m.end()))) {
                continue;
            }
            int nameStart = nameStart(text, m.start());
            if (nameStart < m.start()) {
                found.add(new CompanyHome(COUNTRY.get(m.pattern()), text.substring(nameStart, m.end()), nameStart));
            }
        }
        return found;
    }

    /** Start of the run of capitalised words just before {@code formStart}, or {@code formStart} if none. */
    private static int nameStart(String text, int formStart) {
        int start = formStart;
        int i = formStart;
        for (int words = 0; words < NAME_WORDS && i > 0 && text.charAt(i - 1) == ' '; words++) {
            int end = i - 1;
            int w = end;
            while (w > 0 && isNameChar(text.charAt(w - 1))) {
                w--;
            }
            if (w == end
                    || !(Character.isUpperCase(text.charAt(w)) || Character.isDigit(text.charAt(w)))
                    || text.charAt(end - 1) == '.' && end - w > 3) {
                break; // not a name word, or one that ends a sentence ("said Reuters. Amoco Corp")
            }
            start = w;
            i = w;
        }
        return start;
    }

    private static String nextWord(String text, int i) {
        int n = text.length();
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '.')) {
            i++;
        }
        int start = i;
        while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return text.substring(start, i);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '&' || c == '\'' || c == '.' || c == '-';
    }
}
