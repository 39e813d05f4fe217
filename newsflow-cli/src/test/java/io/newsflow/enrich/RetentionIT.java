package io.newsflow.enrich;

import io.newsflow.enrich.dedup.DedupStores;
import io.newsflow.ingest.Ingester;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.platform.testing.TopicReader;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: nothing is deleted because its event time is old. A broker of its own with stock Kafka's
 * time retention (7 days) checked every 2 seconds; topics left as an older Newsflow created them;
 * dumps dated 2016 and 2017 (and now), ingested while enrich-service runs and while it is stopped;
 * then its local state is wiped and restored from the changelogs. Every input, enriched item and
 * duplicate notice stays, and the restored dedup index still knows the old items.
 */
class RetentionIT {
    private static final Path SAMPLE = Path.of("../samples/aleppo-page-dump.txt");
    private static final Path REUTERS_2017 = Path.of("../ingest-service/src/test/resources/dumps/reuters-agrokor.txt");
    private static final String APP_ID = "newsflow-enrich";
    private static final long CHECK_MS = 2000;

    private static KafkaStackExtension.Running running;
    private static TestStack stack;

    @BeforeAll
    static void startBroker() {
        // Stock Kafka's time retention, checked often: what a cluster not set up by Newsflow does.
        running = KafkaStackExtension.startEmbedded(Map.of(
                "log.retention.ms", String.valueOf(Duration.ofDays(7).toMillis()),
                "log.retention.check.interval.ms", String.valueOf(CHECK_MS)));
        stack = running.stack();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        running.close();
    }

