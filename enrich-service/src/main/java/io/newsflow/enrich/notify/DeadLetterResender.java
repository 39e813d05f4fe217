package io.newsflow.enrich.notify;

import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.DeadLetter;
import io.newsflow.platform.consume.CommittedReader;
import io.newsflow.platform.stack.Stack;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resends the alerts the notifier dead-lettered (news.dlq, stage {@value WebhookNotifier#STAGE}) from a
 * time on: decodes the original alert kept in each dead letter and POSTs it once. Reads news.dlq up to
 * its end at the start, without a consumer group, so running it twice sends twice; news.dlq is left as
 * it is (a failed resend is reported, not dead-lettered again).
 */
public final class DeadLetterResender {
    /** What a run did; {@code failed} lists why, one line per dead letter. */
    public record Report(int resent, List<String> failed) {}

    private DeadLetterResender() {}

    /** Resends every webhook dead letter written at or after {@code from}, printing one line per letter to {@code out}. */
    public static Report resend(Stack stack, WebhookSettings settings, Instant from, PrintStream out)
            throws InterruptedException {
        WebhookClient webhook = new WebhookClient(settings);
        Map<String, DeadLetter> toResend = new LinkedHashMap<>();
        Deserializer<BurstAlert> alerts;
        try (SchemaRegistryClient registry = stack.registryClient();
                CommittedReader<String, byte[]> dlq = new CommittedReader<>(
                        stack.kafkaClientProperties(),
                        "newsflow-notify-resend",
                        List.of(Topics.DLQ_NAME),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            Topics topics = new Topics(registry, stack.registryProperties());
            Deserializer<DeadLetter> letters = topics.deadLetters.valueSerde().deserializer();
            alerts = topics.bursts.valueSerde().deserializer();
            dlq.fromTime(from).readToEnd(record -> {
                DeadLetter letter;
                try {
                    letter = letters.deserialize(record.topic(), record.value());
                } catch (RuntimeException e) {
                    return; // not a dead letter this reader can decode, so not one of the notifier's
                }
                if (WebhookNotifier.STAGE.equals(letter.getStage())) {
                    toResend.put(
                            Topics.DLQ_NAME + "-" + record.partition() + "@" + record.offset() + " ("
                                    + letter.getSourceId() + ", failed " + letter.getFailedAt() + ")",
                            letter);
                }
            });
        }
        int resent = 0;
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, DeadLetter> letter : toResend.entrySet()) {
            String problem = resendOne(webhook, alerts, letter.getValue());
            if (problem == null) {
                resent++;
                out.println("resent " + letter.getKey());
            } else {
                failed.add(letter.getKey() + ": " + problem);
                out.println("NOT resent " + letter.getKey() + ": " + problem);
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
