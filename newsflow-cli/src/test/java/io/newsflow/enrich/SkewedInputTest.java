package io.newsflow.enrich;

import io.newsflow.avro.Article;
import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EnrichedBrief;
import io.newsflow.avro.internal.IngestedItem;
import io.newsflow.bench.NewswirePages;
import io.newsflow.enrich.bursts.TermCounter;
import io.newsflow.enrich.dedup.DedupWire;
import io.newsflow.enrich.dedup.Occurrence;
import io.newsflow.enrich.dedup.OccurrenceStage;
import io.newsflow.enrich.dedup.UpstreamProgress;
import io.newsflow.enrich.tagging.Tagger;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Six input partitions of news.articles and of news.briefs read at deliberately skewed rates (every
 * article first, hours ahead of the briefs; each briefs partition at its own rate, 1 to 32 records a
 * round) give the same verdicts, in the same order, and the same burst counts and alerts as the same
 * input read evenly, in the order it was written, with no item decided late.
 *
 * <p>The items are Reuters-21578 newswire pages ({@link NewswirePages}: a sidebar repeats recent
 * stories, so exact, near and brief-of-article duplicates abound) over six hours of event time,
 * partitioned by id as the producer does, and fed to the dedup stage's input topics as
 * {@code OccurrenceStage} writes them (one shard: the test driver has one partition per topic; verdict
 * equality over shard counts is {@code ShardedDedupTest}'s).
 */
class SkewedInputTest {
    private static final int PARTITIONS = 6;
    private static final int PAGES = 72;
    private static final Duration SPAN = Duration.ofHours(6);
    private static Tagger tagger;
    private static NewswirePages pages;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void load() throws IOException {
        tagger = Tagger.createDefault();
        pages = NewswirePages.fromStories(Path.of("../tools/corpora/reuters-21578/stories.jsonl"));
    }

    /** One item as written to its input partition. */
    private record Input(TopicPartition source, String id, SpecificRecord item, long eventTime) {}

    /** What subscribers and the burst stage saw: each output topic's records in order, and the term counts. */
    private record Outcome(Map<String, List<String>> topics, Map<String, String> termCounts) {}

    @ParameterizedTest(name = "pages from {0}")
    @ValueSource(strings = {"1987-02-26T15:00:00Z", "now"})
    void skewedReadsGiveTheVerdictsOfEvenReads(String start) {
        List<Input> written = written(start);

        Outcome even = run(written, Map.of(), "even");
        Map<TopicPartition, Integer> skew = new LinkedHashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            skew.put(new TopicPartition(Topics.ARTICLES_NAME, p), written.size());
            skew.put(new TopicPartition(Topics.BRIEFS_NAME, p), 1 << p);
        }
        Outcome skewed = run(written, skew, "skewed");

        List<String> duplicates = even.topics().get(Topics.DUPLICATES_NAME);
        assertEquals(
                written.size(),
                even.topics().get(Topics.ENRICHED_ARTICLES_NAME).size()
                        + even.topics().get(Topics.ENRICHED_BRIEFS_NAME).size()
                        + duplicates.size(),
                "every item decided once");
        for (String method : List.of("EXACT", "NEAR", "BRIEF_OF_ARTICLE")) {
            assertTrue(
                    duplicates.stream().anyMatch(d -> d.contains(" " + method + " ")),
                    "the pages hold " + method + " duplicates");
        }
        for (Outcome outcome : List.of(even, skewed)) {
            outcome.topics()
                    .values()
                    .forEach(records -> assertTrue(
                            records.stream().noneMatch(r -> r.endsWith("late")),
                            "no item is late: each input partition was read in the order it was written"));
            List<String> published = new ArrayList<>(outcome.topics().get(Topics.ENRICHED_ARTICLES_NAME));
            published.addAll(outcome.topics().get(Topics.ENRICHED_BRIEFS_NAME));
            assertEquals(published.size(), new HashSet<>(published).size(), "no id published twice");
        }
        assertTrue(!even.termCounts().isEmpty());
        assertEquals(even.topics(), skewed.topics(), "same records on every output topic, in the same order");
        assertEquals(even.termCounts(), skewed.termCounts(), "same burst counts");
    }

    /**
     * A batch written while it is read, two pages every other round, every partition read at once
     * except one briefs partition, which lags a round behind the writes, with every idle answer one
     * check old, as one check serves all the shard tasks of an instance for a moment: the lagging
     * partition, found empty at the check, still holds the earlier page's items when the later page
     * has come through the others. No item is late, and the verdicts are those of even reads.
     */
    @ParameterizedTest(name = "pages from {0}")
    @ValueSource(strings = {"1987-02-26T15:00:00Z", "now"})
    void idleAnswersMadeBeforeTheLatestWritesMakeNoItemLate(String start) {
        List<Input> written = written(start);
        Map<TopicPartition, Integer> rates = new LinkedHashMap<>();
        UpstreamProgress.inputs(PARTITIONS).forEach(tp -> rates.put(tp, written.size()));
        Outcome even = run(written, Map.of(), "even", Writer.ALL_AT_ONCE);
        Outcome live = run(written, rates, "live", new Writer(2, 2, true, new TopicPartition(Topics.BRIEFS_NAME, 0)));

        for (List<String> records : live.topics().values()) {
            assertTrue(records.stream().noneMatch(r -> r.endsWith("late")), "no item is late: " + records);
        }
        assertEquals(even.topics(), live.topics(), "same records on every output topic, in the same order");
    }

    /**
     * How the batch reaches the input partitions: {@code pagesPerRound} pages every {@code everyRounds}
     * rounds (0: all before the first read); whether every idle answer is the one made at the call
     * before; and a partition ({@code null}: none) read one record in a round that wrote pages, at its
     * rate in the others.
     */
    private record Writer(int pagesPerRound, int everyRounds, boolean staleAnswers, TopicPartition lagging) {
        static final Writer ALL_AT_ONCE = new Writer(0, 1, false, null);
    }

    /** The items of pages from {@code start} ("now": pages ending now) in the order ingest writes them. */
    private static List<Input> written(String start) {
        return written(
                start.equals("now") ? Instant.now().minus(SPAN).truncatedTo(ChronoUnit.SECONDS) : Instant.parse(start));
    }

    /** The items of the pages in the order ingest writes them, each on the partition its id hashes to. */
    private static List<Input> written(Instant from) {
        List<Input> written = new ArrayList<>();
        for (int n = 0; n < PAGES; n++) {
            Instant captured = from.plus(SPAN.multipliedBy(n).dividedBy(PAGES));
            for (SpecificRecord item : pages.events(n, captured)) {
                String id = item instanceof Article a ? a.getId() : ((io.newsflow.avro.Brief) item).getId();
                int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
                written.add(new Input(
                        new TopicPartition(
                                item instanceof Article ? Topics.ARTICLES_NAME : Topics.BRIEFS_NAME, partition),
                        id,
                        item,
                        captured.toEpochMilli()));
            }
        }
        return written;
    }

    /**
     * Feeds the dedup stage: each round takes up to {@code rates} records (default 1) from every input
     * partition, in the order each was written, a second of wall clock apart; partitions with nothing
     * left count as caught up, as the cluster's committed offsets would say.
     */
    private Outcome run(List<Input> written, Map<TopicPartition, Integer> rates, String name) {
        return run(written, rates, name, Writer.ALL_AT_ONCE);
    }

    private Outcome run(List<Input> written, Map<TopicPartition, Integer> rates, String name, Writer writer) {
        Map<TopicPartition, Deque<Input>> queues = new LinkedHashMap<>();
        UpstreamProgress.inputs(PARTITIONS).forEach(tp -> queues.put(tp, new ArrayDeque<>()));
        Deque<Input> unwritten = new ArrayDeque<>(written);
        int[] round = {0};
        BooleanSupplier write = () -> {
            if (round[0]++ % writer.everyRounds() != 0) {
                return false;
            }
            // Whole pages, as ingest writes each dump in one transaction: a page's items share its time.
            for (int pages = writer.pagesPerRound() == 0 ? PAGES : writer.pagesPerRound();
                    pages > 0 && !unwritten.isEmpty();
                    pages--) {
                long page = unwritten.peek().eventTime();
                while (!unwritten.isEmpty() && unwritten.peek().eventTime() == page) {
                    Input input = unwritten.remove();
                    queues.get(input.source()).add(input);
                }
            }
            return true;
        };
        write.getAsBoolean();
        UpstreamProgress upstream = new UpstreamProgress() {
            private CaughtUp previous = new CaughtUp(Set.of(), System.nanoTime());

            @Override
            public int partitions() {
                return PARTITIONS;
            }

            @Override
            public CaughtUp caughtUp() {
                Set<TopicPartition> idle = new HashSet<>();
                queues.forEach((tp, queue) -> {
                    if (queue.isEmpty()) {
                        idle.add(tp);
                    }
                });
                CaughtUp now = new CaughtUp(idle, System.nanoTime());
                CaughtUp answer = writer.staleAnswers() ? previous : now;
                previous = now;
                return answer;
            }
        };
        // One shard: the test driver runs every internal topic as a single partition.
        EnrichSettings settings =
                EnrichSettings.from(NewsflowConfig.defaults().with(EnrichSettings.DEDUP_SHARDS, "1", "test"));
        try (EnrichDriver enrich = EnrichDriver.start(stateDir.resolve(name), tagger, settings, upstream)) {
            DedupInput dedupInput = new DedupInput(enrich, settings);
            if (rates.isEmpty()) {
                for (Input input : written) {
                    queues.get(input.source()).remove();
                    dedupInput.pipe(input);
                }
            } else {
                while (!unwritten.isEmpty() || queues.values().stream().anyMatch(q -> !q.isEmpty())) {
                    boolean wrote = write.getAsBoolean();
                    queues.forEach((tp, queue) -> {
                        int rate = wrote && tp.equals(writer.lagging()) ? 1 : rates.getOrDefault(tp, 1);
                        for (int i = rate; i > 0 && !queue.isEmpty(); i--) {
                            dedupInput.pipe(queue.remove());
                        }
                    });
                    enrich.driver().advanceWallClockTime(Duration.ofSeconds(1));
                }
            }
            enrich.driver().advanceWallClockTime(Duration.ofSeconds(5));
            // The decide budget is real time: a slow machine may leave part of the flush to the continuation.
            for (int i = 0; i < 500; i++) {
                enrich.driver().advanceWallClockTime(Duration.ofMillis(10));
            }
            Map<String, List<String>> topics = new TreeMap<>();
            topics.put(
                    Topics.ENRICHED_ARTICLES_NAME,
                    read(
                            enrich,
                            Topics.ENRICHED_ARTICLES_NAME,
                            enrich.topics().enrichedArticles.valueSerde().deserializer(),
                            (EnrichedArticle a) ->
                                    a.getArticle().getId() + (a.getEnrichment().getLate() ? " late" : "")));
            topics.put(
                    Topics.ENRICHED_BRIEFS_NAME,
                    read(
                            enrich,
                            Topics.ENRICHED_BRIEFS_NAME,
                            enrich.topics().enrichedBriefs.valueSerde().deserializer(),
                            (EnrichedBrief b) ->
                                    b.getBrief().getId() + (b.getEnrichment().getLate() ? " late" : "")));
            topics.put(
                    Topics.DUPLICATES_NAME,
                    read(
                            enrich,
                            Topics.DUPLICATES_NAME,
                            enrich.topics().duplicates.valueSerde().deserializer(),
                            (DuplicateNotice d) -> d.getId() + " " + d.getMethod() + " of " + d.getDuplicateOf()
                                    + (d.getLate() ? " late" : "")));
            topics.put(
                    Topics.BURSTS_NAME,
                    read(
                            enrich,
                            Topics.BURSTS_NAME,
                            enrich.topics().bursts.valueSerde().deserializer(),
                            BurstAlert::toString));
            Map<String, String> counts = new TreeMap<>();
            KeyValueStore<Object, Object> buckets = enrich.driver().getKeyValueStore(TermCounter.BUCKETS);
            try (KeyValueIterator<Object, Object> it = buckets.all()) {
                while (it.hasNext()) {
                    KeyValue<Object, Object> entry = it.next();
                    counts.put(String.valueOf(entry.key), String.valueOf(entry.value));
                }
            }
            return new Outcome(topics, counts);
        }
    }

    /**
     * What the input tasks write for each item, as {@link OccurrenceStage} writes it: the compact copy
     * to the shards and the occurrence with its item to the decider, with its input partition and offset.
     */
    private static final class DedupInput {
        private final TestInputTopic<String, Occurrence> shards;
        private final TestInputTopic<String, Occurrence> decider;
        private final OccurrenceStage stage;
        private final Map<TopicPartition, Long> offsets = new HashMap<>();

        DedupInput(EnrichDriver enrich, EnrichSettings settings) {
            DedupWire wire = new DedupWire(enrich.topics().valueSerde(IngestedItem.class));
            this.shards = enrich.driver()
                    .createInputTopic(
                            EnrichTopology.dedupShardsTopic(settings.applicationId()),
                            new StringSerializer(),
                            wire.occurrences.serializer());
            this.decider = enrich.driver()
                    .createInputTopic(
                            settings.applicationId() + "-dedup-occurrences-repartition",
                            new StringSerializer(),
                            wire.occurrences.serializer());
            this.stage = new OccurrenceStage(settings.dedup());
        }

        void pipe(Input input) {
            long offset = offsets.merge(input.source(), 1L, Long::sum) - 1;
            Occurrence occurrence =
                    stage.of(input.item(), input.eventTime(), input.source().partition(), offset);
            shards.pipeInput(input.id(), occurrence.withoutItem(), input.eventTime());
            decider.pipeInput(input.id(), occurrence, input.eventTime());
        }
    }

    private static <V> List<String> read(
            EnrichDriver enrich,
            String topic,
            org.apache.kafka.common.serialization.Deserializer<V> values,
            Function<V, String> describe) {
        return enrich.output(topic, values).readRecordsToList().stream()
                .map(TestRecord::value)
                .map(describe)
                .toList();
    }
}
