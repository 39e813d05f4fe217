package io.newsflow.enrich.tagging;

import io.newsflow.enrich.text.CalendarWords;

import java.util.Set;

/** Word-level look-arounds and closed word lists shared by the region tagger and the keyword extractor. */
final class Words {

    private Words() {}

    /** Function words, which can be capitalised at a sentence or title start without being names. */
    static final Set<String> STOP = Set.of(
            "A",
            "An",
            "The",
            "And",
            "Or",
            "But",
            "Nor",
            "So",
            "Yet",
            "If",
            "As",
            "At",
            "By",
            "For",
            "From",
            "In",
            "Into",
            "Of",
            "On",
            "Onto",
            "Over",
            "To",
            "Up",
            "Upon",
            "With",
            "Within",
            "Without",
            "About",
            "After",
            "Against",
            "Along",
            "Amid",
            "Among",
            "Around",
            "Before",
            "Behind",
            "Below",
            "Beside",
            "Between",
            "Beyond",
            "During",
            "Despite",
            "Except",
            "Inside",
            "Near",
            "Outside",
            "Since",
            "Through",
            "Toward",
            "Towards",
            "Under",
            "Until",
            "Via",
            "While",
            "When",
            "Where",
            "Whether",
            "Which",
            "Who",
            "Whom",
            "Whose",
            "What",
            "Why",
            "How",
            "This",
            "That",
            "These",
            "Those",
            "It",
            "Its",
            "He",
            "She",
            "They",
            "We",
            "You",
            "I",
            "His",
            "Her",
            "Their",
            "Our",
            "Your",
            "My",
            "Is",
            "Are",
            "Was",
            "Were",
            "Be",
            "Been",
            "Has",
            "Have",
            "Had",
            "Do",
            "Does",
            "Did",
            "Will",
            "Would",
            "Shall",
            "Should",
            "Can",
            "Could",
            "May",
            "Might",
            "Must",
            "Not",
            "No",
            "All",
            "Any",
            "Both",
            "Each",
            "Every",
            "Few",
            "More",
            "Most",
            "Other",
            "Some",
            "Such",
            "Than",
            "Then",
            "There",
            "Here",
            "Also",
            "Only",
            "Just",
            "Even",
            "Still",
            "Now",
            "Once",
            "Meanwhile",
            "However",
            "Although",
            "Though",
            "Because",
            "Unless",
            "Across",
            "Versus",
            "Vs",
            "Per",
            "Many",
            "Much",
            "Several",
            "Former",
            "Latest",
            "New",
            "Top",
            "Breaking",
            "Update",
            "Exclusive",
            "Analysis",
            "Opinion",
            "Editorial",
            "Live",
            "Watch",
            "Video",
            "Photos");

    /** The calendar words (one list for tagging and dedup: {@link CalendarWords#ALL}). */
    static final Set<String> CALENDAR = CalendarWords.ALL;

    /** Honorifics and offices: they introduce a name but are not part of it. */
    static final Set<String> TITLES = Set.of(
            // Tokens never include a trailing period, so "Mr." is looked up as "Mr".
            "Mr",
            "Mrs",
            "Ms",
            "Miss",
            "Dr",
            "Prof",
            "Professor",
            "Sir",
            "Dame",
            "Lord",
            "Lady",
            "Gen",
            "Col",
            "Sgt",
            "Lt",
            "Capt",
            "Gov",
            "Sen",
            "Rep",
            "Rev",
            "President",
            "Vice",
            "Prime",
            "Minister",
            "Ministers",
            "Deputy",
            "Secretary",
            "General",
            "Chancellor",
            "King",
            "Queen",
            "Prince",
            "Princess",
            "Pope",
            "Sheikh",
            "Emir",
            "Sultan",
            "Judge",
            "Justice",
            "Senator",
            "Governor",
            "Mayor",
            "Chief",
            "Chairman",
            "Chairwoman",
            "Chair",
            "Director",
            "Ambassador",
            "Commissioner",
            "Spokesman",
            "Spokeswoman",
            "Spokesperson",
            "Premier",
            "Foreign",
            "Defence",
            "Defense",
            "Finance",
            "Economy",
            "Interior",
            "Health",
            "Affairs",
            "Agriculture",
            "Trade",
            "Energy",
            "Labour",
            "Labor",
            "Education",
            "Culture",
            "Environment",
            "Transport",
            "Executive",
            "Officer",
            "CEO",
            "Head",
            "Leader",
            "Opposition",
            "Speaker",
            "Commander",
            "Lieutenant",
            "Colonel",
            "Major",
            "Captain",
            "Admiral",
            "Marshal",
            "Sergeant",
            "Bishop",
            "Cardinal",
            "Archbishop",
            "Imam",
            "Rabbi",
            "Father",
            "Saint",
            "Coach",
            "Striker",
            "Midfielder",
            "Goalkeeper",
            "Defender",
            "Manager");

