package io.newsflow.ingest;

import io.newsflow.avro.DeadLetter;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.platform.testing.TopicReader;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile corpus ({@link HostileCorpus}) in one ingest run against a real broker: every input is
 * delivered (none aborts its source or the run), each bad one is in news.dlq with its reason and a
 * size a broker takes, the odd but valid ones are published.
 */
@ExtendWith(KafkaStackExtension.class)
class HostileCorpusIT {

    @BeforeAll
    static void prepare(TestStack stack) {
        try (Stack resolved = Stack.resolve(stack.config())) {
            TopicSetup.prepare(resolved);
        }
    }

    @Test
    void everyHostileInputEndsPublishedOrInTheDeadLetterTopicWithItsReason(TestStack stack, @TempDir Path dir)
            throws Exception {
        Map<String, HostileCorpus.Expected> corpus = HostileCorpus.write(dir, TestStack.unique("hostile"));
        Map<String, DumpPublisher.Result> results = new HashMap<>();
        try (Stack resolved = Stack.resolve(stack.config());
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
            assertTimeoutPreemptively(
                    Duration.ofMinutes(3),
                    () -> ingester.ingestAll(
                            Ingester.expand(List.of(dir)),
                            InputStream.nullInputStream(),
                            result -> results.put(
                                    Path.of(result.sourceId()).getFileName().toString(), result)));
        }
        assertEquals(corpus.keySet(), results.keySet(), "every input has its result");

        Map<String, List<DeadLetter>> letters = deadLetters(stack, dir);
        corpus.forEach((name, expected) -> {
            DumpPublisher.Result result = results.get(name);
            assertTrue(result.delivered(), name + ": " + result.error());
            List<DeadLetter> mine = letters.getOrDefault(name, List.of());
            if (expected.reason() != null) {
                assertFalse(mine.isEmpty(), name + " is in news.dlq");
                assertEquals(result.dumps(), result.deadLetters(), name + ": every dump of it dead-lettered");
                for (DeadLetter letter : mine) {
                    assertEquals("ingest.parse", letter.getStage());
                    assertTrue(letter.getReason().contains(expected.reason()), name + ": " + letter.getReason());
                    assertTrue(letter.getOriginal().remaining() <= 256 << 10, name);
                }
            } else {
                assertTrue(mine.isEmpty(), name + ": " + mine);
                assertEquals(expected.articles(), result.articles(), name);
                assertEquals(expected.briefs(), result.briefs(), name);
            }
        });
    }

    /** Dead letters of the files in {@code dir}, by file name (JSON Lines keys are {@code file:line}). */
    private static Map<String, List<DeadLetter>> deadLetters(TestStack stack, Path dir) {
        Map<String, List<DeadLetter>> byFile = new HashMap<>();
        try (SchemaRegistryClient registry = stack.registryClient()) {
            Topics topics = new Topics(registry, stack.registryProperties());
            for (ConsumerRecord<String, DeadLetter> record : TopicReader.readAll(
                    stack,
                    Topics.DLQ_NAME,
                    new StringDeserializer(),
                    topics.deadLetters.valueSerde().deserializer())) {
                if (record.key().startsWith(dir.toString())) {
                    String name = Path.of(record.key()).getFileName().toString().replaceAll("[:#][0-9]+$", "");
                    byFile.computeIfAbsent(name, n -> new java.util.ArrayList<>())
                            .add(record.value());
                }
            }
        }
        return byFile;
    }
}
