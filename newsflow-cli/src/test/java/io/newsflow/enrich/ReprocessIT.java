package io.newsflow.enrich;

import io.newsflow.avro.Brief;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.Origin;
import io.newsflow.cli.EnrichReset;
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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code reprocess --from T} against a real broker, with event times out of offset order: items dated
 * after T at earlier offsets, items dated before T at later offsets, items dated years ago and now.
 * After the reprocess every item dated from T on is published again exactly once, with the verdict an
 * undisturbed run gave it (also when its original is dated before T), and nothing dated before T is
 * published again.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class ReprocessIT {
    private static final String[][] STORIES = {
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
        },
        {
            "Brazil central bank cuts benchmark rate to lowest in three years",
            "Brazil's central bank cut its benchmark Selic interest rate by a full percentage point on Wednesday as inflation slowed more than economists had expected."
        },
        {
            "Kenya court orders rerun of presidential election",
            "Kenya's Supreme Court annulled the presidential election result on Friday, citing irregularities, and ordered a new vote within 60 days."
        },
        {
            "Norway wealth fund to drop oil and gas shares",
            "Norway's trillion-dollar sovereign wealth fund proposed on Thursday to sell its holdings of oil and gas company shares to reduce the country's exposure to crude prices."
        },
        {
            "Chile copper output falls as Escondida strike bites",
            "Copper production in Chile, the world's biggest producer, fell sharply in March as a strike at the Escondida mine halted output for six weeks."
        }
    };

    /** An item: its name, its story, its event time. */
    private record Item(String name, int story, Instant time) {}

    @Test
    void reprocessRepublishesFromTheTimeOnWithTheVerdictsOfAnUndisturbedRun(TestStack stack, @TempDir Path dataDir)
            throws Exception {
        String run = TestStack.unique("reproc");
        NewsflowConfig config = stack.config()
                .with(NewsflowConfig.DATA_DIR, dataDir.toString(), "test")
                .with(EnrichService.HTTP_PORT, "0", "test")
                .with(EnrichSettings.APPLICATION_ID, "newsflow-enrich-" + run, "test")
                .with(EnrichSettings.IDLE_FLUSH, "1s", "test");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minus(Duration.ofDays(2));
        Instant years = Instant.parse("2016-10-07T09:00:00Z");
        // In offset order, all in one partition (its order is then the order the dedup stage reads).
        List<Item> items = List.of(
                new Item("old1", 0, years),
                new Item(
                        "ctx-c3",
                        4,
                        from.minus(Duration.ofHours(
                                1))), // original of a3, before T at an offset before every item after T
                new Item("a1", 1, from.plus(Duration.ofHours(1))), // after T at an earlier offset than its original c1
                new Item("ctx-c1", 1, from.minus(Duration.ofMinutes(90))),
                new Item("new1", 3, now.minus(Duration.ofHours(1))),
                new Item(
                        "a3",
                        4,
                        from.plus(Duration.ofHours(
                                2))), // its original ctx-c3 sits before where offsetsForTimes(T) starts
                new Item("old2", 0, years.plus(Duration.ofHours(1))),
                new Item("a4", 5, from.plus(Duration.ofHours(3))),
                new Item("a5", 3, now.minus(Duration.ofHours(1)).minusSeconds(10)),
                new Item("ctx-c4", 6, from.minus(Duration.ofHours(2))));
        List<String> ids = items.stream().map(i -> run + "-" + i.name()).toList();
        List<String> fromT = items.stream()
                .filter(i -> !i.time().isBefore(from))
                .map(i -> run + "-" + i.name())
                .toList();
        try (Stack resolved = Stack.resolve(config);
                SchemaRegistryClient registry = stack.registryClient()) {
            Topics topics = new Topics(registry, stack.registryProperties());
            TopicSetup.prepare(resolved);
            try (KafkaProducer<String, Brief> producer = new KafkaProducer<>(
                    stack.kafkaClientProperties(),
                    new StringSerializer(),
                    topics.briefs.valueSerde().serializer())) {
                for (int i = 0; i < items.size(); i++) {
                    Item item = items.get(i);
                    Brief brief = Brief.newBuilder()
                            .setId(ids.get(i))
                            .setHeadline(STORIES[item.story()][0])
                            .setSummary(STORIES[item.story()][1])
                            .setOrigin(Origin.newBuilder()
                                    .setDumpId(run + "-" + i)
                                    .setPosition(1)
                                    .setCapturedAt(item.time())
                                    .setParserVersion("1")
                                    .build())
                            .build();
                    producer.send(new ProducerRecord<>(
                                    Topics.BRIEFS_NAME, 0, item.time().toEpochMilli(), brief.getId(), brief))
                            .get();
                }
            }
            Map<String, String> undisturbed;
            try (EnrichService service = EnrichService.start(resolved)) {
                undisturbed = awaitVerdicts(stack, topics, ids, Map.of(), ids.size());
            }
            assertEquals(ids.size(), undisturbed.size(), "undisturbed run: every item published once: " + undisturbed);
            assertEquals(
                    "duplicate of " + run + "-ctx-c3",
                    undisturbed.get(run + "-a3"),
                    "the case reprocess used to get wrong");
            assertEquals("duplicate of " + run + "-ctx-c1", undisturbed.get(run + "-a1"));

            Map<String, Long> before = outputEnds(stack, topics);
            EnrichReset.resetTo(resolved, EnrichSettings.from(config), from);
            Map<String, String> reprocessed;
            try (EnrichService service = EnrichService.start(resolved)) {
                reprocessed = awaitVerdicts(stack, topics, ids, before, fromT.size());
            }
            Map<String, String> expected = new TreeMap<>(undisturbed);
            expected.keySet().retainAll(fromT);
            assertEquals(
                    expected,
                    reprocessed,
                    "after reprocess: items dated from T on, each once, with the undisturbed verdicts; "
                            + "nothing dated before T again");
        }
    }

    /**
     * Verdicts published past {@code after} (per output topic: where the read starts): "original" or
     * "duplicate of X", once the expected number is out and the service had time to publish more;
     * an item published twice shows up as "original, original" and the like.
     */
    private static Map<String, String> awaitVerdicts(
            TestStack stack, Topics topics, List<String> ids, Map<String, Long> after, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, String> verdicts = Map.of();
        while (System.nanoTime() < deadline) {
            verdicts = verdicts(stack, topics, ids, after);
            if (verdicts.size() >= expected) {
                Thread.sleep(3000);
                return verdicts(stack, topics, ids, after);
            }
            Thread.sleep(500);
        }
        return verdicts;
    }

    private static Map<String, String> verdicts(
            TestStack stack, Topics topics, List<String> ids, Map<String, Long> after) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (ConsumerRecord<String, ?> r : TopicReader.readAll(
                stack,
                Topics.ENRICHED_BRIEFS_NAME,
                new StringDeserializer(),
                topics.enrichedBriefs.valueSerde().deserializer())) {
            if (r.offset() >= after.getOrDefault(r.topic() + "-" + r.partition(), 0L)) {
                out.add(Map.entry(r.key(), "original"));
            }
        }
        for (ConsumerRecord<String, DuplicateNotice> r : TopicReader.readAll(
                stack,
                Topics.DUPLICATES_NAME,
                new StringDeserializer(),
                topics.duplicates.valueSerde().deserializer())) {
            if (r.offset() >= after.getOrDefault(r.topic() + "-" + r.partition(), 0L)) {
                out.add(Map.entry(r.key(), "duplicate of " + r.value().getDuplicateOf()));
            }
        }
        return out.stream()
                .filter(e -> ids.contains(e.getKey()))
                .collect(
                        Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a + ", " + b, TreeMap::new));
    }

    /** The end offset of every partition of the two outputs (exclusive: records from there on are new). */
    private static Map<String, Long> outputEnds(TestStack stack, Topics topics) {
        Map<String, Long> ends = new TreeMap<>();
        for (String topic : List.of(Topics.ENRICHED_BRIEFS_NAME, Topics.DUPLICATES_NAME)) {
            TopicReader.readAll(stack, topic, new StringDeserializer(), new StringDeserializer()).stream()
                    .collect(Collectors.toMap(r -> r.topic() + "-" + r.partition(), r -> r.offset() + 1, Math::max))
                    .forEach(ends::put);
        }
        return ends;
    }
}
