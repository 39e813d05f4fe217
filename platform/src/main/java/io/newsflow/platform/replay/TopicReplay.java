package io.newsflow.platform.replay;

import io.newsflow.platform.consume.CommittedReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Copies the records of a topic whose timestamps fall in [from, to) into another topic: keys, values,
 * headers and timestamps byte for byte, each to the same partition number. Timestamps are event times,
 * not in offset order (late dumps, backfills): every record from the first one at or after
 * {@code from} (offsetsForTimes) to the end of the partition is looked at, and those in the range are
 * copied, wherever they sit; a record past {@code to} ends nothing. Copies and the progress
 * through the source are committed in the same transactions, under a consumer group named after the
 * copy, so a replay that is interrupted and started again resumes where it stopped and copies nothing
 * twice.
 */
public final class TopicReplay {
    private final Map<String, Object> clientProperties;

    public TopicReplay(Map<String, Object> clientProperties) {
        this.clientProperties = clientProperties;
    }

    /** The offsets to read, per partition: [start, stop); the records in them are filtered by timestamp. */
    public record Range(Map<TopicPartition, Long> start, Map<TopicPartition, Long> stop) {}

    public static String groupId(String source, Instant from, Instant to, String target) {
        return "newsflow-replay-" + source + "-" + from.toEpochMilli() + "-" + (to == null ? "end" : to.toEpochMilli())
                + "-" + target;
    }

    /** @return the number of records copied by this call */
    public long copy(String source, Instant from, Instant to, String target, LongConsumer progress) {
        String group = groupId(source, from, to, target);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                        consumerConfig(group), new ByteArrayDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                        producerConfig(group), new ByteArraySerializer(), new ByteArraySerializer())) {
            Range range = range(consumer, source, from);
            producer.initTransactions();
            consumer.assign(range.start().keySet());
            Map<TopicPartition, OffsetAndMetadata> committed =
                    consumer.committed(range.start().keySet());
            range.start().forEach((tp, offset) -> {
                OffsetAndMetadata resume = committed.get(tp);
                consumer.seek(tp, resume != null ? Math.max(resume.offset(), offset) : offset);
            });
            long copied = 0;
            while (!CommittedReader.reached(consumer, range.stop())) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                producer.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= range.stop().get(tp)
                            || record.timestamp() < from.toEpochMilli()
                            || (to != null && record.timestamp() >= to.toEpochMilli())) {
                        continue;
                    }
                    producer.send(new ProducerRecord<>(
                            target,
                            record.partition(),
                            record.timestamp(),
                            record.key(),
                            record.value(),
                            record.headers()));
                    copied++;
                }
                for (TopicPartition tp : records.partitions()) {
                    positions.put(
                            tp,
                            new OffsetAndMetadata(
                                    Math.min(consumer.position(tp), range.stop().get(tp))));
                }
                producer.sendOffsetsToTransaction(positions, consumer.groupMetadata());
                producer.commitTransaction();
                progress.accept(copied);
                pauseFinished(consumer, range);
            }
            return copied;
        }
    }

    /** The offsets to read: from the first record at or after {@code from} to the end offsets now. */
    private static Range range(KafkaConsumer<byte[], byte[]> consumer, String source, Instant from) {
        List<TopicPartition> partitions = CommittedReader.partitionsOf(consumer, source);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        // The first offset with a timestamp at or after `from`: nothing earlier is in the range.
        return new Range(CommittedReader.offsetsAt(consumer, partitions, from), end);
    }

    private static void pauseFinished(KafkaConsumer<byte[], byte[]> consumer, Range range) {
        List<TopicPartition> done = range.start().keySet().stream()
                .filter(tp -> consumer.position(tp) >= range.stop().get(tp))
                .toList();
        consumer.pause(done);
    }

    private Map<String, Object> consumerConfig(String group) {
        Map<String, Object> config = CommittedReader.consumerProperties(clientProperties, null);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        return config;
    }

    private Map<String, Object> producerConfig(String group) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        return config;
    }
}
