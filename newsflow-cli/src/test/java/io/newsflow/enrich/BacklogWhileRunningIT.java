package io.newsflow.enrich;

import io.newsflow.bench.NewswirePages;
import io.newsflow.ingest.Ingester;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.OwnStack;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.platform.testing.TopicReader;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #19 against a real broker: a four-hour batch of scraped newswire pages ({@link NewswirePages},
 * Reuters-21578 stories whose sidebars repeat earlier stories) ingested while enrich-service runs gives
 * every item the verdict it gets when the batch is ingested first and enriched after, with no item
 * late and no item id published twice. The two runs are two applications (own ids, own state) over
 * the same input topics, one after the other, so each run's output is the records it added.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class BacklogWhileRunningIT {
    private static final int PAGES = 60;

    /** One run's output: per item id its verdicts (an id ingested again has one per occurrence), and the late ones. */
    private record Verdicts(Map<String, List<String>> byId, List<String> published, int late) {}

    @Test
    void aBatchIngestedWhileEnrichRunsGetsTheVerdictsOfIngestingFirst(TestStack stack, @TempDir Path dir)
            throws Exception {
        Instant start = Instant.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);
        List<Path> files = NewswirePages.fromStories(Path.of("../tools/corpora/reuters-21578/stories.jsonl"))
                .writeFiles(dir.resolve("pages"), PAGES, start, Duration.ofHours(4));
        int items = 0;
        for (int n = 0; n < PAGES; n++) {
            items += NewswirePages.SIDEBAR + 1 - Math.max(0, NewswirePages.SIDEBAR - n);
        }
        Map<String, Long> before;
        Verdicts live;
        Verdicts after;
        try (SchemaRegistryClient registry = stack.registryClient()) {
            Topics topics = new Topics(registry, stack.registryProperties());
            try (EnrichService service = EnrichService.start(Stack.resolve(config(stack, dir, "enrich-live")))) {
                awaitRunning(service);
                try (Stack resolved = Stack.resolve(stack.config());
                        Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
                    ingester.ingestAll(files, null, result -> assertEquals(null, result.error()));
                }
                live = await(stack, topics, Map.of(), items);
                before = ends(stack);
            }
            try (EnrichService service = EnrichService.start(Stack.resolve(config(stack, dir, "enrich-after")))) {
                after = await(stack, topics, before, items);
            }
        }

        assertEquals(0, live.late(), "no item late: the batch was written in event-time order");
        assertEquals(0, after.late());
        for (Verdicts run : List.of(live, after)) {
            assertEquals(run.published().size(), new HashSet<>(run.published()).size(), "no id published twice");
        }
        assertTrue(
                live.byId().values().stream().anyMatch(v -> v.get(0).startsWith("BRIEF_OF_ARTICLE")),
                "a realistic mix");
        assertEquals(after.byId(), live.byId(), "every item the same verdict");
    }

    private static NewsflowConfig config(TestStack stack, Path dir, String applicationId) {
        return stack.config()
                .with(NewsflowConfig.DATA_DIR, dir.resolve(applicationId).toString(), "test")
                .with(EnrichSettings.APPLICATION_ID, applicationId, "test")
                .with(EnrichSettings.IDLE_FLUSH, "1s", "test")
                .with(EnrichService.HTTP_PORT, "0", "test");
    }

    private static void awaitRunning(EnrichService service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (service.streams().state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(KafkaStreams.State.RUNNING, service.streams().state());
    }

    /** Waits until the run added {@code items} output records (beyond {@code from}), then reads them. */
    private static Verdicts await(TestStack stack, Topics topics, Map<String, Long> from, int items)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Verdicts verdicts = read(stack, topics, from);
        while (count(verdicts) < items && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            verdicts = read(stack, topics, from);
        }
        Thread.sleep(2000);
        verdicts = read(stack, topics, from);
        assertEquals(items, count(verdicts), "every item decided once");
        return verdicts;
    }

    private static int count(Verdicts verdicts) {
        return verdicts.byId().values().stream().mapToInt(List::size).sum();
    }

    private static Verdicts read(TestStack stack, Topics topics, Map<String, Long> from) {
        Map<String, List<String>> byId = new TreeMap<>();
        List<String> published = new ArrayList<>();
        int late = 0;
        for (ConsumerRecord<String, io.newsflow.avro.EnrichedArticle> r : after(
                TopicReader.readAll(
                        stack,
                        Topics.ENRICHED_ARTICLES_NAME,
                        new StringDeserializer(),
                        topics.enrichedArticles.valueSerde().deserializer()),
                from)) {
            byId.computeIfAbsent(r.key(), k -> new ArrayList<>()).add("original");
            published.add(r.key());
            late += r.value().getEnrichment().getLate() ? 1 : 0;
        }
        for (ConsumerRecord<String, io.newsflow.avro.EnrichedBrief> r : after(
                TopicReader.readAll(
                        stack,
                        Topics.ENRICHED_BRIEFS_NAME,
                        new StringDeserializer(),
                        topics.enrichedBriefs.valueSerde().deserializer()),
                from)) {
            byId.computeIfAbsent(r.key(), k -> new ArrayList<>()).add("original");
            published.add(r.key());
            late += r.value().getEnrichment().getLate() ? 1 : 0;
        }
        for (ConsumerRecord<String, io.newsflow.avro.DuplicateNotice> r : after(
                TopicReader.readAll(
                        stack,
                        Topics.DUPLICATES_NAME,
                        new StringDeserializer(),
                        topics.duplicates.valueSerde().deserializer()),
                from)) {
            byId.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(r.value().getMethod() + " of " + r.value().getDuplicateOf());
            late += r.value().getLate() ? 1 : 0;
        }
        byId.values().forEach(v -> v.sort(null));
        return new Verdicts(byId, published, late);
    }

    /** The records at or after the given end offsets (topic-partition to offset). */
    private static <V> List<ConsumerRecord<String, V>> after(
            List<ConsumerRecord<String, V>> records, Map<String, Long> from) {
        return records.stream()
                .filter(r -> r.offset() >= from.getOrDefault(r.topic() + "-" + r.partition(), 0L))
                .toList();
    }

    /** Where each output partition ends now: a key past the last record read. */
    private static Map<String, Long> ends(TestStack stack) {
        Map<String, Long> ends = new HashMap<>();
        for (String topic :
                List.of(Topics.ENRICHED_ARTICLES_NAME, Topics.ENRICHED_BRIEFS_NAME, Topics.DUPLICATES_NAME)) {
            TopicReader.readAll(stack, topic, new StringDeserializer(), new StringDeserializer())
                    .forEach(r -> ends.merge(r.topic() + "-" + r.partition(), r.offset() + 1, Math::max));
        }
        return ends;
    }
}
