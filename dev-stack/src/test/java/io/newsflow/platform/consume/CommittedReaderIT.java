package io.newsflow.platform.consume;

import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.TestStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(KafkaStackExtension.class)
class CommittedReaderIT {
    private static final Instant T0 = Instant.parse("2017-04-07T10:00:00Z");

    /**
     * Committed, aborted, committed: the reader returns the committed records only and stops, although
     * the end offset lies past the last record (the commit marker), where a reader that waits for the
     * offset after the last record it saw would wait for ever.
     */
    @Test
    void readsATransactionalTopicToItsEndOffsetsPastTheCommitMarker(TestStack stack) {
        String topic = TestStack.unique("committed-tx");
        TopicSetup.ensure(stack.config(), List.of(topic), 2, (short) 1);
        Map<String, Object> props = new HashMap<>(stack.kafkaClientProperties());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            transaction(producer, topic, "committed-a", 5);
            producer.beginTransaction();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, "aborted" + i, "x"));
            }
            producer.flush();
            producer.abortTransaction();
            transaction(producer, topic, "committed-b", 4);
        }
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (CommittedReader<String, String> reader = reader(stack, topic)) {
            Map<TopicPartition, Long> end = reader.endOffsets();
            reader.fromBeginning().readToEnd(read::add);
            for (TopicPartition p : end.keySet()) {
                long last = read.stream()
                        .filter(r -> r.partition() == p.partition())
                        .mapToLong(ConsumerRecord::offset)
                        .max()
                        .orElseThrow();
                assertTrue(
                        end.get(p) > last + 1,
                        "the end offset of " + p + " (" + end.get(p) + ") counts markers after " + last);
            }
        }
        assertEquals(9, read.size(), "the committed records, none of the aborted: " + read);
        assertTrue(read.stream().allMatch(r -> r.key().startsWith("committed-")));
    }

    @Test
    void fromEndReadsOnlyWhatIsWrittenAfterwards(TestStack stack) {
        String topic = TestStack.unique("committed-end");
        TopicSetup.ensure(stack.config(), List.of(topic), 2, (short) 1);
        try (KafkaProducer<String, String> producer = producer(stack);
                CommittedReader<String, String> reader = reader(stack, topic)) {
            for (int i = 0; i < 4; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, "before" + i, "v"));
            }
            producer.flush();
            reader.fromEnd();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, "after" + i, "v"));
            }
            producer.flush();
            List<String> keys = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (keys.size() < 3 && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
            }
            reader.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
            assertEquals(
                    List.of("after0", "after1", "after2"),
                    keys.stream().sorted().toList());
        }
    }

    /** Items dated years ago and dated now, in one partition out of time order. */
    @Test
    void fromTimeStartsAtTheFirstRecordAtOrAfterIt(TestStack stack) {
        String topic = TestStack.unique("committed-time");
        TopicSetup.ensure(stack.config(), List.of(topic), 1, (short) 1);
        Instant now = Instant.now();
        try (KafkaProducer<String, String> producer = producer(stack)) {
            producer.send(new ProducerRecord<>(topic, 0, T0.toEpochMilli(), "old", "v"));
            producer.send(new ProducerRecord<>(topic, 0, now.toEpochMilli(), "now", "v"));
            producer.send(new ProducerRecord<>(topic, 0, T0.plusSeconds(60).toEpochMilli(), "old-late", "v"));
        }
        try (CommittedReader<String, String> reader = reader(stack, topic)) {
            List<String> keys = new ArrayList<>();
            reader.fromTime(now.minusSeconds(60)).readToEnd(r -> keys.add(r.key()));
            assertEquals(List.of("now", "old-late"), keys, "from the first record at or after the time, to the end");
        }
        try (CommittedReader<String, String> reader = reader(stack, topic)) {
            List<String> keys = new ArrayList<>();
            reader.fromTime(now.plusSeconds(3600)).readToEnd(r -> keys.add(r.key()));
            assertEquals(List.of(), keys, "nothing at or after the time: starts at the end");
        }
    }

    @Test
    void aMissingTopicIsSaidByName(TestStack stack) {
        String topic = TestStack.unique("committed-missing");
        UnknownTopicOrPartitionException e =
                assertThrows(UnknownTopicOrPartitionException.class, () -> reader(stack, topic));
        assertEquals("No such topic: " + topic, e.getMessage());
    }

    private static void transaction(KafkaProducer<String, String> producer, String topic, String prefix, int n) {
        producer.beginTransaction();
        for (int i = 0; i < n; i++) {
            producer.send(new ProducerRecord<>(topic, i % 2, prefix + i, "v"));
        }
        producer.commitTransaction();
    }

    private static KafkaProducer<String, String> producer(TestStack stack) {
        return new KafkaProducer<>(stack.kafkaClientProperties(), new StringSerializer(), new StringSerializer());
    }

    private static CommittedReader<String, String> reader(TestStack stack, String topic) {
        return new CommittedReader<>(
                stack.kafkaClientProperties(),
                "committed-reader-it",
                List.of(topic),
                new StringDeserializer(),
                new StringDeserializer());
    }
}
