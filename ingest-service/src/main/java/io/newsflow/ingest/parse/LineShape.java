package io.newsflow.ingest.parse;

/**
 * What one normalised line looks like, the weak evidence the parser uses only where a page's layout
 * leaves a choice open (see {@link SidebarPairing}).
 */
final class LineShape {

    /** Longer lines are never taken for a headline or title; real ones stay well below. */
    static final int MAX_HEADLINE_CHARS = 150;
    /** Longer lines may still be headlines, but are more often summaries. */
    private static final int LONG_LINE_CHARS = 80;

    private LineShape() {}

    /**
     * Short and not ended by a full stop, ellipsis or semicolon; question and exclamation marks are
     * allowed, and so is the stop of an initialism ("... TO SELL VEHICLES IN U.S.").
     */
    static boolean looksLikeHeadline(String line) {
        if (line.length() > MAX_HEADLINE_CHARS) {
            return false;
        }
        int end = line.length() - 1;
        while (end > 0 && isClosing(line.charAt(end))) {
            end--;
        }
        char last = line.charAt(end);
        return last == '.' ? endsWithInitialism(line, end) : last != '…' && last != '。' && last != '．' && last != ';';
    }

    /** {@code line[.. end]} ends with letters each followed by a stop, two or more: "U.S.", "U.K.", "E.U.". */
    private static boolean endsWithInitialism(String line, int end) {
        int letters = 0;
        int i = end;
        while (i >= 1 && line.charAt(i) == '.' && Character.isLetter(line.charAt(i - 1))) {
            letters++;
            i -= 2;
        }
        return letters >= 2 && (i < 0 || !Character.isLetter(line.charAt(i)));
    }

    /**
     * True when {@code line}, coming after {@code before}, reads as its summary although it does not
     * end like a sentence: it lists items with semicolons (results, dividend and table lines), it is
     * mostly in lower case under a headline in capitals, or it is longer than headlines run and twice
     * as long as the line before (a market table in one line).
     */
    static boolean readsAsSummaryOf(String line, String before) {
        return listsItems(line)
                || line.length() > LONG_LINE_CHARS && line.length() > 2 * before.length()
                || isCapitals(before) && isMostlyLowerCase(line);
    }

    /** Items separated by semicolons, as results, dividend and table lines are written. */
    static boolean listsItems(String line) {
        return line.indexOf(';') >= 0;
    }

    /** Letters in it, none of them lower case. */
    static boolean isCapitals(String line) {
        boolean letters = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters |= Character.isUpperCase(c);
        }
        return letters;
    }

    private static boolean isMostlyLowerCase(String line) {
        int lower = 0;
        int upper = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            lower += Character.isLowerCase(c) ? 1 : 0;
            upper += Character.isUpperCase(c) ? 1 : 0;
        }
        return lower > upper;
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == ')' || c == ']' || c == '」';
    }
}
