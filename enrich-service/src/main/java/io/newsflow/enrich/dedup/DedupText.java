package io.newsflow.enrich.dedup;

import com.ibm.icu.lang.UCharacter;
import io.newsflow.enrich.text.CalendarWords;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises news text for deduplication: what differs between two occurrences of the same story
 * (wire prefixes, datelines, credit lines, case, punctuation, diacritics, whitespace) is removed, so
 * exact duplicates hash alike and near duplicates share most shingles.
 */
final class DedupText {

    /** "UPDATE 1-", "REFILE-UPDATE 2-", "CORRECTED-", "EXCLUSIVE-", "RPT-", "BREAKING:" ... */
    private static final Pattern WIRE_PREFIX = Pattern.compile(
            "^\\s*(?:(?:UPDATE|REFILE|CORRECTED|CORRECTION|EXCLUSIVE|RPT|WRAPUP|BRIEF|URGENT|BREAKING|FLASH)"
                    + "(?:\\s*\\d+)?\\s*[-:\u2013\u2014]\\s*)+");

    /**
     * "ZAGREB, March 3 (Reuters) -", "SPLIT, Croatia, April 11 (Reuters) -", "BRUSSELS -",
     * "Zagreb, March 3 (Hina) -", "Berlin (dpa) -": an upper-case place, or any place followed by an
     * agency in brackets.
     */
    private static final String PLACE_TAIL =
            "(?:,\\s*\\p{Lu}[\\p{L} .]{1,30}?)?(?:,\\s*\\p{Lu}\\p{L}+\\.?\\s+\\d{1,2})?\\s*";

    private static final Pattern DATELINE = Pattern.compile("^\\s*(?:"
            + "\\p{Lu}[\\p{Lu} .'/-]{1,40}" + PLACE_TAIL + "(?:\\([^()]{1,30}\\))?"
            + "|\\p{Lu}[\\p{L} .'/-]{1,40}?" + PLACE_TAIL + "\\(\\p{L}[\\p{L}.]{1,14}\\)"
            + ")\\s*[-\u2013\u2014]{1,2}\\s+");

    /** Trailing "(Reporting by ...; Editing by ...)" lines, also unbracketed on their own line. */
    private static final Pattern CREDIT_LINE = Pattern.compile(
            "(?:\\s*\\((?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ee]dited)\\b[^()]*\\)\\s*"
                    + "|\\s*\\n\\s*(?:Additional )?(?:Reporting|Writing|Editing) by\\b[^\\n]*\\s*)+$");

    private static final int CREDIT_TAIL_CHARS = 400;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Normalises a headline and a body; names are taken from the body only (headlines are often Title Case). */
    public NormalizedText normalize(String headline, String body) {
        List<String> tokens = new ArrayList<>();
        TreeSet<String> numbers = new TreeSet<>();
        TreeSet<String> names = new TreeSet<>();
        tokenize(clean(headline), tokens, numbers, null);
        tokenize(clean(body), tokens, numbers, names);
        return new NormalizedText(
                String.join(" ", tokens), List.copyOf(tokens), List.copyOf(numbers), List.copyOf(names));
    }

    /** The normalised form of one text, as hashed for exact duplicates. */
    public String normalize(String text) {
        return normalize(null, text).text();
    }

    private static String clean(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replace('\uFEFF', ' ')
                .replace('\u00A0', ' ');
        s = stripLeading(WIRE_PREFIX, s);
        s = stripLeading(DATELINE, s);
        // credit lines sit at the end: matching only the tail keeps the regex off long article bodies
        int tail = Math.max(0, s.length() - CREDIT_TAIL_CHARS);
        String end = s.substring(tail);
        return mayHoldCreditLine(end)
                ? s.substring(0, tail) + CREDIT_LINE.matcher(end).replaceFirst("")
                : s;
    }

    /**
     * False when no word CREDIT_LINE needs is there, so most texts skip the regex, which tries every
     * position of the tail: (r)eporting, (w)riting, (e)diting, (e)dited and (c)ompiled all hold one of these.
     */
    private static boolean mayHoldCreditLine(String tail) {
        return tail.contains("eporting") || tail.contains("riting") || tail.contains("dit") || tail.contains("ompiled");
    }

    private static String stripLeading(Pattern pattern, String s) {
        Matcher matcher = pattern.matcher(s);
        return matcher.lookingAt() ? s.substring(matcher.end()) : s;
    }

    /**
     * Splits on anything that is not a letter or digit, keeps decimal/thousands separators inside
     * numbers ("1,850.3" stays one token, ',' read as '.'), drops apostrophes inside words.
     */
    private static void tokenize(String s, List<String> tokens, TreeSet<String> numbers, TreeSet<String> names) {
        boolean sentenceStart = true;
        boolean allCaps = s.equals(s.toUpperCase(Locale.ROOT));
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                boolean digit = false;
                word.setLength(0);
                int j = i;
                while (j < s.length()) {
                    int c = s.codePointAt(j);
                    int after = j + Character.charCount(c);
                    if (Character.isLetterOrDigit(c)) {
                        digit |= Character.isDigit(c);
                        word.appendCodePoint(c);
                        j = after;
                    } else if ((c == '.' || c == ',')
                            && digit
                            && after < s.length()
                            && Character.isDigit(s.charAt(after))
                            && Character.isDigit(s.charAt(j - 1))) {
                        word.append('.');
                        j = after;
                    } else if (isApostrophe(c)
                            && after < s.length()
                            && Character.isLetter(s.codePointAt(after))
                            && Character.isLetter(s.codePointBefore(j))) {
                        if (isPossessiveS(s, after)) {
                            j = after + 1;
                            break;
                        }
                        j = after;
                    } else {
                        break;
                    }
                }
                String token = fold(word.toString());
                tokens.add(token);
                if (digit) {
                    numbers.add(token);
                } else if (names != null
                        && !sentenceStart
                        && !allCaps
                        && Character.isUpperCase(cp)
                        && !CalendarWords.NAMES_LOWER_CASE.contains(token)) {
                    names.add(token);
                }
                sentenceStart = false;
                i = j;
            } else {
                if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == '\n') {
                    sentenceStart = true;
                }
                i += Character.charCount(cp);
            }
        }
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019';
    }

    /** "Agrokor's" and "Agrokor" are the same word for dedup. */
    private static boolean isPossessiveS(String s, int at) {
        return (s.charAt(at) == 's' || s.charAt(at) == 'S')
                && (at + 1 == s.length() || !Character.isLetterOrDigit(s.codePointAt(at + 1)));
    }

    /** Full case folding, then diacritics removed: republishers often drop them (Dalić / Dalic). */
    private static String fold(String token) {
        for (int k = 0; k < token.length(); k++) {
            if (token.charAt(k) > 0x7F) {
                String folded = UCharacter.foldCase(token, true);
                String stripped = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD))
                        .replaceAll("");
                return stripped.replace('\u0111', 'd').replace('\u0142', 'l');
            }
        }
        return token.toLowerCase(Locale.ROOT); // full case folding of ASCII is plain lower-casing
    }
}
