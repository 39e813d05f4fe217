package io.newsflow.enrich.tagging;

import io.newsflow.enrich.tagging.Gazetteer.Entry;
import io.newsflow.enrich.tagging.Gazetteer.Kind;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Countries named in one list ("Bahrain, Kuwait, Qatar and Oman", "Soviet and American missiles"):
 * an editor reads the members of a list as parties of the same standing, so a country listed with
 * one the item is about shares that standing ({@link RegionTally}). Only country names and demonyms
 * make a list; cities joined by "and" are routes or venues ("between Sydney and Los Angeles").
 * Stateless.
 */
final class CountryLists {

    /**
     * What may stand between two members of a list: the first member's figure, if any ("Indonesia
     * 24,516, Thailand 19,000", "Australia (44 pct), the U.S. (29 pct)"), a comma, "and" or "or", and
     * an article.
     */
    private static final Pattern SEPARATOR = Pattern.compile("(?:\\s+\\(?\\d[\\d,.]*(?:\\s+[a-z]+)?\\)?)?"
            + "(?:,\\s+(?:(?:[Aa]nd|[Oo]r)\\s+)?|\\s+(?:[Aa]nd|[Oo]r)\\s+)(?:the\\s+)?");

    private CountryLists() {}

    /**
     * For each of a segment's matches (text order), the id of the list it is a member of, or -1; ids
     * start at {@code firstId}, one per list of two or more members.
     */
    static int[] listIds(String text, List<AhoCorasickMatcher.Match> matches, Gazetteer gazetteer, int firstId) {
        int[] ids = new int[matches.size()];
        Arrays.fill(ids, -1);
        int next = firstId;
        for (int i = 1; i < matches.size(); i++) {
            AhoCorasickMatcher.Match previous = matches.get(i - 1);
            AhoCorasickMatcher.Match match = matches.get(i);
            if (isCountry(gazetteer.entry(previous.pattern()))
                    && isCountry(gazetteer.entry(match.pattern()))
                    && previous.end() <= match.start()
                    && SEPARATOR
                            .matcher(text)
                            .region(previous.end(), match.start())
                            .matches()) {
                if (ids[i - 1] < 0) {
                    ids[i - 1] = next++;
                }
                ids[i] = ids[i - 1];
            }
        }
        return ids;
    }

    private static boolean isCountry(Entry e) {
        return e.kind() == Kind.NAME || e.kind() == Kind.DEMONYM;
    }
}
