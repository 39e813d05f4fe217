package io.newsflow.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes when a Streams app's main consumer first returned records, so a throughput run is timed from
 * its first input consumed, not from a start-up and rebalance that differ between apps. Kafka creates
 * interceptors from a class name, hence the static map, keyed by the consumer group (application id).
 */
public final class FirstConsumed implements ConsumerInterceptor<Object, Object> {
    /** The Streams property that installs it on an app's main consumer. */
    public static final String STREAMS_PROPERTY =
            StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG);

    private static final Map<String, Long> FIRST = new ConcurrentHashMap<>();

    private String group;

    /** Wall-clock millis of the first records consumed by {@code applicationId}, if any yet. */
    public static OptionalLong at(String applicationId) {
        Long first = FIRST.get(applicationId);
        return first == null ? OptionalLong.empty() : OptionalLong.of(first);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        group = String.valueOf(configs.get(ConsumerConfig.GROUP_ID_CONFIG));
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        if (!records.isEmpty()) {
            FIRST.putIfAbsent(group, System.currentTimeMillis());
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

    @Override
    public void close() {}
}
