package io.newsflow.enrich;

import io.newsflow.bench.BenchDumps;
import io.newsflow.ingest.DumpPublisher;
import io.newsflow.ingest.Ingester;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.platform.testing.TopicReader;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection: the broker and the registry go away for a while under a running enrich-service
 * and come back on the same ports and data. The service rides it out, and every item ingested before
 * and after is downstream exactly once (enriched or duplicate notice), none lost, none doubled.
 */
class BrokerOutageIT {
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @Test
    void everyItemIsDownstreamExactlyOnceAcrossABrokerAndRegistryOutage(@TempDir Path dir) throws Exception {
        Map<String, String> flags = new HashMap<>();
        flags.put(NewsflowConfig.DATA_DIR, dir.resolve("stack").toString());
        flags.put(NewsflowConfig.KAFKA_PORT, String.valueOf(KafkaStackExtension.freePort()));
        flags.put(NewsflowConfig.CONTROLLER_PORT, String.valueOf(KafkaStackExtension.freePort()));
        flags.put(NewsflowConfig.REGISTRY_PORT, String.valueOf(KafkaStackExtension.freePort()));
        NewsflowConfig stackConfig = NewsflowConfig.load(flags, null, Map.of());
        BenchDumps dumps = BenchDumps.fromSample(Files.readString(Path.of("../samples/aleppo-page-dump.txt")));
        Instant t0 = Instant.now().minus(Duration.ofHours(2));

        Stack stack = Stack.startEmbedded(stackConfig, true);
        TestStack view = new TestStack(stack.bootstrapServers(), stack.registryUrl(), "embedded");
        NewsflowConfig serviceConfig = view.config()
                .with(NewsflowConfig.DATA_DIR, dir.resolve("service").toString(), "test")
                .with(EnrichService.HTTP_PORT, "0", "test")
                .with(EnrichSettings.IDLE_FLUSH, "1s", "test");
        try (EnrichService service = EnrichService.start(Stack.resolve(serviceConfig))) {
            int before = ingest(view, dumps, dir.resolve("before.txt"), 1, 3, t0);
            assertEquals(before, awaitOutputs(view, before).size(), "all of the first dumps through before the outage");

            stack.close();
            Thread.sleep(OUTAGE.toMillis());
            stack = Stack.startEmbedded(stackConfig, true);

            int after = ingest(view, dumps, dir.resolve("after.txt"), 4, 6, t0.plus(Duration.ofMinutes(30)));
            List<String> keys = awaitOutputs(view, before + after);
            Map<String, Long> times = keys.stream()
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
            assertEquals(before + after, times.size(), "every ingested item is downstream");
            times.forEach((id, n) -> assertEquals(1L, n, id + " is downstream once, not " + n + " times"));
            assertTrue(
                    service.streams().state().isRunningOrRebalancing(),
                    "still running: " + service.streams().state());
        } finally {
            stack.close();
        }
    }

    /** Ingests dumps {@code first..last} as one file; returns how many items it held. */
    private static int ingest(TestStack view, BenchDumps dumps, Path file, int first, int last, Instant start)
            throws Exception {
        StringBuilder text = new StringBuilder();
        for (int n = first; n <= last; n++) {
            text.append(n == first ? "" : "=====\n").append(dumps.dump(n, start.plus(Duration.ofMinutes(n))));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try (Stack resolved = Stack.resolve(view.config());
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
            DumpPublisher.Result result = ingester.ingest(file, null);
            assertTrue(result.delivered(), result.toString());
        }
        return (last - first + 1) * dumps.itemsPerDump();
    }

    /** The keys of every enriched item and duplicate notice, once at least {@code expected} are there (or after 2 min). */
    private static List<String> awaitOutputs(TestStack view, int expected) throws Exception {
        try (SchemaRegistryClient registry = view.registryClient()) {
            Topics topics = new Topics(registry, view.registryProperties());
            List<String> keys = read(view, topics);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (keys.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                keys = read(view, topics);
            }
            // Anything published twice would show up late: look once more.
            Thread.sleep(3000);
            return read(view, topics);
        }
    }

    private static List<String> read(TestStack view, Topics topics) {
        List<String> keys = new ArrayList<>();
        for (String topic :
                List.of(Topics.ENRICHED_ARTICLES_NAME, Topics.ENRICHED_BRIEFS_NAME, Topics.DUPLICATES_NAME)) {
            TopicReader.readAll(view, topic, new StringDeserializer(), new StringDeserializer() {
                        @Override
                        public String deserialize(String t, byte[] data) {
                            return "";
                        }
                    })
                    .stream()
                    .map(ConsumerRecord::key)
                    .forEach(keys::add);
        }
        return keys;
    }
}
