package io.newsflow.enrich;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EnrichedBrief;
import io.newsflow.bench.NewswirePages;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.OwnStack;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.platform.testing.TopicReader;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import io.newsflow.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dedup spread over instances (#16) and fault injection: the same Reuters newswire pages (exact,
 * near and brief-of-article duplicates, some pages scraped twice) go through one enrich-service
 * instance, then through three sharing six partitions, one of them in another JVM that is killed
 * (SIGKILL) mid-stream. Every item id gets the same verdicts from both, every input record ends up in
 * exactly one output of each, and none is published twice.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class ScaleOutIT {
    private static final int PAGES = 24;

    @Test
    void threeInstancesOnSixPartitionsDecideAsOneAndAKilledOneLosesAndDoublesNothing(
            TestStack stack, @TempDir Path single, @TempDir Path first, @TempDir Path second, @TempDir Path victimDir)
            throws Exception {
        NewswirePages pages = NewswirePages.fromStories(Path.of("../tools/corpora/reuters-21578/stories.jsonl"));
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        List<String> produced = new ArrayList<>();
        try (SchemaRegistryClient registry = stack.registryClient();
                Stack setup = Stack.resolve(config(stack, "scaleout-single", single))) {
            TopicSetup.prepare(setup);
            try (KafkaProducer<String, SpecificRecord> producer = producer(stack, registry)) {
                for (int n = 0; n < PAGES; n++) {
                    Instant captured = start.plus(Duration.ofMinutes(4L * n));
                    // Every fifth page is scraped twice: the same ids again, a minute later.
                    for (int copy = 0; copy < (n % 5 == 0 ? 2 : 1); copy++) {
                        Instant at = captured.plus(Duration.ofMinutes(copy));
                        for (SpecificRecord event : pages.events(n, at)) {
                            String id = event instanceof Article a ? a.getId() : ((Brief) event).getId();
                            String topic = event instanceof Article ? Topics.ARTICLES_NAME : Topics.BRIEFS_NAME;
                            producer.send(new ProducerRecord<>(topic, null, at.toEpochMilli(), id, event));
                            produced.add(id);
                        }
                    }
                }
                producer.flush();
            }
            Map<String, Long> expected = counts(produced);

            Outputs before = Outputs.read(stack, registry, Set.of());
            try (EnrichService one = EnrichService.start(setup)) {
                before = before.awaitNew(stack, registry, produced.size());
            }
            Map<String, List<String>> alone = before.verdicts();
            assertEquals(expected, counts(before.keys()), "one instance: every input record in exactly one output");
            assertTrue(publishedOnce(alone), "one instance: no id published twice");

            Process victim = null;
            try (Stack firstStack = Stack.resolve(config(stack, "scaleout-three", first));
                    Stack secondStack = Stack.resolve(config(stack, "scaleout-three", second));
                    EnrichService a = EnrichService.start(firstStack);
                    EnrichService b = EnrichService.start(secondStack)) {
                victim = startInstanceInAnotherJvm(stack, victimDir, "scaleout-three");
                Outputs three = Outputs.read(stack, registry, before.seen());
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (three.records() < produced.size() / 3 && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    three = Outputs.read(stack, registry, before.seen());
                }
                victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                three = three.awaitNew(stack, registry, produced.size());
                assertEquals(
                        expected,
                        counts(three.keys()),
                        "three instances, one killed: every input record in exactly one output");
                assertTrue(publishedOnce(three.verdicts()), "three instances: no id published twice");
                assertEquals(alone, three.verdicts(), "every id: the same verdicts from three instances as from one");
                System.out.printf(
                        "ScaleOutIT: %d records, %d ids; decided by the two surviving instances: %.0f and %.0f%n",
                        produced.size(), alone.size(), decided(a), decided(b));
            } finally {
                if (victim != null) {
                    victim.destroyForcibly();
                }
            }
        }
    }

    private static boolean publishedOnce(Map<String, List<String>> verdicts) {
        return verdicts.values().stream().allMatch(v -> Collections.frequency(v, "published") <= 1);
    }

    private static NewsflowConfig config(TestStack stack, String applicationId, Path dataDir) {
        return stack.config()
                .with("session.timeout.ms", "10000", "test")
                .with(EnrichSettings.APPLICATION_ID, applicationId, "test")
                .with(EnrichSettings.IDLE_FLUSH, "1s", "test")
                .with(EnrichService.HTTP_PORT, "0", "test")
                .with(NewsflowConfig.DATA_DIR, dataDir.toString(), "test");
    }

    /** Occurrences this instance's deciders decided (its dedup originals + duplicates counters). */
    private static double decided(EnrichService instance) {
        return instance.streams().metrics().entrySet().stream()
                .filter(e -> e.getKey().tags().containsValue("dedup")
                        && (e.getKey().name().equals("originals-total")
                                || e.getKey().name().equals("duplicates-total")))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    /** The output records of one run (those not in {@code before}), and the verdicts they say. */
    private record Outputs(
            Set<String> before, List<String> keys, Map<String, List<String>> verdicts, Set<String> seen) {

        int records() {
            return keys.size();
        }

        static Outputs read(TestStack stack, SchemaRegistryClient registry, Set<String> before) {
            Topics topics = new Topics(registry, stack.registryProperties());
            List<String> keys = new ArrayList<>();
            Map<String, List<String>> verdicts = new TreeMap<>();
            Set<String> seen = new HashSet<>(before);
            for (ConsumerRecord<String, EnrichedArticle> r : TopicReader.readAll(
                    stack,
                    Topics.ENRICHED_ARTICLES_NAME,
                    new StringDeserializer(),
                    topics.enrichedArticles.valueSerde().deserializer())) {
                if (seen.add(where(r))) {
                    keys.add(r.key());
                    verdicts.computeIfAbsent(r.key(), k -> new ArrayList<>()).add("published");
                }
            }
            for (ConsumerRecord<String, EnrichedBrief> r : TopicReader.readAll(
                    stack,
                    Topics.ENRICHED_BRIEFS_NAME,
                    new StringDeserializer(),
                    topics.enrichedBriefs.valueSerde().deserializer())) {
                if (seen.add(where(r))) {
                    keys.add(r.key());
                    verdicts.computeIfAbsent(r.key(), k -> new ArrayList<>()).add("published");
                }
            }
            for (ConsumerRecord<String, DuplicateNotice> r : TopicReader.readAll(
                    stack,
                    Topics.DUPLICATES_NAME,
                    new StringDeserializer(),
                    topics.duplicates.valueSerde().deserializer())) {
                if (seen.add(where(r))) {
                    keys.add(r.key());
                    verdicts.computeIfAbsent(r.key(), k -> new ArrayList<>())
                            .add(r.value().getMethod() + " of " + r.value().getDuplicateOf());
                }
            }
            verdicts.values().forEach(Collections::sort);
            return new Outputs(before, keys, verdicts, seen);
        }

        /** Waits until the run has written {@code expected} records, then a moment more for extra ones. */
        Outputs awaitNew(TestStack stack, SchemaRegistryClient registry, int expected) throws InterruptedException {
            Outputs now = this;
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (now.records() < expected && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                now = read(stack, registry, before);
            }
            Thread.sleep(3000);
            return read(stack, registry, before);
        }

        private static String where(ConsumerRecord<?, ?> r) {
            return r.topic() + "/" + r.partition() + "/" + r.offset();
        }
    }

    /** The other instance: `./newsflow enrich` in its own JVM, so it can be killed for real. */
    private static Process startInstanceInAnotherJvm(TestStack stack, Path dataDir, String applicationId)
            throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                "io.newsflow.cli.Newsflow",
                "enrich",
                "--bootstrap-servers",
                stack.bootstrapServers(),
                "--schema-registry-url",
                stack.registryUrl(),
                "--data-dir",
                dataDir.toString());
        builder.environment().put("KAFKA_SESSION_TIMEOUT_MS", "10000");
        builder.environment().put("NEWSFLOW_ENRICH_HTTP_PORT", "0");
        builder.environment().put("NEWSFLOW_DEDUP_IDLE_FLUSH", "1s");
        builder.environment().put("NEWSFLOW_ENRICH_APPLICATION_ID", applicationId);
        builder.redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("instance.log").toFile());
        return builder.start();
    }

    private static KafkaProducer<String, SpecificRecord> producer(TestStack stack, SchemaRegistryClient registry) {
        AvroSerializer<SpecificRecord> values = new AvroSerializer<>(registry);
        values.configure(stack.registryProperties(), false);
        return new KafkaProducer<>(stack.kafkaClientProperties(), new StringSerializer(), values);
    }

    private static Map<String, Long> counts(List<String> keys) {
        return keys.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
