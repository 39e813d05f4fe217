package io.newsflow.enrich.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.avro.AlertSample;
import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.TermKind;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.OwnStack;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.platform.testing.TopicReader;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resending dead-lettered alerts against a real broker: the notifier dead-letters an alert the webhook
 * refused (404: a hook revoked, then restored); a dead letter from 2019 lies in news.dlq too, with
 * letters of other stages. The resender posts exactly the notifier's letters, from the time asked.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class DeadLetterResenderIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void resendsTheNotifiersDeadLettersFromTheTimeAsked(TestStack stack) throws Exception {
        AtomicInteger status = new AtomicInteger(404);
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            int answer = status.get();
            if (answer == 200) {
                accepted.add(body.path("alert").path("keyword").asText());
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
        NewsflowConfig config = stack.config()
                .with(
                        WebhookSettings.URL,
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                        "test")
                .with(WebhookSettings.INITIAL_BACKOFF, "50ms", "test");
        try (Stack resolved = Stack.resolve(config);
                SchemaRegistryClient registry = stack.registryClient()) {
            TopicSetup.prepare(resolved);
            Topics topics = new Topics(registry, stack.registryProperties());
            WebhookSettings settings = WebhookSettings.from(config);
            try (KafkaProducer<String, DeadLetter> letters = new KafkaProducer<>(
                    stack.kafkaClientProperties(),
                    new StringSerializer(),
                    topics.deadLetters.valueSerde().serializer())) {
                byte[] old = topics.bursts.valueSerde().serializer().serialize(Topics.BURSTS_NAME, alert("Opec2019"));
                Instant failed2019 = Instant.parse("2019-03-01T08:00:00Z");
                letters.send(new ProducerRecord<>(
                                Topics.DLQ_NAME,
                                null,
                                failed2019.toEpochMilli(),
                                "old",
                                letter(WebhookNotifier.STAGE, old, failed2019)))
                        .get();
                letters.send(new ProducerRecord<>(
                                Topics.DLQ_NAME,
                                "other",
                                letter(
                                        "enrich.deserialize",
                                        "not an alert".getBytes(StandardCharsets.UTF_8),
                                        Instant.now())))
                        .get();
            }
            Instant beforeOutage = Instant.now();
            try (WebhookNotifier notifier = WebhookNotifier.start(resolved, settings);
                    KafkaProducer<String, BurstAlert> producer = new KafkaProducer<>(
                            stack.kafkaClientProperties(),
                            new StringSerializer(),
                            topics.bursts.valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(Topics.BURSTS_NAME, "k", alert("Bounced")))
                        .get();
                TopicReader.awaitRecords(
                        stack,
                        Topics.DLQ_NAME,
                        new StringDeserializer(),
                        topics.deadLetters.valueSerde().deserializer(),
                        3,
                        Duration.ofSeconds(60));
            }
            assertTrue(accepted.isEmpty(), "the 404 hook accepted nothing: " + accepted);

            status.set(200); // the hook is back
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            DeadLetterResender.Report recent = DeadLetterResender.resend(
                    resolved, settings, beforeOutage, new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertEquals(List.of("Bounced"), accepted, "from the outage on: only today's letter");
            assertEquals(1, recent.resent());
            assertEquals(List.of(), recent.failed());
            assertTrue(
                    printed.toString(StandardCharsets.UTF_8).contains("resent news.dlq-"),
                    printed.toString(StandardCharsets.UTF_8));

            accepted.clear();
            DeadLetterResender.Report all = DeadLetterResender.resend(
                    resolved,
                    settings,
                    Instant.EPOCH,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(
                    List.of("Opec2019", "Bounced"),
                    accepted,
                    "from the epoch: both, in news.dlq order; other stages skipped");
            assertEquals(2, all.resent());

            status.set(503);
            DeadLetterResender.Report down = DeadLetterResender.resend(
                    resolved,
                    settings,
                    beforeOutage,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(0, down.resent());
            assertEquals(1, down.failed().size());
            assertTrue(down.failed().get(0).contains("HTTP 503"), down.failed().toString());
        } finally {
            server.stop(0);
        }
    }

    private static DeadLetter letter(String stage, byte[] original, Instant failedAt) {
        return DeadLetter.newBuilder()
                .setSourceId(Topics.BURSTS_NAME + "-0@" + failedAt.toEpochMilli())
                .setStage(stage)
                .setReason("HTTP 404 from http://127.0.0.1/…, not retried")
                .setErrorClass(null)
                .setTopic(Topics.BURSTS_NAME)
                .setPartition(0)
                .setOffset(0L)
                .setOriginal(ByteBuffer.wrap(original))
                .setOriginalSize(original.length)
                .setTruncated(false)
                .setFailedAt(failedAt)
                .build();
    }

    private static BurstAlert alert(String keyword) {
        return BurstAlert.newBuilder()
                .setKeyword(keyword)
                .setKind(TermKind.KEYWORD)
                .setWindowStart(Instant.parse("2019-03-01T07:00:00Z"))
                .setWindowEnd(Instant.parse("2019-03-01T08:00:00Z"))
                .setCount(7)
                .setBaselineMean(0.4)
                .setBaselineStddev(0.5)
                .setScore(8.1)
                .setSamples(List.of(new AlertSample("id-" + keyword, keyword + " headline")))
                .setDetectedAt(Instant.parse("2019-03-01T07:40:00Z"))
                .build();
    }
}
