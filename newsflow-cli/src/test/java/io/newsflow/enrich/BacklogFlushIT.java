package io.newsflow.enrich;

import io.newsflow.bench.BenchDumps;
import io.newsflow.ingest.Ingester;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.OwnStack;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.platform.testing.TopicReader;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A backlog of dumps captured at one moment (files copied in together) reaches the dedup stage with
 * one event time, so the reorder buffer decides all of it when the input goes idle. In one
 * transaction that outran transaction.timeout.ms (shortened here), the task was fenced and redid the
 * flush, again and again; decided in budgeted pieces (EnrichTopologyTest checks the pieces) all of
 * it comes out, once.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class BacklogFlushIT {
    private static final int COPIES = 120;

    @Test
    void aBacklogWithOneEventTimeIsDecidedInShortTransactionsAndAllOfItComesOut(TestStack stack, @TempDir Path dir)
            throws Exception {
        BenchDumps dumps = BenchDumps.fromSample(
                Files.readString(Path.of("../samples/aleppo-page-dump.txt"), StandardCharsets.UTF_8));
        Instant captured = Instant.now().minus(Duration.ofHours(1));
        List<Path> files = new ArrayList<>();
        for (int n = 0; files.size() < COPIES; n++) {
            // Distinct stories (no re-scrapes, whose exact repeats would share ids), all captured at one moment.
            if (n % BenchDumps.REVISION_EVERY != BenchDumps.REVISION_EVERY - 1) {
                files.add(Files.writeString(
                        dir.resolve(String.format("page-%03d.txt", n)),
                        dumps.dump(n, captured),
                        StandardCharsets.UTF_8));
            }
        }
        NewsflowConfig config = stack.config()
                .with(NewsflowConfig.DATA_DIR, dir.resolve("service").toString(), "test")
                .with(EnrichService.HTTP_PORT, "0", "test")
                .with(EnrichSettings.IDLE_FLUSH, "1s", "test")
                .with("transaction.timeout.ms", "5000", "test");
        int items = COPIES * dumps.itemsPerDump();
        try (EnrichService service = EnrichService.start(Stack.resolve(config));
                Stack resolved = Stack.resolve(stack.config());
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
            ingester.ingestAll(files, null, result -> assertEquals(null, result.error()));

            List<String> keys = outputs(stack);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (keys.size() < items && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                keys = outputs(stack);
            }
            Thread.sleep(2000);
            keys = outputs(stack);
            assertEquals(items, keys.size(), "every item downstream (enriched or duplicate notice)");
            assertEquals(items, new HashSet<>(keys).size(), "and only once");
        }
    }

    private static List<String> outputs(TestStack stack) {
        List<String> keys = new ArrayList<>();
        for (String topic :
                List.of(Topics.ENRICHED_ARTICLES_NAME, Topics.ENRICHED_BRIEFS_NAME, Topics.DUPLICATES_NAME)) {
            TopicReader.readAll(stack, topic, new StringDeserializer(), new ByteArrayDeserializer()).stream()
                    .map(ConsumerRecord::key)
                    .forEach(keys::add);
        }
        return keys;
    }
}
