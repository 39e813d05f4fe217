package io.newsflow.enrich.notify;

import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.DeadLetter;
import io.newsflow.platform.stack.Stack;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resends the alerts the notifier dead-lettered (news.dlq, stage {@value WebhookNotifier#STAGE}) from a
 * time on: decodes the original alert kept in each dead letter and POSTs it once. Reads news.dlq up to
 * its end at the start, without a consumer group, so running it twice sends twice; news.dlq is left as
 * it is (a failed resend is reported, not dead-lettered again).
 */
public final class DeadLetterResender {
    /** What a run did; {@code failed} lists why, one line per dead letter. */
    public record Report(int resent, List<String> failed) {
    }

    private DeadLetterResender() {
    }

    /** Resends every webhook dead letter written at or after {@code from}, printing one line per letter to {@code out}. */
    public static Report resend(Stack stack, WebhookSettings settings, Instant from, PrintStream out) throws InterruptedException {
        WebhookClient webhook = new WebhookClient(settings);
        Map<String, Object> props = new HashMap<>(stack.kafkaClientProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        int resent = 0;
        List<String> failed = new ArrayList<>();
        try (SchemaRegistryClient registry = stack.registryClient();
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props,
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            Topics topics = new Topics(registry, stack.registryProperties());
            Deserializer<DeadLetter> letters = topics.deadLetters.valueSerde().deserializer();
            Deserializer<BurstAlert> alerts = topics.bursts.valueSerde().deserializer();
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DLQ_NAME, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.DLQ_NAME, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(
                    partitions.stream().collect(Collectors.toMap(Function.identity(), p -> from.toEpochMilli())));
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp at = start.get(partition);
                consumer.seek(partition, at == null ? end.get(partition) : at.offset());
            }
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    DeadLetter letter;
                    try {
                        letter = letters.deserialize(record.topic(), record.value());
                    } catch (RuntimeException e) {
                        continue; // not a dead letter this reader can decode, so not one of the notifier's
                    }
                    if (!WebhookNotifier.STAGE.equals(letter.getStage())) {
                        continue;
                    }
                    String where = Topics.DLQ_NAME + "-" + record.partition() + "@" + record.offset() + " (" + letter.getSourceId()
                            + ", failed " + letter.getFailedAt() + ")";
                    String problem = resendOne(webhook, alerts, letter);
                    if (problem == null) {
                        resent++;
                        out.println("resent " + where);
                    } else {
                        failed.add(where + ": " + problem);
                        out.println("NOT resent " + where + ": " + problem);
                    }
                }
            }
        }
        return new Report(resent, failed);
    }

    /** Null when the webhook accepted the alert, else why not. */
    private static String resendOne(WebhookClient webhook, Deserializer<BurstAlert> alerts, DeadLetter letter)
            throws InterruptedException {
        if (letter.getTruncated()) {
            return "the dead letter keeps only part of the alert";
        }
        byte[] original = new byte[letter.getOriginal().remaining()];
        letter.getOriginal().duplicate().get(original);
        BurstAlert alert;
        try {
            alert = alerts.deserialize(Topics.BURSTS_NAME, original);
        } catch (RuntimeException e) {
            return "cannot decode the alert: " + e.getMessage();
        }
        WebhookClient.Outcome outcome = webhook.post(alert);
        return outcome.result() == WebhookClient.Result.DELIVERED ? null : outcome.problem();
    }
}