    /** Compass and size words that qualify a place name without being a name ("northern Syria"). */
    static final Set<String> PLACE_MODIFIERS = Set.of(
            "North",
            "South",
            "East",
            "West",
            "Northern",
            "Southern",
            "Eastern",
            "Western",
            "Central",
            "Northeast",
            "Northwest",
            "Southeast",
            "Southwest",
            "Northeastern",
            "Northwestern",
            "Southeastern",
            "Southwestern",
            "Upper",
            "Lower",
            "Greater",
            "Mainland",
            "Rural",
            "Downtown",
            "Coastal",
            "Occupied",
            "Neighbouring",
            "Neighboring",
            "Landlocked",
            "Post",
            "Pre",
            "Anti",
            "Pro");

    /** Words that put a following common-word place name in locative context ("in Nice", "from Split"). */
    static final Set<String> LOCATIVE = Set.of(
            "in",
            "at",
            "from",
            "to",
            "near",
            "outside",
            "inside",
            "of",
            "into",
            "around",
            "across",
            "via",
            "towards",
            "toward",
            "through",
            "between",
            "visited",
            "visiting",
            "visit",
            "reached",
            "left",
            "In",
            "At",
            "From",
            "To",
            "Near",
            "Outside",
            "Via",
            "Across",
            "Around",
            "Inside");

