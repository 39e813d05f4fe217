package io.newsflow.enrich.tagging;

import io.newsflow.enrich.tagging.Gazetteer.Entry;
import io.newsflow.enrich.tagging.Gazetteer.Kind;
import io.newsflow.enrich.tagging.ItemText.Segment;
import io.newsflow.enrich.tagging.ItemText.Zone;
import io.newsflow.enrich.tagging.RegionTally.Evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the countries an item mentions from the gazetteer matches of each segment (found by
 * {@link Tagger} in its one automaton pass), with context checks that keep precision (case, common
 * words, personal names, ambiguous names), and records where each sits (dateline, headline, the
 * lead's subject, ...) for {@link RegionTally} to decide what the item is about. Stateless and
 * thread-safe.
 */
final class RegionTagger {

    private final Gazetteer gazetteer;
    private final AmbiguousNames ambiguous;

    public RegionTagger(Gazetteer gazetteer, AmbiguousNames ambiguous) {
        this.gazetteer = gazetteer;
        this.ambiguous = ambiguous;
    }

    /**
     * A mention that passed the local context checks, before the item-wide ambiguity pass; {@code list}
     * is the id of the list of countries it was named in ({@link CountryLists}), or -1; {@code venue}
     * marks a place named as where securities are listed ("listed in Luxembourg").
     */
    private record Mention(Entry entry, String surface, Zone zone, boolean leadSubject, int list, boolean venue) {}

    /** Country mentions, given the matches of the gazetteer forms in each segment of the item. */
    public RegionTally collect(
            ItemText item,
            List<List<AhoCorasickMatcher.Match>> matchesBySegment,
            List<List<AhoCorasickMatcher.Match>> companyFormsBySegment,
            List<List<AhoCorasickMatcher.Match>> listingCuesBySegment) {
        List<Mention> mentions = new ArrayList<>();
        List<CompanyHome> companies = new ArrayList<>(2);
        List<CompanyHome> listings = new ArrayList<>(1);
        Set<String> placesInCompanyNames = new HashSet<>(2);
        int nextListId = 0;
        RegionTally tally = new RegionTally();
        List<Segment> segments = item.segments();
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            String text = segment.text();
            List<AhoCorasickMatcher.Match> matches = matchesBySegment.get(s);
            List<AhoCorasickMatcher.Match> forms = companyFormsBySegment.get(s);
            List<AhoCorasickMatcher.Match> cues = listingCuesBySegment.get(s);
            int from = 0;
            int subjectEnd = -1;
            if (segment.zone() == Zone.LEAD) {
                from = addDateline(item.dateline(), mentions);
                subjectEnd = Words.mainVerbIndex(text, from);
            }
            if (segment.zone() == Zone.HEADLINE && Words.isAllCapsText(text)) {
                // Wire headlines in capitals ("SWEDISH FIRM BIDS FOR ..."): read them as title case.
                text = titleCase(text);
                matches = gazetteer.matcher().findAll(text);
                forms = CompanyForms.MATCHER.findAll(text);
            }
            boolean titleCase = segment.zone() == Zone.HEADLINE && Words.isTitleCase(text);
            List<AhoCorasickMatcher.Match> accepted = new ArrayList<>(matches.size());
            for (AhoCorasickMatcher.Match m : matches) {
                Entry e = gazetteer.entry(m.pattern());
                if (m.start() >= from && e.kind() != Kind.BLOCKER && fitsContext(e, text, m, titleCase)) {
                    accepted.add(m);
                }
            }
            int[] listIds = CountryLists.listIds(text, accepted, gazetteer, nextListId);
            for (int i = 0; i < accepted.size(); i++) {
                AhoCorasickMatcher.Match m = accepted.get(i);
                mentions.add(new Mention(
                        gazetteer.entry(m.pattern()),
                        text.substring(m.start(), m.end()),
                        segment.zone(),
                        m.start() < subjectEnd,
                        listIds[i],
                        Words.isListingVenue(text, m.start())));
                nextListId = Math.max(nextListId, listIds[i] + 1);
            }
            addStateAbbreviations(text, from, segment.zone(), mentions);
            for (CompanyHome c : CompanyForms.find(text, forms, from, text.length())) {
                // The company acting in the lead ("Amoco Corp said") is evidence of its home country;
                // other companies count only when no place is named at all.
                if (namesACountry(c)) {
                    continue;
                }
                addCitiesInName(c, matches, placesInCompanyNames);
                if (c.start() < subjectEnd) {
                    companies.add(c);
                } else {
                    tally.addFallback(c.countryCode(), c.surface());
                }
            }
            // Like a legal form, a listing in the lead's subject ("Toronto-listed Cinram said", "Cinram
            // (TSX: CRM) said") is the home of the company acting in the story.
            listings.addAll(Listings.find(text, cues, from, subjectEnd, gazetteer));
        }

        Set<String> evidence = new HashSet<>();
        for (Mention m : mentions) {
            if (!ambiguous.isAmbiguous(m.entry().form()) && !isCompanyName(m, placesInCompanyNames)) {
                evidence.add(m.entry().countryCode());
            }
        }
        for (Mention m : mentions) {
            Entry e = m.entry();
            // "Burlington Industries Inc ... Burlington said": a city in a company's name is the company
            // throughout the item, unless something else places the item in that city's country.
            if (isCompanyName(m, placesInCompanyNames) && !evidence.contains(e.countryCode())) {
                continue;
            }
            // Only ambiguous forms read the whole item, so most items never join their text.
            String code = ambiguous.isAmbiguous(e.form())
                    ? ambiguous.resolve(e.form(), e.countryCode(), evidence, item.fullText())
                    : e.countryCode();
            if (code != null && m.venue()) {
                tally.addVenue(code, m.surface());
            } else if (code != null) {
                tally.add(code, m.surface(), m.zone(), m.leadSubject(), m.list());
            }
        }
        for (CompanyHome c : companies) {
            tally.addImplied(c.countryCode(), c.surface(), Evidence.COMPANY_FORM, Zone.LEAD.weight());
        }
        for (CompanyHome l : listings) {
            tally.addImplied(l.countryCode(), l.surface(), Evidence.LISTING, Zone.LEAD.weight());
        }
        return tally;
    }

    /**
     * Records a dateline's place and qualifier (which count whatever their kind: "SPLIT, Croatia",
     * "TRENTON, N.J.") and returns where the lead's text starts.
     */
    private int addDateline(Dateline d, List<Mention> mentions) {
        if (d == null) {
            return 0;
        }
        Entry place = datelinePlace(d.place());
        Entry qualifier = d.qualifier() == null
                ? null
                : UsStates.isDatelineAbbreviation(d.qualifier()) ? UsStates.ENTRY : gazetteer.lookup(d.qualifier());
        boolean qualifierKnown = qualifier != null && qualifier.kind() != Kind.BLOCKER;
        // The qualifier says which town is meant: "SANTA CRUZ, Calif." is not Santa Cruz, Bolivia.
        boolean placeKnown = place != null
                && place.kind() != Kind.BLOCKER
                && (!qualifierKnown || place.countryCode().equals(qualifier.countryCode()));
        if (!placeKnown && !qualifierKnown) {
            return 0;
        }
        if (placeKnown) {
            mentions.add(new Mention(place, d.place(), Zone.DATELINE, false, -1, false));
        }
        if (qualifierKnown) {
            mentions.add(new Mention(qualifier, d.qualifier(), Zone.DATELINE, false, -1, false));
        }
        return d.end();
    }

    /** The gazetteer's entry for a dateline's place in any case; "ST LOUIS" is "St. Louis". */
    private Entry datelinePlace(String place) {
        Entry e = gazetteer.lookupIgnoreCase(place);
        if (e == null && (place.startsWith("ST ") || place.startsWith("St "))) {
            e = gazetteer.lookupIgnoreCase("St. " + place.substring(3));
        }
        return e;
    }

    /** "Andalusia, Ala.", "TRENTON, N.J.": a place followed by a US state's AP abbreviation. */
    private void addStateAbbreviations(String text, int from, Zone zone, List<Mention> mentions) {
        for (int[] at : UsStates.afterPlace(text, from)) {
            mentions.add(new Mention(UsStates.ENTRY, text.substring(at[0], at[1]), zone, false, -1, false));
        }
    }

    /**
     * Title case for matching, keeping words the gazetteer knows in capitals ("U.S.", "UK"); the parts
     * of a hyphenated or slashed word are words of their own ("SINO-U.S.", "CANADA-EGYPT", "NASDAQ/LONDON").
     */
    private String titleCase(String text) {
        StringBuilder b = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length()
                    && !Character.isWhitespace(text.charAt(j))
                    && text.charAt(j) != '/'
                    && text.charAt(j) != '-') {
                j++;
            }
            int end = j;
            while (end > i && ",;:!?\"')".indexOf(text.charAt(end - 1)) >= 0) {
                end--; // "U.S.," is "U.S." followed by a comma
            }
            if (end - i > 1 && gazetteer.lookup(text.substring(i, end)) == null) {
                for (int k = i + 1; k < end; k++) {
                    b.setCharAt(k, Character.toLowerCase(text.charAt(k)));
                }
            }
            i = j + 1;
        }
        return b.toString();
    }

    /** Collects the cities and capitals that are part of a company's name ("San Miguel Corp"). */
    private void addCitiesInName(CompanyHome company, List<AhoCorasickMatcher.Match> matches, Set<String> into) {
        int end = company.start() + company.surface().length();
        for (AhoCorasickMatcher.Match m : matches) {
            if (m.start() < company.start() || m.end() > end) {
                continue;
            }
            Entry e = gazetteer.entry(m.pattern());
            if (e.kind() == Kind.CITY || e.kind() == Kind.CAPITAL) {
                into.add(e.form());
            }
        }
    }

    /** A mention of a place that also names a company in this item; a dateline always names the place. */
    private static boolean isCompanyName(Mention m, Set<String> placesInCompanyNames) {
        return m.zone() != Zone.DATELINE
                && placesInCompanyNames.contains(m.entry().form());
    }

    /**
     * True when a company's name holds a country's name or demonym ("Indian State Trading
     * Corporation"): that says more than its legal form. Cities do not count ("McDonnell Douglas Corp").
     */
    private boolean namesACountry(CompanyHome company) {
        for (AhoCorasickMatcher.Match m : gazetteer.matcher().findAll(company.surface())) {
            Kind kind = gazetteer.entry(m.pattern()).kind();
            if (kind == Kind.NAME || kind == Kind.DEMONYM) {
                return true;
            }
        }
        return false;
    }

    private boolean fitsContext(Entry e, String text, AhoCorasickMatcher.Match m, boolean titleCase) {
        String before = Words.wordBefore(text, m.start());
        if (e.commonWord() && !inLocativeContext(e, text, m, before)) {
            return false;
        }
        if (!titleCase && continuesName(before)) {
            return false; // "Michael Jordan", "New Mexico", "Air France": part of another name
        }
        if (!titleCase && ambiguous.isAmbiguous(e.form())) {
            String after = Words.wordAfter(text, m.end());
            return after == null
                    || !Words.isCapitalised(after)
                    || Words.CALENDAR.contains(after)
                    || Words.STOP.contains(after)
                    || gazetteer.lookup(after) != null;
        }
        return true;
    }

    /** "in Nice", "from Split", "Split, Croatia": a common word used as a place. */
    private boolean inLocativeContext(Entry e, String text, AhoCorasickMatcher.Match m, String before) {
        if (Words.isSentenceStart(text, m.start())) {
            return false;
        }
        if (before != null && Words.LOCATIVE.contains(before)) {
            return true;
        }
        int comma = m.end();
        if (comma + 2 < text.length() && text.charAt(comma) == ',' && text.charAt(comma + 1) == ' ') {
            String rest = text.substring(comma + 2, Math.min(text.length(), comma + 60));
            List<AhoCorasickMatcher.Match> next = gazetteer.matcher().findAll(rest);
            if (!next.isEmpty() && next.get(0).start() == 0) {
                Entry country = gazetteer.entry(next.get(0).pattern());
                return country.kind() == Kind.NAME && country.countryCode().equals(e.countryCode());
            }
        }
        return false;
    }

    /** True when the word before is a capitalised name part, so the match is inside a longer name. */
    private boolean continuesName(String before) {
        if (before == null || !Words.isCapitalised(before) || Words.isAllCaps(before)) {
            return false;
        }
        if (before.endsWith("'s") || before.endsWith("\u2019s")) {
            return false; // possessive: "Croatia's Split", "Austria's Erste Bank"
        }
        return !Words.STOP.contains(before)
                && !Words.PLACE_MODIFIERS.contains(before)
                && !Words.CALENDAR.contains(before)
                && !Words.TITLES.contains(before)
                && !Words.LOCATIVE.contains(before)
                && gazetteer.lookup(before) == null;
    }
}
