package io.newsflow.bench;

import io.newsflow.platform.consume.CommittedReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the committed records (read_committed) that appear on some topics after it was created, and
 * notes the wall-clock time each key was first received. Values are not decoded: only arrival counts.
 */
final class OutputWatcher implements AutoCloseable {
    private final CommittedReader<String, byte[]> outputs;
    private final Map<String, Long> firstReceived = new HashMap<>();
    private long count;
    private long lastReceivedMs;

    OutputWatcher(Map<String, Object> kafkaClientProperties, Collection<String> topics) {
        outputs = new CommittedReader<>(
                        kafkaClientProperties,
                        "newsflow-bench-watcher",
                        topics,
                        new StringDeserializer(),
                        new ByteArrayDeserializer())
                .fromEnd();
    }

    /** Polls until {@code expected} records arrived in all, or {@code timeout} passed; true if they did. */
    boolean awaitCount(long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count < expected && System.nanoTime() < deadline) {
            poll();
        }
        return count >= expected;
    }

    /** Polls until every one of {@code keys} arrived, or {@code timeout} passed; true if they did. */
    boolean awaitKeys(Collection<String> keys, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!firstReceived.keySet().containsAll(keys) && System.nanoTime() < deadline) {
            poll();
        }
        return firstReceived.keySet().containsAll(keys);
    }

    private void poll() {
        var records = outputs.poll(Duration.ofMillis(100));
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> record : records) {
            firstReceived.putIfAbsent(record.key(), now);
            count++;
            lastReceivedMs = now;
        }
    }

    long count() {
        return count;
    }

    long lastReceivedMs() {
        return lastReceivedMs;
    }

    /** Wall-clock millis at which {@code key} was first received, or null. */
    Long receivedAt(String key) {
        return firstReceived.get(key);
    }

    @Override
    public void close() {
        outputs.close();
    }
}
