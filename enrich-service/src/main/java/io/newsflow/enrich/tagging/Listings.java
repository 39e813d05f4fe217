package io.newsflow.enrich.tagging;

import io.newsflow.enrich.tagging.Gazetteer.Entry;
import io.newsflow.enrich.tagging.Gazetteer.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stock-exchange listings as evidence of a company's home country, the way an editor reads "(NYSE:
 * XYZ)", "Toronto Stock Exchange", "Frankfurt bourse" or "London-listed": a company is usually
 * listed at home. Like a legal form ({@link CompanyForms}) this says where the company acting in the
 * story is from, not that the story is about the exchange's country.
 */
final class Listings {

    /** A listing found in a text, with the country of the exchange. */
    record Found(String countryCode, String surface, int start) {}

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

    /** The listings in {@code text} from {@code from} on whose exchange's country is known. */
    static List<Found> find(String text, int from, Gazetteer gazetteer) {
        if (!mayHoldListing(text)) {
            return List.of();
        }
        List<Found> found = new ArrayList<>(1);
        Matcher m = LISTING.matcher(text);
        m.region(from, text.length());
        while (m.find()) {
            String code = m.group("ticker") != null
                    ? EXCHANGES.get(m.group("ticker"))
                    : m.group("named") != null ? EXCHANGES.get(m.group("named")) : placeCountry(m, gazetteer);
            if (code != null) {
                found.add(new Found(code, m.group(), m.start()));
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

    /** Cheap pre-check: most texts name no exchange. */
    private static boolean mayHoldListing(String text) {
        return text.contains("xchange")
                || text.contains("ourse")
                || text.contains("-listed")
                || text.contains("NYSE")
                || text.contains("Nasdaq")
                || text.contains("NASDAQ")
                || text.contains("AMEX")
                || text.contains("Amex")
                || text.contains("Big Board")
                || text.contains("TSX")
                || text.contains("ASX")
                || text.contains("LSE");
    }
}
