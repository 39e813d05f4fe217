package io.newsflow.enrich.tagging;

import io.newsflow.enrich.tagging.Gazetteer.Entry;
import io.newsflow.enrich.tagging.Gazetteer.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The AP-style abbreviations of US states that wire copy puts after a town ("TRENTON, N.J.",
 * "Andalusia, Ala."). Several are also words or titles ("Miss.", "Ind.", "La."), so they count only
 * after a place and a comma, never on their own.
 */
final class UsStates {

    static final Set<String> ABBREVIATIONS = Set.of(
            "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "D.C.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.",
            "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.",
            "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.",
            "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.");

    /**
     * The abbreviations in lower case without their last period: a dateline's qualifier is a place
     * whatever its case, and desks keyed "TROY, MICH." and "CAPE CANAVERAL, Fla" as well.
     */
    private static final Set<String> IN_DATELINE =
            ABBREVIATIONS.stream().map(UsStates::datelineKey).collect(Collectors.toUnmodifiableSet());

    /** What an abbreviation stands for in a tally: the United States, as a name. */
    static final Entry ENTRY = new Entry("US state", "US", Kind.NAME, false);

    /**
     * The abbreviations in {@code text} from {@code from} on that follow a capitalised word and a
     * comma ("Andalusia, Ala."), as [start, end) pairs.
     */
    static List<int[]> afterPlace(String text, int from) {
        List<int[]> found = new ArrayList<>(1);
        for (int comma = text.indexOf(", ", from); comma > from; comma = text.indexOf(", ", comma + 2)) {
            int start = comma + 2;
            int end = start;
            while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '.')) {
                end++;
            }
            boolean endsWord = end == text.length() || " ,;:)".indexOf(text.charAt(end)) >= 0;
            if (endsWord
                    && end - start >= 3
                    && ABBREVIATIONS.contains(text.substring(start, end))
                    && isCapitalisedWordEnd(text, comma)) {
                found.add(new int[] {start, end});
            }
        }
        return found;
    }

    /** True when the word just before {@code index} starts with a capital letter. */
    private static boolean isCapitalisedWordEnd(String text, int index) {
        int i = index;
        while (i > 0
                && (Character.isLetter(text.charAt(i - 1))
                        || text.charAt(i - 1) == '\''
                        || text.charAt(i - 1) == '-')) {
            i--;
        }
        return i < index && Character.isUpperCase(text.charAt(i));
    }

    private UsStates() {}

    /** True when a dateline's qualifier ("N.J.", "MICH.", "Fla") is a state's abbreviation. */
    static boolean isDatelineAbbreviation(String qualifier) {
        return IN_DATELINE.contains(datelineKey(qualifier));
    }

    private static String datelineKey(String abbreviation) {
        String lower = abbreviation.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
