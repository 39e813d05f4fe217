package io.newsflow.enrich.reprocess;

import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The reprocess points on the cluster ({@link Topics#REPROCESS_POINTS_NAME}, compacted, one record per
 * application id). On the cluster rather than in an instance's config or data directory: every
 * instance, on any machine, started now or after a restart, must apply the same point, and the
 * reprocess command is run once, against the cluster, while every instance is stopped.
 */
public final class ReprocessPoints {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ReprocessPoints() {}

    /** The application's point, {@link ReprocessPoint#NONE} if it was never reprocessed. */
    public static ReprocessPoint read(Map<String, Object> clientProperties, String applicationId) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.REPROCESS_POINTS_NAME, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return ReprocessPoint.NONE;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            Optional<String> last = Optional.empty();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Could not read " + Topics.REPROCESS_POINTS_NAME + " to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (applicationId.equals(r.key())) {
                        last = Optional.ofNullable(r.value());
                    }
                }
            }
            return last.map(ReprocessPoint::fromJson).orElse(ReprocessPoint.NONE);
        }
    }

    /** Stores the application's point, creating the topic on first use. */
    public static void write(
            Map<String, Object> clientProperties, String applicationId, ReprocessPoint point, short replicationFactor) {
        try (Admin admin = Admin.create(clientProperties)) {
            NewTopic topic = new NewTopic(Topics.REPROCESS_POINTS_NAME, Optional.of(1), Optional.of(replicationFactor))
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "Cannot create " + Topics.REPROCESS_POINTS_NAME + ": " + e.getCause(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT, e);
        }
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.REPROCESS_POINTS_NAME, applicationId, point.toJson()))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write the reprocess point: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT, e);
        }
    }
}
