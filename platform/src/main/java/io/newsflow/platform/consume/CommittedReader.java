package io.newsflow.platform.consume;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every partition of some topics the way a subscriber sees them (read_committed, no consumer
 * group): from the beginning, a time, or the end, and up to the end offsets of a moment.
 *
 * <p>The end offset of a partition written in transactions counts the commit marker after its last
 * record, which no poll returns, and a poll may come back empty while records are still due. So a
 * read "to the end" stops when every position has reached the end offsets taken at its start, never
 * on an empty poll nor on the offset of the last record seen ({@link #reached}).
 */
public final class CommittedReader<K, V> implements AutoCloseable {
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);

    private final KafkaConsumer<K, V> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    /**
     * Assigned to every partition of {@code topics}, not positioned yet: call one of the seeks.
     *
     * @param clientId the client id brokers see (quotas, logs), or null for Kafka's own
     * @throws UnknownTopicOrPartitionException when one of the topics does not exist
     */
    public CommittedReader(
            Map<String, Object> clientProperties,
            String clientId,
            Collection<String> topics,
            Deserializer<K> keys,
            Deserializer<V> values) {
        consumer = new KafkaConsumer<>(consumerProperties(clientProperties, clientId), keys, values);
        try {
            topics.forEach(topic -> partitions.addAll(partitionsOf(consumer, topic)));
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        consumer.assign(partitions);
    }

    /** The client properties with read_committed and no auto commit, and {@code clientId} if not null. */
    public static Map<String, Object> consumerProperties(Map<String, Object> clientProperties, String clientId) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (clientId != null) {
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        }
        return props;
    }

    /** Every partition of {@code topic}. */
    public static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new UnknownTopicOrPartitionException("No such topic: " + topic);
        }
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** Per partition, the first offset whose timestamp is at or after {@code time}, or the end offset if none is. */
    public static Map<TopicPartition, Long> offsetsAt(
            Consumer<?, ?> consumer, Collection<TopicPartition> partitions, Instant time) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, METADATA_TIMEOUT);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA_TIMEOUT);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach(p ->
                offsets.put(p, found.get(p) == null ? end.get(p) : found.get(p).offset()));
        return offsets;
    }

    /** True when every partition in {@code end} has a position at or past its end offset there. */
    public static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), METADATA_TIMEOUT) >= e.getValue());
    }

    public CommittedReader<K, V> fromBeginning() {
        consumer.seekToBeginning(partitions);
        return this;
    }

    /** Only what is written after this call is read: the positions are fixed now, not at the first poll. */
    public CommittedReader<K, V> fromEnd() {
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, METADATA_TIMEOUT));
        return this;
    }

    /** From the first record of each partition with a timestamp at or after {@code time}. */
    public CommittedReader<K, V> fromTime(Instant time) {
        offsetsAt(consumer, partitions, time).forEach(consumer::seek);
        return this;
    }

    /** From the same offset in every partition. */
    public CommittedReader<K, V> fromOffset(long offset) {
        partitions.forEach(p -> consumer.seek(p, offset));
        return this;
    }

    /** The end offsets now: what {@link #readToEnd} reads up to. */
    public Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions, METADATA_TIMEOUT);
    }

    public boolean reached(Map<TopicPartition, Long> end) {
        return reached(consumer, end);
    }

    public ConsumerRecords<K, V> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    /**
     * Hands {@code each} every committed record from the positions up to the end offsets as they are
     * now; records written meanwhile, past those ends, are left out.
     */
    public void readToEnd(java.util.function.Consumer<ConsumerRecord<K, V>> each) {
        Map<TopicPartition, Long> end = endOffsets();
        while (!reached(end)) {
            for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    each.accept(record);
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
