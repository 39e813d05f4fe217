package io.newsflow.enrich;

import io.newsflow.avro.Article;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EnrichedBrief;
import io.newsflow.bench.BenchDumps;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection: two enrich-service instances share six partitions, one in another JVM that is
 * killed (SIGKILL) mid-stream. The survivor takes its tasks over; every input record still ends up in
 * exactly one output, none is lost and none is published twice.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class ScaleOutIT {
    private static final int DUMPS = 24;

    @Test
    void anInstanceKilledMidStreamLosesNothingAndDoublesNothing(
            TestStack stack, @TempDir Path survivorDir, @TempDir Path victimDir) throws Exception {
        NewsflowConfig config = stack.config()
                .with("session.timeout.ms", "10000", "test")
                .with(EnrichSettings.IDLE_FLUSH, "1s", "test")
                .with(EnrichService.HTTP_PORT, "0", "test")
                .with(NewsflowConfig.DATA_DIR, survivorDir.toString(), "test");
        BenchDumps dumps = BenchDumps.fromSample(Files.readString(Path.of("../samples/aleppo-page-dump.txt")));
        Instant start = Instant.now().minus(Duration.ofHours(1));
        List<String> produced = new ArrayList<>();
        Process victim = null;
        try (Stack survivorStack = Stack.resolve(config);
                SchemaRegistryClient registry = stack.registryClient()) {
            TopicSetup.prepare(survivorStack);
            victim = startInstanceInAnotherJvm(stack, victimDir);
            try (EnrichService survivor = EnrichService.start(survivorStack);
                    KafkaProducer<String, SpecificRecord> producer = producer(stack, registry)) {
                awaitSecondInstance(survivor);
                for (int n = 0; n < DUMPS; n++) {
                    // Every fifth dump is scraped twice: the same ids again.
                    for (int copy = 0; copy < (n % 5 == 0 ? 2 : 1); copy++) {
                        for (SpecificRecord event : dumps.events(n, start.plusSeconds(20L * n))) {
                            String id =
                                    event instanceof Article a ? a.getId() : ((io.newsflow.avro.Brief) event).getId();
                            String topic = event instanceof Article ? Topics.ARTICLES_NAME : Topics.BRIEFS_NAME;
                            producer.send(new ProducerRecord<>(
                                    topic, null, start.plusSeconds(20L * n).toEpochMilli(), id, event));
                            produced.add(id);
                        }
                    }
                    producer.flush();
                    if (n == DUMPS / 2) {
                        Thread.sleep(2000);
                        victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    }
                    Thread.sleep(150);
                }
                Map<String, Long> expected = counts(produced);
                Map<String, Long> seen = Map.of();
                long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                while (System.nanoTime() < deadline) {
                    seen = outputs(stack, registry);
                    if (seen.values().stream().mapToLong(Long::longValue).sum() >= produced.size()) {
                        break;
                    }
                    Thread.sleep(1000);
                }
                Thread.sleep(3000);
                seen = outputs(stack, registry);
                assertEquals(expected, seen, "every input record in exactly one output, after a SIGKILL mid-stream");
                assertTrue(publishedOnce(stack, registry), "no item published twice on news.enriched.*");
            }
        } finally {
            if (victim != null) {
                victim.destroyForcibly();
            }
        }
    }

    /** The other instance: `./newsflow enrich` in its own JVM, so it can be killed for real. */
    private static Process startInstanceInAnotherJvm(TestStack stack, Path dataDir) throws Exception {
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
        builder.redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("instance.log").toFile());
        return builder.start();
    }

    /**
     * Both instances in the group, as Kafka Streams itself sees it: standby replicas (one per task)
     * are only ever placed on an instance other than the active one, so the survivor holds standbys
     * once the other instance has joined.
     */
    private static void awaitSecondInstance(EnrichService survivor) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (survivor.streams().state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING
                    && survivor.streams().metadataForLocalThreads().stream()
                            .anyMatch(t -> !t.standbyTasks().isEmpty())) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the second instance did not join within 90 s");
    }

    private static KafkaProducer<String, SpecificRecord> producer(TestStack stack, SchemaRegistryClient registry) {
        AvroSerializer<SpecificRecord> values = new AvroSerializer<>(registry);
        values.configure(stack.registryProperties(), false);
        return new KafkaProducer<>(stack.kafkaClientProperties(), new StringSerializer(), values);
    }

    private static Map<String, Long> outputs(TestStack stack, SchemaRegistryClient registry) {
        Topics topics = new Topics(registry, stack.registryProperties());
        List<String> keys = new ArrayList<>();
        TopicReader.readAll(
                        stack,
                        Topics.ENRICHED_ARTICLES_NAME,
                        new StringDeserializer(),
                        topics.enrichedArticles.valueSerde().deserializer())
                .forEach(r -> keys.add(r.key()));
        TopicReader.readAll(
                        stack,
                        Topics.ENRICHED_BRIEFS_NAME,
                        new StringDeserializer(),
                        topics.enrichedBriefs.valueSerde().deserializer())
                .forEach(r -> keys.add(r.key()));
        TopicReader.readAll(
                        stack,
                        Topics.DUPLICATES_NAME,
                        new StringDeserializer(),
                        topics.duplicates.valueSerde().deserializer())
                .forEach(r -> keys.add(r.key()));
        return counts(keys);
    }

    private static boolean publishedOnce(TestStack stack, SchemaRegistryClient registry) {
        Topics topics = new Topics(registry, stack.registryProperties());
        List<ConsumerRecord<String, EnrichedArticle>> articles = TopicReader.readAll(
                stack,
                Topics.ENRICHED_ARTICLES_NAME,
                new StringDeserializer(),
                topics.enrichedArticles.valueSerde().deserializer());
        List<ConsumerRecord<String, EnrichedBrief>> briefs = TopicReader.readAll(
                stack,
                Topics.ENRICHED_BRIEFS_NAME,
                new StringDeserializer(),
                topics.enrichedBriefs.valueSerde().deserializer());
        List<String> keys = new ArrayList<>();
        articles.forEach(r -> keys.add(r.key()));
        briefs.forEach(r -> keys.add(r.key()));
        return keys.size() == keys.stream().distinct().count();
    }

    private static Map<String, Long> counts(List<String> keys) {
        return keys.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
