package io.newsflow.cli;

import io.newsflow.avro.Brief;
import io.newsflow.avro.Origin;
import io.newsflow.enrich.EnrichService;
import io.newsflow.enrich.EnrichSettings;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.OwnStack;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.platform.testing.TopicReader;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** `reprocess`: stop, reset to a time, start again: everything from that time on is enriched again. */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class EnrichResetIT {

    @Test
    void resetToATimeReprocessesFromThatTimeOn(TestStack stack, @TempDir Path dataDir) throws Exception {
        String run = TestStack.unique("reset");
        NewsflowConfig config = stack.config()
                .with(NewsflowConfig.DATA_DIR, dataDir.toString(), "test")
                .with(EnrichService.HTTP_PORT, "0", "test")
                .with(EnrichSettings.APPLICATION_ID, "newsflow-enrich-" + run, "test")
                .with(EnrichSettings.IDLE_FLUSH, "1s", "test");
        Instant t0 = Instant.now().minusSeconds(7200);
        List<String> ids = List.of(run + "-a", run + "-b", run + "-c");
        try (Stack resolved = Stack.resolve(config);
                SchemaRegistryClient registry = stack.registryClient()) {
            Topics topics = new Topics(registry, stack.registryProperties());
            TopicSetup.prepare(resolved);
            try (KafkaProducer<String, Brief> producer = new KafkaProducer<>(
                    stack.kafkaClientProperties(),
                    new StringSerializer(),
                    topics.briefs.valueSerde().serializer())) {
                String[][] stories = {
                    {
                        "Croatian parliament passes law on vitally important companies",
                        "The Croatian parliament on Thursday passed a law allowing the state to step into the management of companies whose collapse would threaten the economy."
                    },
                    {
                        "Asahi completes takeover of Czech brewery Pilsner Urquell",
                        "Japanese brewing company Asahi completed its takeover of the Czech brewery Pilsner Urquell on Friday, it said in a statement."
                    },
                    {
                        "Thai junta hands former premier Thaksin a tax bill",
                        "Thailand's military government handed former prime minister Thaksin Shinawatra a half-a-billion-dollar tax bill for a past business deal."
                    }
                };
                for (int i = 0; i < ids.size(); i++) {
                    Instant time = t0.plusSeconds(600L * i);
                    Brief brief = Brief.newBuilder()
                            .setId(ids.get(i))
                            .setHeadline(stories[i][0])
                            .setSummary(stories[i][1])
                            .setOrigin(Origin.newBuilder()
                                    .setDumpId(run)
                                    .setPosition(i + 1)
                                    .setCapturedAt(time)
                                    .setParserVersion("1")
                                    .build())
                            .build();
                    producer.send(
                            new ProducerRecord<>(Topics.BRIEFS_NAME, null, time.toEpochMilli(), brief.getId(), brief));
                }
            }
            try (EnrichService service = EnrichService.start(resolved)) {
                awaitCounts(stack, topics, ids, 3);
                assertThrows(
                        IllegalStateException.class,
                        () -> EnrichReset.resetTo(resolved, EnrichSettings.from(config), t0),
                        "refuses while an instance runs");
            }
            Path state = dataDir.resolve("streams").resolve("newsflow-enrich-" + run);
            EnrichReset.resetTo(resolved, EnrichSettings.from(config), t0.plusSeconds(600));
            assertFalse(Files.exists(state), "local state removed");
            try (EnrichService service = EnrichService.start(resolved)) {
                Map<String, Long> counts = awaitCounts(stack, topics, ids, 5);
                assertEquals(
                        Map.of(ids.get(0), 1L, ids.get(1), 2L, ids.get(2), 2L),
                        counts,
                        "items from the reset time on are enriched again; earlier ones are not");
            }
        }
    }

    private static Map<String, Long> awaitCounts(TestStack stack, Topics topics, List<String> ids, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, Long> counts = Map.of();
        while (System.nanoTime() < deadline) {
            counts = TopicReader.readAll(
                            stack,
                            Topics.ENRICHED_BRIEFS_NAME,
                            new StringDeserializer(),
                            topics.enrichedBriefs.valueSerde().deserializer())
                    .stream()
                    .map(ConsumerRecord::key)
                    .filter(ids::contains)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            if (counts.values().stream().mapToLong(Long::longValue).sum() >= expected) {
                Thread.sleep(2000);
                return TopicReader.readAll(
                                stack,
                                Topics.ENRICHED_BRIEFS_NAME,
                                new StringDeserializer(),
                                topics.enrichedBriefs.valueSerde().deserializer())
                        .stream()
                        .map(ConsumerRecord::key)
                        .filter(ids::contains)
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            }
            Thread.sleep(500);
        }
        return counts;
    }
}
