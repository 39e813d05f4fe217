package io.newsflow.enrich.tagging;

import io.newsflow.avro.RegionTag;
import io.newsflow.enrich.tagging.ItemText.Zone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Country mentions of one item with the editorial evidence for each, and the decision which
 * countries the item is about and which it only mentions; not thread-safe (one per item).
 */
final class RegionTally {

    /** Evidence that an item is about a country, strongest first; its name is the reason given with the tag. */
    public enum Evidence {
        DATELINE("dateline"),
        HEADLINE("headline"),
        LEAD_SUBJECT("lead-subject"),
        LEAD("lead"),
        REPEATED("repeated"),
        TOPIC("topic"),
        COMPANY_FORM("company-form"),
        LISTING("listing"),
        LISTED_WITH("listed-with"),
        MENTIONED("mentioned");

        private final String reason;

        Evidence(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The regions an item is about (primary first) and those it merely mentions. */
    public record Regions(List<RegionTag> about, List<RegionTag> mentioned) {}

    private static final class Count {
        final int order;
        int mentions;
        /** Mentions that are evidence (not a listing venue), for {@link Evidence#REPEATED}. */
        int named;

        double weight;
        final Set<String> matched = new LinkedHashSet<>();
        final EnumSet<Evidence> evidence = EnumSet.noneOf(Evidence.class);
        /** Ids of the lists of countries it was named in ({@link CountryLists}). */
        final Set<Integer> lists = new HashSet<>(2);

        Count(int order) {
            this.order = order;
        }
    }

    /**
     * A second country is about-worthy on headline or dateline evidence alone, when the lead's subject
     * names it and it is named again, or when it weighs at least this share of the primary's weight and
     * is named in the lead's subject or repeatedly.
     */
    private static final double SECONDARY_SHARE = 0.5;

    private final Map<String, Count> counts = new LinkedHashMap<>();
    /** The countries named in each list of countries, by list id. */
    private final Map<Integer, Set<String>> lists = new HashMap<>();
    /** Evidence used only when the item names no country at all: companies' home countries. */
    private final Map<String, Count> fallback = new LinkedHashMap<>(2);

    /**
     * A mention found in the text, at the given place of the item; {@code list} is the id of the list
     * of countries it was named in, or -1.
     */
    public void add(String countryCode, String surface, Zone zone, boolean leadSubject, int list) {
        Count c = count(countryCode);
        if (list >= 0) {
            c.lists.add(list);
            lists.computeIfAbsent(list, k -> new HashSet<>(4)).add(countryCode);
        }
        c.mentions++;
        c.named++;
        c.weight += zone.weight();
        c.matched.add(surface);
        c.evidence.add(
                switch (zone) {
                    case DATELINE -> Evidence.DATELINE;
                    case HEADLINE -> Evidence.HEADLINE;
                    case LEAD -> leadSubject ? Evidence.LEAD_SUBJECT : Evidence.LEAD;
                    case BODY -> Evidence.MENTIONED;
                });
        if (c.named == 2) {
            c.evidence.add(Evidence.REPEATED);
        }
    }

    /**
     * A place named as where securities are listed ("the bonds will be listed in Luxembourg"): it
     * weighs as a body mention, but says where they trade, not that the item is about the place, so
     * naming it again that way does not make it {@link Evidence#REPEATED}.
     */
    public void addVenue(String countryCode, String surface) {
        addImplied(countryCode, surface, Evidence.MENTIONED, Zone.BODY.weight());
    }

    /** Indirect evidence (a topic alias, a company's legal form or listing) with its weight. */
    public void addImplied(String countryCode, String surface, Evidence evidence, double weight) {
        Count c = count(countryCode);
        c.mentions++;
        c.weight += weight;
        c.matched.add(surface);
        c.evidence.add(evidence);
    }

    /** A company's home country, counted only if nothing else names a country. */
    public void addFallback(String countryCode, String surface) {
        Count c = fallback.computeIfAbsent(countryCode, k -> new Count(fallback.size()));
        c.mentions++;
        c.weight += Zone.BODY.weight();
        c.matched.add(surface);
        c.evidence.add(Evidence.COMPANY_FORM);
    }

    private Count count(String countryCode) {
        return counts.computeIfAbsent(countryCode, k -> new Count(counts.size()));
    }

    /**
     * Splits the countries into those the item is about and those it mentions. The primary is the
     * heaviest (ties: named first); another country is about-worthy when the dateline or headline
     * names it, when the lead's subject names it and it is named again, or when it weighs at least
     * {@link #SECONDARY_SHARE} of the primary and the lead's subject names it or it is named
     * repeatedly. A country named repeatedly and, once at least, in one list with a country so
     * decided ("Bahrain, Kuwait, Qatar and Oman") is about too. Everything else is a passing mention.
     * Only when no country is named at all do companies' home countries (by legal form) decide.
     */
    public Regions decide(Gazetteer gazetteer) {
        Map<String, Count> counts = this.counts.isEmpty() ? fallback : this.counts;
        double total = counts.values().stream().mapToDouble(c -> c.weight).sum();
        List<Map.Entry<String, Count>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, Count>>comparingDouble(e -> -e.getValue().weight)
                .thenComparingInt(e -> e.getValue().order));
        List<RegionTag> about = new ArrayList<>();
        List<RegionTag> mentioned = new ArrayList<>();
        double primaryWeight = sorted.isEmpty() ? 0 : sorted.get(0).getValue().weight;
        Set<String> aboutCodes = new HashSet<>();
        for (Map.Entry<String, Count> e : sorted) {
            if (aboutCodes.isEmpty() || isAbout(e.getValue(), primaryWeight)) {
                aboutCodes.add(e.getKey());
            }
        }
        for (Map.Entry<String, Count> e : sorted) {
            Count c = e.getValue();
            boolean isAbout = aboutCodes.contains(e.getKey());
            // The members of a list are parties of the same standing ("Gulf states -- Bahrain, Kuwait,
            // Qatar, Oman ..."); named again, a member is more than a passing mention.
            if (!isAbout && c.evidence.contains(Evidence.REPEATED) && listedWithAny(c, aboutCodes)) {
                c.evidence.add(Evidence.LISTED_WITH);
                isAbout = true;
            }
            RegionTag tag = tag(gazetteer, e.getKey(), c, total);
            if (isAbout) {
                about.add(tag);
            } else {
                mentioned.add(tag);
            }
        }
        return new Regions(about, mentioned);
    }

