package io.newsflow.enrich;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.DuplicateMethod;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EnrichedBrief;
import io.newsflow.avro.Enrichment;
import io.newsflow.avro.Origin;
import io.newsflow.avro.RoutedItem;
import io.newsflow.enrich.tagging.Tagger;
import io.newsflow.ingest.parse.DumpEvents;
import io.newsflow.ingest.parse.DumpParser;
import io.newsflow.ingest.parse.DumpReader;
import io.newsflow.ingest.parse.ParsedDump;
import io.newsflow.ingest.parse.RawDump;
import io.newsflow.schemas.Topics;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The enrich topology on TopologyTestDriver, built by the same methods the service uses. */
class EnrichTopologyTest {
    private static final Instant T0 = Instant.parse("2017-04-07T10:00:00Z");
    private static Tagger tagger;

    @TempDir
    Path stateDir;

    private EnrichDriver enrich;
    private TopologyTestDriver driver;
    private Topics topics;
    private TestInputTopic<String, Article> articles;
    private TestInputTopic<String, Brief> briefs;
    private TestInputTopic<String, byte[]> rawBriefs;

    @BeforeAll
    static void loadTagger() {
        tagger = Tagger.createDefault();
    }

    @BeforeEach
    void start() {
        enrich = EnrichDriver.start(stateDir, tagger);
        driver = enrich.driver();
        topics = enrich.topics();
        articles = enrich.articlesInput();
        briefs = enrich.briefsInput();
        rawBriefs = driver.createInputTopic(
                Topics.BRIEFS_NAME,
                new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        enrich.close();
    }

    private void ingestSample(Instant capturedAt) {
        List<?> read = new DumpReader().read("sample", readSample(), capturedAt);
        ParsedDump dump = (ParsedDump) new DumpParser().parse((RawDump) read.get(0));
        DumpEvents.article(dump).ifPresent(a -> articles.pipeInput(a.getId(), a, capturedAt));
        DumpEvents.briefs(dump).forEach(b -> briefs.pipeInput(b.getId(), b, capturedAt));
    }

    private static byte[] readSample() {
        try {
            return java.nio.file.Files.readAllBytes(Path.of("../samples/aleppo-page-dump.txt"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void idle() {
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        // The decide budget is real time: a cold JVM may leave part of the flush to the continuation.
        for (int i = 0; i < 200; i++) {
            driver.advanceWallClockTime(Duration.ofMillis(10));
        }
    }

    private List<EnrichedArticle> enrichedArticles() {
        return output(
                Topics.ENRICHED_ARTICLES_NAME,
                topics.enrichedArticles.valueSerde().deserializer());
    }

    private List<EnrichedBrief> enrichedBriefs() {
        return output(
                Topics.ENRICHED_BRIEFS_NAME, topics.enrichedBriefs.valueSerde().deserializer());
    }

    private List<DuplicateNotice> duplicates() {
        return output(Topics.DUPLICATES_NAME, topics.duplicates.valueSerde().deserializer());
    }

    private List<String> publishedBriefIds() {
        return enrichedBriefs().stream().map(b -> b.getBrief().getId()).toList();
    }

    /** "id of original" per duplicate notice, in order. */
    private List<String> duplicateLines() {
        return duplicates().stream()
                .map(n -> n.getId() + " of " + n.getDuplicateOf())
                .toList();
    }

    private <V> List<V> output(String topic, org.apache.kafka.common.serialization.Deserializer<V> values) {
        return enrich.output(topic, values).readRecordsToList().stream()
                .map(TestRecord::value)
                .toList();
    }

    @Test
    void sampleIngestedTwiceGives19EnrichedItemsAnd19DuplicateNotices() {
        ingestSample(T0);
        ingestSample(T0);
        idle();
        List<EnrichedArticle> enrichedArticles = enrichedArticles();
        List<EnrichedBrief> enrichedBriefs = enrichedBriefs();
        List<DuplicateNotice> notices = duplicates();
        assertEquals(1, enrichedArticles.size());
        assertEquals(18, enrichedBriefs.size());
        assertEquals(19, notices.size());
        for (DuplicateNotice notice : notices) {
            assertEquals(notice.getId(), notice.getDuplicateOf(), "the same content ingested again duplicates itself");
            assertEquals(DuplicateMethod.EXACT, notice.getMethod());
            assertEquals(1.0, notice.getSimilarity());
        }
    }

    @Test
    void aFlushBeyondTheDecideBudgetGoesOnInLaterCallsWithTheSameVerdicts() {
        ingestSample(T0);
        ingestSample(T0);
        idle();
        List<String> published = new java.util.ArrayList<>(
                enrichedArticles().stream().map(a -> a.getArticle().getId()).toList());
        published.addAll(publishedBriefIds());
        List<String> noticed = duplicates().stream().map(DuplicateNotice::getId).toList();

        EnrichSettings d = EnrichSettings.defaults();
        // A zero budget: every call decides one item and leaves the rest to the next.
        EnrichSettings oneByOne = new EnrichSettings(
                d.applicationId(),
                d.dedup(),
                d.reorderGrace(),
                d.idleFlush(),
                Duration.ZERO,
                d.topicRules(),
                d.bursts(),
                d.dedupShards());
        try (EnrichDriver slow = EnrichDriver.start(stateDir.resolve("one-by-one"), tagger, oneByOne)) {
            TestInputTopic<String, Article> slowArticles = slow.articlesInput();
            TestInputTopic<String, Brief> slowBriefs = slow.briefsInput();
            for (int copy = 0; copy < 2; copy++) {
                ParsedDump dump = (ParsedDump) new DumpParser().parse((RawDump)
                        new DumpReader().read("sample", readSample(), T0).get(0));
                DumpEvents.article(dump).ifPresent(a -> slowArticles.pipeInput(a.getId(), a, T0));
                DumpEvents.briefs(dump).forEach(b -> slowBriefs.pipeInput(b.getId(), b, T0));
            }
            TestOutputTopic<String, EnrichedArticle> articlesOut = slow.output(
                    Topics.ENRICHED_ARTICLES_NAME,
                    slow.topics().enrichedArticles.valueSerde().deserializer());
            TestOutputTopic<String, EnrichedBrief> briefsOut = slow.output(
                    Topics.ENRICHED_BRIEFS_NAME,
                    slow.topics().enrichedBriefs.valueSerde().deserializer());
            TestOutputTopic<String, DuplicateNotice> noticesOut = slow.output(
                    Topics.DUPLICATES_NAME,
                    slow.topics().duplicates.valueSerde().deserializer());
            List<String> slowPublished = new java.util.ArrayList<>();
            List<String> slowNoticed = new java.util.ArrayList<>();
            slow.driver().advanceWallClockTime(Duration.ofSeconds(5));
            for (int call = 1; call <= 38; call++) {
                articlesOut
                        .readValuesToList()
                        .forEach(a -> slowPublished.add(a.getArticle().getId()));
                briefsOut
                        .readValuesToList()
                        .forEach(b -> slowPublished.add(b.getBrief().getId()));
                noticesOut.readValuesToList().forEach(n -> slowNoticed.add(n.getId()));
                assertEquals(call, slowPublished.size() + slowNoticed.size(), "one decision per call");
                slow.driver().advanceWallClockTime(Duration.ofMillis(10));
            }
            assertEquals(
                    published.stream().sorted().toList(),
                    slowPublished.stream().sorted().toList());
            assertEquals(noticed, slowNoticed, "the same verdicts, in the same order");
        }
    }

    @Test
    void sampleIsTaggedAndAgrokorBriefsAreRouted() {
        ingestSample(T0);
        idle();
        EnrichedArticle article = enrichedArticles().get(0);
        assertEquals("SY", article.getEnrichment().getPrimaryCountry());
        assertTrue(
                article.getEnrichment().getTopics().stream()
                        .anyMatch(t -> t.getSlug().startsWith("syria")),
                article.getEnrichment().getTopics().toString());
        List<RoutedItem> agrokor = output(
                Topics.routeName("agrokor"), topics.valueSerde(RoutedItem.class).deserializer());
        assertEquals(5, agrokor.size());
        for (RoutedItem routed : agrokor) {
            EnrichedBrief brief = (EnrichedBrief) routed.getItem();
            assertTrue(
                    brief.getEnrichment().getRegions().stream()
                            .anyMatch(r -> r.getCountryCode().equals("HR")),
                    brief.getBrief().getHeadline());
        }
        List<Enrichment> all = new ArrayList<>(
                enrichedBriefs().stream().map(EnrichedBrief::getEnrichment).toList());
        all.add(article.getEnrichment());
        assertEquals(19.0, enrich.streamsMetric("tagged-items-total"));
        assertEquals(all.stream().filter(e -> !e.getRegions().isEmpty()).count(), (long)
                enrich.streamsMetric("items-with-region-total"));
        assertEquals(all.stream().filter(e -> !e.getTopics().isEmpty()).count(), (long)
                enrich.streamsMetric("items-with-topic-total"));
        assertTrue(enrich.streamsMetric("items-with-topic-total") >= 5, "the Agrokor briefs at least");
        assertTrue(
                enrich.streamsMetric("event-to-enriched-max-seconds") > 0, "the sample is older than the wall clock");
    }

    @Test
    void aCountryRouteCarriesTheItemsAboutTheCountryAndNoneThatOnlyMentionIt() {
        ingestSample(T0);
        idle();
        Map<String, Enrichment> byId = new HashMap<>();
        enrichedBriefs().forEach(b -> byId.put(b.getBrief().getId(), b.getEnrichment()));
        enrichedArticles().forEach(a -> byId.put(a.getArticle().getId(), a.getEnrichment()));
        Set<String> routed = new HashSet<>();
        for (RoutedItem item : output(
                Topics.routeName("croatia"), topics.valueSerde(RoutedItem.class).deserializer())) {
            routed.add(
                    item.getItem() instanceof EnrichedBrief b
                            ? b.getBrief().getId()
                            : ((EnrichedArticle) item.getItem()).getArticle().getId());
        }
        Set<String> aboutCroatia = new HashSet<>();
        byId.forEach((id, e) -> {
            if (e.getRegions().stream().anyMatch(r -> r.getCountryCode().equals("HR"))) {
                aboutCroatia.add(id);
            }
        });
        assertTrue(aboutCroatia.size() >= 5, "the Agrokor briefs are about Croatia: " + aboutCroatia.size());
        assertEquals(aboutCroatia, routed);
    }

    @Test
    void oneWordEditIsANearDuplicateOfTheEarlierBrief() {
        Brief first = brief(
                "b-1",
                "Croatia, China sign action plan for cooperation in agriculture",
                "The Croatian and Chinese ministries of agriculture on Friday signed an action plan for cooperation in the field "
                        + "of agriculture for the period 2017-2018, the Croatian ministry said in a statement.");
        Brief edited = brief(
                "b-2",
                "Croatia, China sign action plan for cooperation in agriculture",
                "The Croatian and Chinese ministries of agriculture on Friday signed an action plan for cooperation in the area "
                        + "of agriculture for the period 2017-2018, the Croatian ministry said in a statement.");
        briefs.pipeInput(first.getId(), first, T0);
        briefs.pipeInput(edited.getId(), edited, T0.plusSeconds(3600));
        idle();
        List<DuplicateNotice> notices = duplicates();
        assertEquals(1, notices.size());
        assertEquals("b-2", notices.get(0).getId());
        assertEquals("b-1", notices.get(0).getDuplicateOf());
        assertEquals(DuplicateMethod.NEAR, notices.get(0).getMethod());
        assertEquals(1, enrichedBriefs().size());
    }

    @Test
    void theOriginalIsTheEarliestByEventTimeEvenWhenItArrivesSecondWithinTheGrace() {
        Brief earlier = brief(
                "b-early",
                "ZSE indices up, Agrokor shares in focus of investor interest",
                "The Zagreb Stock Exchange (ZSE) indices on Friday rose by more than 1.8%, with stocks of the Agrokor food and "
                        + "retail concern being in the focus of investor interest again.");
        Brief later = brief(
                "b-late",
                "UPDATE 1-ZSE indices up, Agrokor shares in focus of investor interest",
                earlier.getSummary());
        briefs.pipeInput(later.getId(), later, T0.plusSeconds(20));
        briefs.pipeInput(earlier.getId(), earlier, T0);
        idle();
        List<EnrichedBrief> originals = enrichedBriefs();
        assertEquals(1, originals.size());
        assertEquals("b-early", originals.get(0).getBrief().getId());
        assertFalse(originals.get(0).getEnrichment().getLate());
        DuplicateNotice notice = duplicates().get(0);
        assertEquals("b-late", notice.getId());
        assertEquals("b-early", notice.getDuplicateOf());
    }

    @Test
    void aLateCopyEarlierThanAPublishedOriginalIsItsDuplicateAndTheStoryGoesOutOnce() {
        Brief first = brief(
                "b-first",
                "Berlin police defend handling of Berlin market attacker",
                "Berlin police defended themselves on Friday against accusations that they stopped surveillance on Berlin "
                        + "Christmas market attacker despite knowing in June 2016 he was dangerous.");
        briefs.pipeInput(first.getId(), first, T0.plusSeconds(3600));
        idle();
        Brief copy = brief("b-copy", first.getHeadline(), first.getSummary());
        briefs.pipeInput(copy.getId(), copy, T0);
        List<EnrichedBrief> originals = enrichedBriefs();
        assertEquals(
                List.of("b-first"),
                originals.stream().map(b -> b.getBrief().getId()).toList(),
                "published once");
        DuplicateNotice notice = duplicates().get(0);
        assertEquals("b-copy", notice.getId(), "decided at once, not dropped");
        assertEquals("b-first", notice.getDuplicateOf(), "the published original stays the original");
        assertTrue(notice.getLate());

        Brief edit =
                brief("b-edit", first.getHeadline(), first.getSummary() + " Police said they would review the case.");
        briefs.pipeInput(edit.getId(), edit, T0.plusSeconds(7200));
        idle();
        assertEquals("b-first", duplicates().get(0).getDuplicateOf(), "later copies still name the published original");
        assertTrue(enrichedBriefs().isEmpty());
    }

    @Test
    void theSameContentAWindowApartIsTwoStoriesAndCopiesNameTheNearerOne() {
        Brief first = brief(
                "b-x",
                "Berlin police defend handling of Berlin market attacker",
                "Berlin police defended themselves on Friday against accusations that they stopped surveillance on Berlin "
                        + "Christmas market attacker despite knowing in June 2016 he was dangerous.");
        Brief repeat = brief("b-y", first.getHeadline(), first.getSummary());
        Duration window = Duration.ofDays(7);
        briefs.pipeInput(first.getId(), first, T0);
        briefs.pipeInput(repeat.getId(), repeat, T0.plusSeconds(3600));
        idle();
        // The same page scraped again 8 and 9 days on: b-y's first story is more than the window back.
        briefs.pipeInput(
                repeat.getId(), repeat, T0.plus(window).plus(Duration.ofDays(1)).plusSeconds(3600));
        idle();
        briefs.pipeInput(repeat.getId(), repeat, T0.plus(window).plus(Duration.ofDays(2)));
        idle();

        assertEquals(List.of("b-x", "b-y"), publishedBriefIds(), "a window apart, the same content is a new story");
        assertEquals(
                List.of("b-y of b-x", "b-y of b-y"),
                duplicateLines(),
                "a copy names the story within the window, not the older one");
    }

    @Test
    void aBackfillOfOldItemsWhileLiveNewsFlowsIsDeduplicatedAmongItself() {
        Instant now = Instant.now();
        Brief live = brief(
                "b-live",
                "ZSE indices up, Agrokor shares in focus of investor interest",
                "The Zagreb Stock Exchange (ZSE) indices on Friday rose by more than 1.8%, with stocks of the Agrokor food and "
                        + "retail concern being in the focus of investor interest again.");
        briefs.pipeInput(live.getId(), live, now);
        idle();
        // An archive dated years before the live news, with the same page in it twice.
        Brief old = brief(
                "b-2016",
                "Berlin police defend handling of Berlin market attacker",
                "Berlin police defended themselves on Friday against accusations that they stopped surveillance on Berlin "
                        + "Christmas market attacker despite knowing in June 2016 he was dangerous.");
        briefs.pipeInput(old.getId(), old, T0);
        idle();
        briefs.pipeInput(old.getId(), old, T0.plusSeconds(60));
        idle();

        assertEquals(List.of("b-live", "b-2016"), publishedBriefIds(), "each published once");
        assertEquals(List.of("b-2016 of b-2016"), duplicateLines());
    }

    @Test
    void aLateItemMatchingNothingIsPublishedMarkedLate() {
        Brief first = brief(
                "b-first",
                "Berlin police defend handling of Berlin market attacker",
                "Berlin police defended themselves on Friday against accusations that they stopped surveillance on Berlin "
                        + "Christmas market attacker despite knowing in June 2016 he was dangerous.");
        briefs.pipeInput(first.getId(), first, T0.plusSeconds(3600));
        idle();
        Brief other = brief(
                "b-other",
                "ZSE indices up, Agrokor shares in focus of investor interest",
                "The Zagreb Stock Exchange (ZSE) indices on Friday rose by more than 1.8%, with stocks of the Agrokor food and "
                        + "retail concern being in the focus of investor interest again.");
        briefs.pipeInput(other.getId(), other, T0);
        List<EnrichedBrief> originals = enrichedBriefs();
        assertEquals(2, originals.size());
        assertEquals("b-other", originals.get(1).getBrief().getId());
        assertTrue(originals.get(1).getEnrichment().getLate());
        assertTrue(duplicates().isEmpty());
    }

    @Test
    void briefThatIsTheHeadlineAndLeadOfAnEarlierArticleIsLinkedToIt() {
        Article article = Article.newBuilder()
                .setId("a-1")
                .setTitle("Dalic: We welcome possible deal between Agrokor and banks")
                .setParagraphs(List.of(
                        "The government welcomes the possibility of an agreement being concluded between the "
                                + "Agrokor food company and creditor banks, Deputy Prime Minister Martina Dalic told a press conference in Zagreb on Friday.",
                        "She said the bill on vitally important companies was not a fallback plan.",
                        "Agrokor employs some 60,000 people in the region."))
                .setOrigin(origin())
                .build();
        Brief brief = brief(
                "b-of-a",
                "Dalic: We welcome possible deal between Agrokor and banks",
                "The government welcomes the possibility of an agreement being concluded between the Agrokor food company and "
                        + "creditor banks, Deputy Prime Minister Martina Dalic told a press conference in Zagreb on Friday.");
        articles.pipeInput(article.getId(), article, T0);
        briefs.pipeInput(brief.getId(), brief, T0.plusSeconds(600));
        idle();
        DuplicateNotice notice = duplicates().get(0);
        assertEquals("b-of-a", notice.getId());
        assertEquals("a-1", notice.getDuplicateOf());
        assertEquals(DuplicateMethod.BRIEF_OF_ARTICLE, notice.getMethod());
    }

    /** The dead letter itself is checked against a real broker (EnrichServiceIT): the test driver drops it. */
    @Test
    void undeserializableRecordIsSkippedAndProcessingGoesOn() {
        rawBriefs.pipeInput("garbage", "not avro at all".getBytes(StandardCharsets.UTF_8), T0);
        Brief good = brief(
                "b-good",
                "Croatia, China sign action plan for cooperation in agriculture",
                "The ministries signed a plan.");
        briefs.pipeInput(good.getId(), good, T0);
        idle();
        assertEquals(List.of("b-good"), publishedBriefIds());
        assertEquals(1.0, enrich.deadLetters("deserialization"));
        assertEquals(0.0, enrich.deadLetters("processing"));
    }

    private static Brief brief(String id, String headline, String summary) {
        return Brief.newBuilder()
                .setId(id)
                .setHeadline(headline)
                .setSummary(summary)
                .setSection("Latest news")
                .setOrigin(origin())
                .build();
    }

    private static Origin origin() {
        return Origin.newBuilder()
                .setDumpId("dump-1")
                .setPosition(1)
                .setCapturedAt(T0)
                .setParserVersion("1")
                .build();
    }
}