    @Test
    void oldItemsOutliveRetentionChecksDowntimeAndStateLoss(@TempDir Path dir) throws Exception {
        Path dump2016 = dated(dir, "aleppo-2016.txt", "2016-10-07T09:00:00Z");
        // Six hours later in event time: its arrival decides the first dump's items (past the reorder
        // grace), so their index entries are written with 2016 record timestamps.
        Path later2016 = Files.writeString(
                dir.resolve("reuters-2016.txt"),
                Files.readString(REUTERS_2017, StandardCharsets.UTF_8).replace("2017-04-07T", "2016-10-07T"),
                StandardCharsets.UTF_8);
        Path dumpNow = dated(
                dir,
                "aleppo-now.txt",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Path data = dir.resolve("enrich");
        createTopicsTheOldWay();

        try (Stack resolved = Stack.resolve(stack.config());
                SchemaRegistryClient registry = stack.registryClient();
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
            Topics topics = new Topics(registry, stack.registryProperties());

            Outputs before;
            try (EnrichService first = EnrichService.start(instance(data))) {
                assertUpgraded();
                ingest(ingester, dump2016);
                ingest(ingester, later2016);
                before = awaitOutputs(topics, inputs());
                assertEquals(inputs(), before.total());
            }
            // enrich-service is down while a repeat of the 2016 dump arrives and retention checks run.
            ingest(ingester, dump2016);
            awaitRetentionChecks();
            assertNothingDeleted();

            try (EnrichService second = EnrichService.start(instance(data))) {
                Outputs outputs = awaitOutputs(topics, before.total() + 19);
                assertEquals(before.originals().size(), outputs.originals().size(), "the 2016 items once");
                assertEquals(
                        before.duplicates().size() + 19,
                        outputs.duplicates().size(),
                        "their repeats, ingested while enrich was down");
            }

            // Local state lost after retention checks: the dedup index is restored from its changelog.
            awaitRetentionChecks();
            assertNothingDeleted();
            KafkaStackExtension.deleteRecursively(data.resolve("streams"));
            try (EnrichService third = EnrichService.start(instance(data))) {
                ingest(ingester, dump2016);
                Outputs outputs = awaitOutputs(topics, before.total() + 38);
                assertEquals(
                        before.originals().size(),
                        outputs.originals().size(),
                        "repeats after the restore are still duplicates");
                assertEquals(
                        before.duplicates().size() + 38, outputs.duplicates().size());

                ingest(ingester, REUTERS_2017);
                ingest(ingester, dumpNow);
                int inputs = inputs();
                outputs = awaitOutputs(topics, inputs);
                awaitRetentionChecks();
                assertNothingDeleted();
                outputs = awaitOutputs(topics, inputs);
                assertEquals(
                        inputs,
                        outputs.originals().size() + outputs.duplicates().size(),
                        "every input once");
                // The same story in 2016 and now is two stories: ten years apart, beyond the dedup window.
                Set<String> out = new HashSet<>(outputs.originals());
                out.addAll(outputs.duplicates());
                assertEquals(inputIds(), out, "every input id has its output");
            }
        }
    }

    /** The topics as Newsflow created them before: broker defaults, i.e. time retention on event times. */
    private static void createTopicsTheOldWay() throws Exception {
        try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
            List<NewTopic> topics = new ArrayList<>();
            Topics.ALL_NAMES.forEach(name -> topics.add(new NewTopic(name, 6, (short) 1)));
            // What Kafka Streams made of the index store's changelog: event-time timestamps, deleted by them.
            // One partition per dedup shard: as many as the input partitions before the default changed,
            // which enrich-service then keeps (EnrichSetup.Found.settings).
            topics.add(new NewTopic(DedupStores.indexChangelogs(APP_ID).get(0), 6, (short) 1)
                    .configs(Map.of(
                            "cleanup.policy",
                            "compact,delete",
                            "retention.ms",
                            String.valueOf(Duration.ofDays(8).toMillis()))));
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The configs the upgrade set; brokers apply an alteration a moment after it is acknowledged. */
    private static void assertUpgraded() throws Exception {
        ConfigResource briefs = new ConfigResource(ConfigResource.Type.TOPIC, Topics.BRIEFS_NAME);
        ConfigResource changelog = new ConfigResource(
                ConfigResource.Type.TOPIC, DedupStores.indexChangelogs(APP_ID).get(0));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
            while (true) {
                Map<ConfigResource, Config> configs =
                        admin.describeConfigs(List.of(briefs, changelog)).all().get();
                List<String> seen = List.of(
                        configs.get(briefs).get("retention.ms").value(),
                        configs.get(briefs).get("retention.bytes").value(),
                        configs.get(changelog).get("message.timestamp.type").value());
                if (seen.equals(List.of("-1", String.valueOf(1L << 30), "LogAppendTime"))
                        || System.nanoTime() > deadline) {
                    assertEquals(List.of("-1", String.valueOf(1L << 30), "LogAppendTime"), seen);
                    return;
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * Waits until the broker deleted an old-dated record from a topic with its default retention, then
     * two check intervals more: whatever a retention check would delete of ours, it has by then.
     */
    private static void awaitRetentionChecks() throws Exception {
        String canary = "retention-canary-" + System.nanoTime();
        try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
            admin.createTopics(List.of(new NewTopic(canary, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(stack.kafkaClientProperties(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(
                            canary, 0, Instant.parse("2016-10-07T09:00:00Z").toEpochMilli(), "k", "v"))
                    .get();
        }
        TopicPartition tp = new TopicPartition(canary, 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (logStart(List.of(tp)).get(tp) == 0) {
            assertTrue(System.nanoTime() < deadline, "the broker's retention check never ran");
            Thread.sleep(500);
        }
        Thread.sleep(2 * CHECK_MS);
    }

    /** Every partition of the news topics and of enrich-service's internal topics still starts at offset 0. */
    private static void assertNothingDeleted() throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            admin.describeTopics(names.stream()
                            .filter(n -> n.startsWith("news.") || n.startsWith(APP_ID))
                            .toList())
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .values()
                    .forEach(d ->
                            d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        }
        Map<TopicPartition, Long> start = logStart(partitions);
        start.forEach((tp, offset) -> {
            // Streams itself purges repartition records once they are consumed: that is not retention.
            if (!tp.topic().endsWith("-repartition")) {
                assertEquals(0L, offset, tp + " lost records");
            }
        });
    }

    private static Map<TopicPartition, Long> logStart(List<TopicPartition> partitions) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                stack.kafkaClientProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return consumer.beginningOffsets(partitions);
        }
    }

    private static Set<String> inputIds() {
        Set<String> ids = new HashSet<>();
        for (String topic : List.of(Topics.ARTICLES_NAME, Topics.BRIEFS_NAME)) {
            TopicReader.readAll(stack, topic, new StringDeserializer(), new ByteArrayDeserializer())
                    .forEach(r -> ids.add(r.key()));
        }
        return ids;
    }

    private static int inputs() {
        return TopicReader.readAll(
                                stack, Topics.ARTICLES_NAME, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .size()
                + TopicReader.readAll(
                                stack, Topics.BRIEFS_NAME, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .size();
    }

    /** Item ids published to the enriched topics, and ids on news.duplicates. */
    private record Outputs(List<String> originals, List<String> duplicates) {
        int total() {
            return originals.size() + duplicates.size();
        }
    }

    private static Outputs awaitOutputs(Topics topics, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Outputs outputs = read(topics);
        while (outputs.originals().size() + outputs.duplicates().size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            outputs = read(topics);
        }
        return read(topics);
    }

    private static Outputs read(Topics topics) {
        List<String> originals = new ArrayList<>();
        TopicReader.readAll(
                        stack,
                        Topics.ENRICHED_ARTICLES_NAME,
                        new StringDeserializer(),
                        topics.enrichedArticles.valueSerde().deserializer())
                .forEach(r -> originals.add(r.key()));
        TopicReader.readAll(
                        stack,
                        Topics.ENRICHED_BRIEFS_NAME,
                        new StringDeserializer(),
                        topics.enrichedBriefs.valueSerde().deserializer())
                .forEach(r -> originals.add(r.key()));
        List<String> duplicates = TopicReader.readAll(
                        stack,
                        Topics.DUPLICATES_NAME,
                        new StringDeserializer(),
                        topics.duplicates.valueSerde().deserializer())
                .stream()
                .map(ConsumerRecord::key)
                .toList();
        return new Outputs(originals, duplicates);
    }

    private static void ingest(Ingester ingester, Path dump) {
        assertTrue(ingester.ingest(dump, null).delivered(), dump + " delivered");
    }

    /** The sample dump under a {@code Captured:} header: its items' event time. */
    private static Path dated(Path dir, String name, String captured) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(
                file,
                "Captured: " + captured + "\n\n" + Files.readString(SAMPLE, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        return file;
    }

    private static Stack instance(Path dataDir) {
        NewsflowConfig config = stack.config()
                .with(NewsflowConfig.DATA_DIR, dataDir.toString(), "test")
                .with(EnrichService.HTTP_PORT, "0", "test")
                .with(EnrichSettings.IDLE_FLUSH, "1s", "test");
        return Stack.resolve(config);
    }
}