    /** Whether the country was named in a list together with one of {@code aboutCodes}. */
    private boolean listedWithAny(Count c, Set<String> aboutCodes) {
        for (int list : c.lists) {
            for (String code : lists.get(list)) {
                if (aboutCodes.contains(code)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAbout(Count c, double primaryWeight) {
        if (c.evidence.contains(Evidence.DATELINE) || c.evidence.contains(Evidence.HEADLINE)) {
            return true;
        }
        boolean acts = c.evidence.contains(Evidence.LEAD_SUBJECT);
        boolean repeated = c.evidence.contains(Evidence.REPEATED);
        // A country that acts in the lead and is named again is a party to the story whatever its share
        // ("Poland and the U.S. said ...": an editor lists both).
        if (acts && repeated) {
            return true;
        }
        // A company's legal form can make the primary when nothing stronger names a country, but is too
        // weak to add a second one ("Ivaco Inc", a Canadian firm).
        return c.weight >= SECONDARY_SHARE * primaryWeight && (acts || repeated);
    }

    private static RegionTag tag(Gazetteer gazetteer, String code, Count c, double total) {
        Gazetteer.Country country = gazetteer.country(code);
        List<String> reasons = new ArrayList<>(c.evidence.size());
        for (Evidence ev : c.evidence) {
            // "mentioned" only when nothing stronger was seen.
            if (ev != Evidence.MENTIONED || c.evidence.size() == 1) {
                reasons.add(ev.reason());
            }
        }
        // The all-fields constructor, not the builder: builders resolve and copy schema defaults per
        // record, a cost that showed in the tagger's throughput.
        return new RegionTag(
                country.code(),
                country.name(),
                country.subregion(),
                country.subregionCode(),
                country.continent(),
                country.continentCode(),
                c.mentions,
                List.copyOf(c.matched),
                total == 0 ? 0 : c.weight / total,
                reasons);
    }
}
