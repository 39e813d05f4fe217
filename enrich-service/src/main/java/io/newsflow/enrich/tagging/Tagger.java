package io.newsflow.enrich.tagging;

import io.newsflow.avro.RegionTag;
import io.newsflow.avro.TopicTag;
import io.newsflow.enrich.tagging.AhoCorasickMatcher.Match;
import io.newsflow.enrich.tagging.ItemText.Segment;
import io.newsflow.enrich.tagging.ItemText.Zone;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Region, topic and keyword tagging of one news item. Build once (it loads the gazetteer and
 * compiles the automata); {@link #tag} is thread-safe and allocation-light, for use from every
 * Streams thread.
 */
public final class Tagger {

    /**
     * What tagging found: {@code regions} the countries the item is about (primary first),
     * {@code mentionedRegions} those it only names in passing. {@code primaryCountry} is null when no
     * country was found.
     */
    public record Result(
            List<RegionTag> regions,
            String primaryCountry,
            List<RegionTag> mentionedRegions,
            List<TopicTag> topics,
            List<String> keywords,
            String rulesVersion) {}

    /** Topic aliases imply their region at half the weight of a direct mention, so a named country outranks them. */
    private static final double IMPLIED_REGION_FACTOR = 0.5;

    private static final int KEYWORDS = 12;

    /**
     * The groups of {@link #placesAndTopics}: gazetteer forms, topic patterns, companies' legal forms,
     * words that may open a stock-exchange listing; each segment's matches come in this order.
     */
    private static final int TOPICS = 1;

    private static final int COMPANY_FORMS = 2;

    private static final int LISTING_CUES = 3;

    private final Gazetteer gazetteer;
    /** Gazetteer forms and topic patterns in one automaton, so that each segment is scanned once for both. */
    private final AhoCorasickMatcher placesAndTopics;

    private final RegionTagger regions;
    private final TopicTagger topics;
    private final KeywordExtractor keywords;
    private final String rulesVersion;

    public Tagger(Gazetteer gazetteer, AmbiguousNames ambiguous, TopicRules rules) {
        this.gazetteer = gazetteer;
        this.regions = new RegionTagger(gazetteer, ambiguous);
        this.topics = new TopicTagger(rules);
        this.keywords = new KeywordExtractor(gazetteer, KEYWORDS);
        List<String> forms = new ArrayList<>(gazetteer.size());
        for (int i = 0; i < gazetteer.size(); i++) {
            forms.add(gazetteer.entry(i).form());
        }
        this.placesAndTopics =
                AhoCorasickMatcher.ofGroups(List.of(forms, topics.patterns(), CompanyForms.FORMS, Listings.CUES));
        this.rulesVersion = version(gazetteer.version(), ambiguous, rules);
    }

    /** The bundled gazetteer, ambiguity rules and default topics. */
    public static Tagger createDefault() {
        return withRules(TopicRules.loadDefault());
    }

    /** The bundled gazetteer and ambiguity rules with the given topic rules. */
    public static Tagger withRules(TopicRules rules) {
        return new Tagger(Gazetteer.load(), AmbiguousNames.load(), rules);
    }

    /** Tags an item: {@code paragraphs.get(0)} is the lead. */
    public Result tag(String headline, List<String> paragraphs) {
        ItemText item = new ItemText(headline, paragraphs);
        List<Segment> segments = item.segments();
        List<List<Match>> places = new ArrayList<>(segments.size());
        List<List<Match>> topicTerms = new ArrayList<>(segments.size());
        List<List<Match>> companyForms = new ArrayList<>(segments.size());
        List<List<Match>> listingCues = new ArrayList<>(segments.size());
        for (Segment segment : segments) {
            List<Match> matches = placesAndTopics.findAll(segment.text());
            int topicsFrom = groupStart(matches, TOPICS, 0);
            int formsFrom = groupStart(matches, COMPANY_FORMS, topicsFrom);
            int cuesFrom = groupStart(matches, LISTING_CUES, formsFrom);
            places.add(matches.subList(0, topicsFrom));
            topicTerms.add(matches.subList(topicsFrom, formsFrom));
            companyForms.add(matches.subList(formsFrom, cuesFrom));
            listingCues.add(matches.subList(cuesFrom, matches.size()));
        }
        RegionTally tally = regions.collect(item, places, companyForms, listingCues);
        List<TopicTagger.Hit> hits = topics.tag(item, topicTerms);
        for (TopicTagger.Hit hit : hits) {
            String region = hit.topic().region();
            if (region == null) {
                continue;
            }
            for (int i = 0; i < hit.matched().size(); i++) {
                Zone zone = hit.zones().get(i);
                tally.addImplied(
                        region,
                        hit.matched().get(i),
                        RegionTally.Evidence.TOPIC,
                        zone.weight() * IMPLIED_REGION_FACTOR);
            }
        }
        RegionTally.Regions tags = tally.decide(gazetteer);
        Set<String> about = new HashSet<>();
        for (RegionTag tag : tags.about()) {
            about.add(tag.getCountryCode());
        }
        return new Result(
                tags.about(),
                tags.about().isEmpty() ? null : tags.about().get(0).getCountryCode(),
                tags.mentioned(),
                topics.restrictToAbout(hits, about).stream()
                        .map(TopicTagger.Hit::toTag)
                        .toList(),
                keywords.extract(item),
                rulesVersion);
    }

    /** Index of the first match of {@code group} or a later one, searching from {@code from}. */
    private static int groupStart(List<Match> matches, int group, int from) {
        int i = from;
        while (i < matches.size() && matches.get(i).group() < group) {
            i++;
        }
        return i;
    }

    /**
     * Short hash of everything that decides the tags: topic rules, ambiguity rules and gazetteer
     * version. It changes with any rule edit, so replayed outputs can be told apart.
     */
    public String rulesVersion() {
        return rulesVersion;
    }

    /** The {@link #rulesVersion} that {@link #withRules} gives, without building the tagger. */
    public static String versionOf(TopicRules rules) {
        return version(Gazetteer.bundledVersion(), AmbiguousNames.load(), rules);
    }

    private static String version(String gazetteerVersion, AmbiguousNames ambiguous, TopicRules rules) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(rules.source());
            sha.update((byte) 0);
            sha.update(ambiguous.source());
            sha.update((byte) 0);
            sha.update(gazetteerVersion.getBytes(StandardCharsets.UTF_8));
            return "tagging-" + HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
