package io.newsflow.enrich.dedup;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * {@link UpstreamProgress} from the cluster itself: the application's committed offsets against the
 * end offsets of the input topics (every record written, so an open ingest transaction holds the
 * partition back until it ends) and the committed end offsets (LSO) of the dedup shards' repartition
 * topic. Under
 * exactly-once, an input partition whose committed offset reached its end has had all its output
 * committed to the repartition topic too, and the shards have received it once their committed
 * positions reached the repartition topic's ends. Every shard partition is checked, so a shard may
 * wait for another instance's shard: that only delays, never changes, a verdict.
 */
public final class KafkaUpstreamProgress implements UpstreamProgress, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaUpstreamProgress.class);

    private final Admin admin;
    private final String applicationId;
    private final List<String> inputTopics;
    private final List<TopicPartition> repartition = new ArrayList<>();
    private final int partitions;

    public KafkaUpstreamProgress(
            Map<String, Object> adminConfig,
            String applicationId,
            List<String> inputTopics,
            String repartitionTopic,
            IntUnaryOperator repartitionPartitions) {
        this.admin = Admin.create(adminConfig);
        this.applicationId = applicationId;
        this.inputTopics = List.copyOf(inputTopics);
        try {
            this.partitions =
                    admin.describeTopics(inputTopics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                            .mapToInt(d -> d.partitions().size())
                            .max()
                            .orElse(1);
        } catch (Exception e) {
            admin.close();
            throw new IllegalStateException("Cannot describe the input topics " + inputTopics + ": " + e, e);
        }
        for (int p = 0; p < repartitionPartitions.applyAsInt(partitions); p++) {
            repartition.add(new TopicPartition(repartitionTopic, p));
        }
    }

    @Override
    public int partitions() {
        return partitions;
    }

    /**
     * The input partitions found consumed at the last check, with their end offsets then, and the
     * repartition topic's end then, read after the committed offsets: their items were all in it below
     * that offset.
     */
    private Map<TopicPartition, Long> lastConsumed = Map.of();

    private Map<TopicPartition, Long> lastRepartitionEnd = Map.of();
    /**
     * Every shard task of the instance asks each second; one answer serves them all for that long, so
     * the admin round trips (four a check) do not grow with the shards an instance runs.
     */
    private static final long REUSE_NANOS = 900_000_000L;

    private CaughtUp last = new CaughtUp(Set.of(), System.nanoTime() - REUSE_NANOS);

    /**
     * An input partition is caught up when the application's committed offset reached its end and the
     * dedup task has received what it forwarded: either the dedup task's committed position reached
     * the repartition topic's end now, or nothing was written to the partition since the last check
     * and that position reached the repartition topic's end of then. The second way lets a quiet
     * partition count as idle while the others keep the repartition topic busy.
     */
    @Override
    public synchronized CaughtUp caughtUp() {
        if (System.nanoTime() - last.checkedAtNanos() < REUSE_NANOS) {
            return last;
        }
        long began = System.nanoTime();
        last = new CaughtUp(check(), began);
        return last;
    }

    private Set<TopicPartition> check() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            List<TopicPartition> inputs = new ArrayList<>();
            for (String topic : inputTopics) {
                for (int p = 0; p < partitions; p++) {
                    inputs.add(new TopicPartition(topic, p));
                }
            }
            List<TopicPartition> all = new ArrayList<>(inputs);
            all.addAll(repartition);
            Map<TopicPartition, Long> earliest = offsets(all, OffsetSpec.earliest(), IsolationLevel.READ_COMMITTED);
            // An input partition's end counts every record written, committed or not: its committed end
            // (LSO) stops before an open ingest transaction, so a partition in the middle of one looked
            // consumed, and an idle flush decided the buffer before the transaction's (older) items came.
            Map<TopicPartition, Long> end =
                    new HashMap<>(offsets(inputs, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED));
            end.putAll(offsets(repartition, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED));
            boolean allReceived = repartition.stream().allMatch(tp -> consumed(tp, committed, earliest, end));
            boolean receivedThen = repartition.stream()
                    .allMatch(tp -> lastRepartitionEnd.containsKey(tp)
                            && position(tp, committed, earliest) >= lastRepartitionEnd.get(tp));
            Map<TopicPartition, Long> consumedNow = new HashMap<>();
            Set<TopicPartition> idle = new HashSet<>();
            for (TopicPartition tp : inputs) {
                if (consumed(tp, committed, earliest, end)) {
                    Long tpEnd = end.getOrDefault(tp, 0L);
                    consumedNow.put(tp, tpEnd);
                    if (allReceived || tpEnd.equals(lastConsumed.get(tp)) && receivedThen) {
                        idle.add(tp);
                    }
                }
            }
            lastConsumed = consumedNow;
            Map<TopicPartition, Long> ends = new HashMap<>();
            repartition.forEach(tp -> ends.put(tp, end.getOrDefault(tp, 0L)));
            lastRepartitionEnd = ends;
            return idle;
        } catch (Exception e) {
            log.debug("Upstream progress unknown this time: {}", e.toString());
            lastConsumed = Map.of();
            return Set.of();
        }
    }

    private static long position(
            TopicPartition tp, Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> earliest) {
        OffsetAndMetadata offset = committed.get(tp);
        return offset == null ? earliest.getOrDefault(tp, 0L) : offset.offset();
    }

    private static boolean consumed(
            TopicPartition tp,
            Map<TopicPartition, OffsetAndMetadata> committed,
            Map<TopicPartition, Long> earliest,
            Map<TopicPartition, Long> end) {
        Long last = end.get(tp);
        if (last == null) {
            return true;
        }
        return position(tp, committed, earliest) >= last;
    }

    private Map<TopicPartition, Long> offsets(
            List<TopicPartition> partitions, OffsetSpec spec, IsolationLevel isolation) throws Exception {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> info = admin.listOffsets(
                        query, new ListOffsetsOptions(isolation))
                .all()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> result = new HashMap<>();
        info.forEach((tp, i) -> result.put(tp, i.offset()));
        return result;
    }

    @Override
    public void close() {
        admin.close();
    }
}