    static boolean isCapitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    }

    static boolean isAllCaps(String word) {
        boolean letters = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters |= Character.isLetter(c);
        }
        return letters;
    }

    /**
     * The word directly before {@code index}, separated by spaces only (no punctuation), or null.
     * A word glued by a hyphen ("US-backed") returns its last part only ("backed").
     */
    static String wordBefore(String text, int index) {
        int end = spacesBefore(text, index);
        if (end == index) {
            return null;
        }
        int start = wordCharsBefore(text, end);
        return start == end ? null : text.substring(start, end);
    }

    /**
     * True when the place at {@code index} is named as where securities are listed or quoted
     * ("will be listed in Luxembourg", "quoted on the Tokyo ..."): "listed" or "quoted", then "in" or
     * "on", maybe "the".
     */
    static boolean isListingVenue(String text, int index) {
        String word = wordBefore(text, index);
        int at = index;
        if ("the".equals(word)) {
            at = startOfWordBefore(text, at);
            word = wordBefore(text, at);
        }
        if (!"in".equals(word) && !"on".equals(word)) {
            return false;
        }
        String verb = wordBefore(text, startOfWordBefore(text, at));
        return "listed".equals(verb) || "quoted".equals(verb);
    }

    /** Where the word returned by {@link #wordBefore} for {@code index} starts. */
    private static int startOfWordBefore(String text, int index) {
        return wordCharsBefore(text, spacesBefore(text, index));
    }

    /** Where the run of spaces ending at {@code index} starts. */
    private static int spacesBefore(String text, int index) {
        int start = index;
        while (start > 0 && text.charAt(start - 1) == ' ') {
            start--;
        }
        return start;
    }

    /** Where the run of word characters ending at {@code index} starts. */
    private static int wordCharsBefore(String text, int index) {
        int start = index;
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** The word directly after {@code index}, separated by one or more spaces only, or null. */
    static String wordAfter(String text, int index) {
        int start = index;
        while (start < text.length() && text.charAt(start) == ' ') {
            start++;
        }
        if (start == index) {
            return null;
        }
        int end = start;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        return start == end ? null : text.substring(start, end);
    }

    /** True when only quotes, brackets or spaces stand between a sentence end (or the text start) and index. */
    static boolean isSentenceStart(String text, int index) {
        int i = index - 1;
        while (i >= 0) {
            char c = text.charAt(i);
            if (c == ' '
                    || c == '"'
                    || c == '\''
                    || c == '\u201C'
                    || c == '\u2018'
                    || c == '('
                    || c == '['
                    || c == '\n'
                    || c == '\t') {
                i--;
                continue;
            }
            if (c == '.') {
                return !isAbbreviation(text, i);
            }
            return c == '!' || c == '?' || c == ':' || c == ';' || c == '-' || c == '\u2013' || c == '\u2014';
        }
        return true;
    }

    /** Abbreviations whose period does not end a sentence: "Mr. Smith", "J. Smith", "St. Petersburg". */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Rev", "Jr",
            "Sr", "Mt", "Ft", "No", "vs");

    private static boolean isAbbreviation(String text, int period) {
        int start = period;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, period);
        return ABBREVIATIONS.contains(word) || word.length() == 1 && Character.isUpperCase(word.charAt(0));
    }

    /** A headline set all in capitals: at least two words of letters, none of them with a lower-case letter. */
    static boolean isAllCapsText(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 8 && text.indexOf(' ') > 0;
    }

    /**
     * Finite verbs that commonly end the subject of a news lead ("Amoco Corp said", "Sweden's
     * Electrolux will buy"); what precedes the first of them is the lead's subject, who acts.
     */
    private static final Set<String> LEAD_VERBS = Set.of(
            "said",
            "says",
            "told",
            "reported",
            "reports",
            "announced",
            "announces",
            "is",
            "are",
            "was",
            "were",
            "has",
            "have",
            "had",
            "will",
            "would",
            "could",
            "can",
            "may",
            "might",
            "should",
            "plans",
            "planned",
            "agreed",
            "agrees",
            "expects",
            "expected",
            "sees",
            "saw",
            "wants",
            "won",
            "lost",
            "rose",
            "fell",
            "raised",
            "lowered",
            "cut",
            "cuts",
            "approved",
            "approves",
            "filed",
            "completed",
            "named",
            "received",
            "signed",
            "bought",
            "sold",
            "acquired",
            "launched",
            "accused",
            "urged",
            "called",
            "asked",
            "warned",
            "denied",
            "confirmed",
            "opened",
            "closed",
            "made",
            "took",
            "set",
            "began");

    /** {@link #LEAD_VERBS} by their first letter, so that a word is compared without being copied. */
    private static final String[][] LEAD_VERBS_BY_FIRST = new String['z' + 1][];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            char first = c;
            LEAD_VERBS_BY_FIRST[c] =
                    LEAD_VERBS.stream().filter(v -> v.charAt(0) == first).toArray(String[]::new);
        }
    }

    /** Index of the first lead verb at or after {@code from}, or the text's length when there is none. */
    static int mainVerbIndex(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n) {
            int start = skipLetters(text, i, false);
            i = skipLetters(text, start, true);
            char first = start < n ? text.charAt(start) : ' ';
            if (first >= 'a' && first <= 'z') {
                for (String verb : LEAD_VERBS_BY_FIRST[first]) {
                    if (verb.length() == i - start && text.startsWith(verb, start)) {
                        return start;
                    }
                }
            }
        }
        return n;
    }

    /** The first index at or after {@code i} whose char is (not) a letter, or the text's length. */
    private static int skipLetters(String text, int i, boolean letters) {
        while (i < text.length() && Character.isLetter(text.charAt(i)) == letters) {
            i++;
        }
        return i;
    }

    /** Headlines are often Title Cased; there capitalisation says nothing about names. */
    static boolean isTitleCase(String text) {
        int words = 0;
        int capitalised = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = skipLetters(text, i, false);
            i = skipLetters(text, start, true);
            if (i - start >= 4) {
                words++;
                if (Character.isUpperCase(text.charAt(start))) {
                    capitalised++;
                }
            }
        }
        return words >= 3 && capitalised * 4 >= words * 3;
    }

    static boolean isWordChar(char c) {
        return isLetterOrDigit(c) || c == '\'' || c == '\u2019';
    }

    /** {@link Character#isLetterOrDigit(char)} from a table: the scans ask it for every char of every item. */
    static boolean isLetterOrDigit(char c) {
        return (LETTERS_AND_DIGITS[c >>> 6] & 1L << c) != 0;
    }

    private static final long[] LETTERS_AND_DIGITS = new long[(Character.MAX_VALUE + 1) / 64];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isLetterOrDigit((char) c)) {
                LETTERS_AND_DIGITS[c >>> 6] |= 1L << c;
            }
        }
    }
}
