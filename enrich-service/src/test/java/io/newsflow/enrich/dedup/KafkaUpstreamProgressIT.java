package io.newsflow.enrich.dedup;

import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link KafkaUpstreamProgress} against a real broker, with the application's group committing as Streams does. */
@ExtendWith(KafkaStackExtension.class)
class KafkaUpstreamProgressIT {
    private static final Duration REUSED_ANSWER = Duration.ofMillis(1000);

    @Test
    void anInputPartitionInTheMiddleOfAnIngestTransactionIsNotCaughtUp(TestStack stack) throws Exception {
        String app = TestStack.unique("upstream-app");
        String articles = TestStack.unique("articles");
        String briefs = TestStack.unique("briefs");
        String shards = TestStack.unique("shards");
        try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
            admin.createTopics(List.of(
                            new NewTopic(articles, 1, (short) 1),
                            new NewTopic(briefs, 1, (short) 1),
                            new NewTopic(shards, 1, (short) 1)))
                    .all()
                    .get();
        }
        TopicPartition open = new TopicPartition(briefs, 0);
        TopicPartition quiet = new TopicPartition(articles, 0);
        TopicPartition shard = new TopicPartition(shards, 0);
        Map<String, Object> producerProps = new HashMap<>(stack.kafkaClientProperties());
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TestStack.unique("ingest"));
        Map<String, Object> groupProps = new HashMap<>(stack.kafkaClientProperties());
        groupProps.put(ConsumerConfig.GROUP_ID_CONFIG, app);
        groupProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        groupProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        groupProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaProducer<byte[], byte[]> ingest =
                        new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
                KafkaConsumer<byte[], byte[]> group =
                        new KafkaConsumer<>(groupProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                KafkaUpstreamProgress progress = new KafkaUpstreamProgress(
                        stack.kafkaClientProperties(), app, List.of(articles, briefs), shards, p -> p)) {
            ingest.initTransactions();
            ingest.beginTransaction();
            ingest.send(new ProducerRecord<>(briefs, 0, null, "a dump dated last year".getBytes()))
                    .get();
            List<TopicPartition> all = List.of(open, quiet, shard);
            group.assign(all);
            // As the application would: everything committed read, its position committed.
            commitWhenAt(group, all, Map.of(open, 0L, quiet, 0L, shard, 0L));

            assertTrue(progress.caughtUp().partitions().contains(quiet), "an empty partition is caught up");
            assertFalse(
                    progress.caughtUp().partitions().contains(open),
                    "an open transaction's items are still on their way");

            ingest.commitTransaction();
            // One record and its commit marker.
            commitWhenAt(group, all, Map.of(open, 2L, quiet, 0L, shard, 0L));
            Thread.sleep(REUSED_ANSWER.toMillis());
            assertTrue(
                    progress.caughtUp().partitions().contains(open), "read and committed once the transaction ended");
        }
    }

    /** Polls until the consumer's positions are {@code at}, then commits them. */
    private static void commitWhenAt(
            KafkaConsumer<byte[], byte[]> group, List<TopicPartition> all, Map<TopicPartition, Long> at) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!all.stream().allMatch(tp -> group.position(tp) == at.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("positions never reached " + at);
            }
            group.poll(Duration.ofMillis(100));
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        all.forEach(tp -> offsets.put(tp, new OffsetAndMetadata(group.position(tp))));
        group.commitSync(offsets);
    }
}
