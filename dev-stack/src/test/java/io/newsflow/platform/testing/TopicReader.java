package io.newsflow.platform.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads topics from the beginning in tests, committed records only (what a read_committed subscriber sees). */
public final class TopicReader {
    /**
     * A producer's commit returns before the broker writes its commit markers, and read_committed end
     * offsets stop short of a transaction until its marker is written; how long readAll waits for that.
     */
    private static final Duration MARKER_WAIT = Duration.ofSeconds(3);

    private TopicReader() {}

    /** Everything in {@code topic} up to its current end offsets. */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(
            TestStack stack, String topic, Deserializer<K> keys, Deserializer<V> values) {
        return read(stack, topic, keys, values, -1, Duration.ofSeconds(30));
    }

    /**
     * Waits until {@code expected} records arrived or {@code timeout} passed, then keeps reading for a
     * moment so that extra (unexpected) records are seen too.
     */
    public static <K, V> List<ConsumerRecord<K, V>> awaitRecords(
            TestStack stack,
            String topic,
            Deserializer<K> keys,
            Deserializer<V> values,
            int expected,
            Duration timeout) {
        return read(stack, topic, keys, values, expected, timeout);
    }

    private static <K, V> List<ConsumerRecord<K, V>> read(
            TestStack stack,
            String topic,
            Deserializer<K> keys,
            Deserializer<V> values,
            int expected,
            Duration timeout) {
        Map<String, Object> props = new HashMap<>(stack.kafkaClientProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<TopicPartition, Long> end = expected < 0 ? committedEnd(consumer, partitions, props) : Map.of();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (expected < 0 && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    break;
                }
                if (expected >= 0 && records.size() >= expected) {
                    consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                    break;
                }
            }
        }
        return records;
    }

    /**
     * The read_committed end offsets once they reach the end offsets of everything written when the
     * read started (or {@link #MARKER_WAIT} passed, for a transaction that is really still open).
     */
    private static Map<TopicPartition, Long> committedEnd(
            KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions, Map<String, Object> props) {
        Map<String, Object> uncommitted = new HashMap<>(props);
        uncommitted.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        Map<TopicPartition, Long> written;
        try (KafkaConsumer<byte[], byte[]> probe =
                new KafkaConsumer<>(uncommitted, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            written = probe.endOffsets(partitions);
        }
        long deadline = System.nanoTime() + MARKER_WAIT.toNanos();
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
        while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> end.get(p) < written.get(p))) {
            sleep(Duration.ofMillis(50));
            end.putAll(consumer.endOffsets(partitions));
        }
        return end;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for commit markers", e);
        }
    }
}
