package io.newsflow.enrich.tagging;

import io.newsflow.enrich.tagging.Gazetteer.Entry;
import io.newsflow.enrich.tagging.Gazetteer.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stock-exchange listings as evidence of a company's home country, the way an editor reads "(NYSE:
 * XYZ)", "Toronto Stock Exchange", "Frankfurt bourse" or "London-listed": a company is usually
 * listed at home. Like a legal form ({@link CompanyForms}) this says where the company acting in the
 * story is from, so only listings in the lead's subject count ({@link RegionTagger}); elsewhere
 * ("shares also trade on the NYSE") they say nothing about what the story is about.
 */
final class Listings {

    /** Exchanges known by a name that holds no place, and where they are. */
    private static final Map<String, String> EXCHANGES = Map.of(
            "NYSE", "US",
            "Nasdaq", "US",
            "NASDAQ", "US",
            "AMEX", "US",
            "Amex", "US",
            "Big Board", "US",
            "TSX", "CA",
            "ASX", "AU",
            "LSE", "GB");

    /**
     * Words without which no listing is found, matched in {@link Tagger}'s one automaton pass so that
     * the pattern below runs only on the few texts that name an exchange.
     */
    static final List<String> CUES = Stream.concat(
                    Stream.of("Exchange", "exchange", "Bourse", "bourse", "listed"), EXCHANGES.keySet().stream())
            .sorted()
            .toList();

    private static final String PLACE = "\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?";
    private static final String NAMED = String.join("|", EXCHANGES.keySet());

    /**
     * "(NYSE: XYZ)"; "Stock Exchange of Singapore"; "Toronto Stock Exchange", "Paris bourse",
     * "Montreal Exchange"; "London-listed"; an exchange by its name alone ("on the NYSE").
     */
    private static final Pattern LISTING =
            Pattern.compile("\\((?<ticker>" + NAMED + ") ?[:;] ?\\p{Lu}[\\p{Lu}.]{0,7}\\)"
                    + "|[Ss]tock [Ee]xchange of (?<of>" + PLACE + ")"
                    + "|(?<exchange>" + PLACE + ")(?: [Ss]tock)? (?:[Ee]xchange|[Bb]ourse)\\b"
                    + "|(?<listed>" + PLACE + ")-listed\\b"
                    + "|\\b(?<named>" + NAMED + ")\\b");

    private Listings() {}

    /**
     * The listings in {@code text} in [{@code from}, {@code to}) whose exchange's country is known, given
     * the matches of {@link #CUES} in the text.
     */
    static List<CompanyHome> find(
            String text, List<AhoCorasickMatcher.Match> cues, int from, int to, Gazetteer gazetteer) {
        if (to <= from || cues.stream().noneMatch(c -> c.start() >= from && c.end() <= to)) {
            return List.of();
        }
        List<CompanyHome> found = new ArrayList<>(1);
        Matcher m = LISTING.matcher(text);
        m.region(from, to);
        while (m.find()) {
            String code = m.group("ticker") != null
                    ? EXCHANGES.get(m.group("ticker"))
                    : m.group("named") != null ? EXCHANGES.get(m.group("named")) : placeCountry(m, gazetteer);
            if (code != null) {
                found.add(new CompanyHome(code, m.group(), m.start()));
            }
        }
        return found;
    }

    private static String placeCountry(Matcher m, Gazetteer gazetteer) {
        String place = m.group("of") != null
                ? m.group("of")
                : m.group("exchange") != null ? m.group("exchange") : m.group("listed");
        Entry e = gazetteer.lookup(place);
        return e == null || e.kind() == Kind.BLOCKER || e.commonWord() ? null : e.countryCode();
    }
}
