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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notifier against a real broker and a local HTTP server: alerts arrive as Slack-compatible JSON,
 * 503s are retried, a 400 dead-letters the alert and later alerts still go out.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class WebhookNotifierIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/services/T000/B000/secret-token";

    /** Bodies the server accepted (200), in arrival order. */
    private final List<JsonNode> accepted = Collections.synchronizedList(new ArrayList<>());
    /** Requests per keyword, answered or not. */
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    @Test
    void postsAlertsRetriesServerErrorsAndDeadLettersRejectedOnes(TestStack stack) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String keyword = body.path("alert").path("keyword").asText();
            int n = requests.computeIfAbsent(keyword, k -> new AtomicInteger()).incrementAndGet();
            int status = switch (keyword) {
                case "Syria" -> n <= 2 ? 503 : 200;
                case "Rejected" -> 400;
                default -> 200;
            };
            if (status == 200) {
                accepted.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + PATH + "?token=also-secret";
        NewsflowConfig config = stack.config()
                .with(WebhookSettings.URL, url, "test")
                .with(WebhookSettings.INITIAL_BACKOFF, "20ms", "test")
                .with(WebhookSettings.MAX_BACKOFF, "100ms", "test");

        try (Stack resolved = Stack.resolve(config);
                SchemaRegistryClient registry = stack.registryClient()) {
            TopicSetup.prepare(resolved);
            Topics topics = new Topics(registry, stack.registryProperties());
            try (WebhookNotifier notifier = WebhookNotifier.start(resolved, WebhookSettings.from(config));
                    KafkaProducer<String, BurstAlert> producer = new KafkaProducer<>(
                            stack.kafkaClientProperties(),
                            new StringSerializer(),
                            topics.bursts.valueSerde().serializer())) {
                assertEquals("http://127.0.0.1:" + server.getAddress().getPort() + "/…", notifier.destination());
                send(producer, alert("Agrokor", 6, "Agrokor creditors agree on emergency measures"));
                send(producer, alert("Syria", 9, "Aleppo evacuation resumes"));
                await(() -> count("Agrokor") >= 1 && count("Syria") >= 1, "both alerts posted");

                assertEquals(
                        "Burst: \"Agrokor\" (keyword) 6 mentions in 2017-04-07 10:00-11:00 UTC by 10:07, usual 0.4, score 8.1; "
                                + "e.g. \"Agrokor creditors agree on emergency measures\"",
                        text("Agrokor"));
                assertEquals(
                        "Burst: \"Syria\" (keyword) 9 mentions in 2017-04-07 10:00-11:00 UTC by 10:07, usual 0.4, score 8.1; "
                                + "e.g. \"Aleppo evacuation resumes\"",
                        text("Syria"));
                assertEquals(3, requests.get("Syria").get(), "two 503s, then accepted");
                assertEquals(
                        "KEYWORD", body("Agrokor").path("alert").path("kind").asText());
                assertEquals(6, body("Agrokor").path("alert").path("count").asInt());
                assertEquals(
                        "2017-04-07T10:07:00Z",
                        body("Agrokor").path("alert").path("detectedAt").asText());

                send(producer, alert("Rejected", 4, "Bad payload"));
                send(producer, alert("Later", 5, "After the rejected one"));
                await(
                        () -> accepted.stream()
                                .anyMatch(b ->
                                        b.path("alert").path("keyword").asText().equals("Later")),
                        "the alert after the rejected one posted");

                List<ConsumerRecord<String, DeadLetter>> letters = TopicReader.awaitRecords(
                        stack,
                        Topics.DLQ_NAME,
                        new StringDeserializer(),
                        topics.deadLetters.valueSerde().deserializer(),
                        1,
                        Duration.ofSeconds(30));
                assertEquals(1, letters.size(), "one dead letter: " + letters);
                DeadLetter letter = letters.get(0).value();
                assertEquals(WebhookNotifier.STAGE, letter.getStage());
                assertEquals(Topics.BURSTS_NAME, letter.getTopic());
                assertTrue(letter.getReason().contains("HTTP 400"), letter.getReason());
                assertTrue(!letter.getReason().contains("secret"), "no secret in the reason: " + letter.getReason());
                byte[] original = new byte[letter.getOriginal().remaining()];
                letter.getOriginal().get(original);
                assertEquals(
                        "Rejected",
                        topics.bursts
                                .valueSerde()
                                .deserializer()
                                .deserialize(Topics.BURSTS_NAME, original)
                                .getKeyword());
                assertEquals(1, requests.get("Rejected").get(), "a 400 is not retried");
                assertEquals(1, count("Agrokor"));
                assertEquals(1, count("Syria"));
            }
        } finally {
            server.stop(0);
        }
    }

    /**
     * An outage longer than the old retry budget (~7.5 s) and than max.poll.interval.ms (5 s here): the
     * notifier keeps polling with its partitions paused, so it stays in its group; when the webhook
     * recovers every alert arrives, in order, once, and nothing is dead-lettered.
     */
    @Test
    void ridesOutAnOutageLongerThanMaxPollIntervalWithoutLosingTheGroup(TestStack stack) throws Exception {
        Duration outage = Duration.ofSeconds(12);
        List<String> keywords = List.of("Outage1", "Outage2", "Outage3", "Outage4", "Outage5");
        List<Long> outageRequests = Collections.synchronizedList(new ArrayList<>());
        long[] outageEnds = {Long.MAX_VALUE};
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            // Only this test's alerts see the outage: the other test's alerts share the topic.
            boolean ours = keywords.contains(body.path("alert").path("keyword").asText());
            long now = System.nanoTime();
            synchronized (outageEnds) {
                if (ours && outageEnds[0] == Long.MAX_VALUE) {
                    outageEnds[0] = now + outage.toNanos(); // the outage starts with the first request
                }
            }
            if (ours && now < outageEnds[0]) {
                outageRequests.add(now);
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(503, -1);
            } else {
                accepted.add(body);
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        server.start();
        String group = "newsflow-notify-outage";
        NewsflowConfig config = stack.config()
                .with(
                        WebhookSettings.URL,
                        "http://127.0.0.1:" + server.getAddress().getPort() + PATH,
                        "test")
                .with(WebhookSettings.GROUP_ID, group, "test")
                .with(WebhookSettings.INITIAL_BACKOFF, "100ms", "test")
                .with(WebhookSettings.MAX_BACKOFF, "400ms", "test")
                .with("max.poll.interval.ms", "5000", "test");
        try (Stack resolved = Stack.resolve(config);
                SchemaRegistryClient registry = stack.registryClient()) {
            TopicSetup.prepare(resolved);
            Topics topics = new Topics(registry, stack.registryProperties());
            try (WebhookNotifier notifier = WebhookNotifier.start(resolved, WebhookSettings.from(config));
                    KafkaProducer<String, BurstAlert> producer = new KafkaProducer<>(
                            stack.kafkaClientProperties(),
                            new StringSerializer(),
                            topics.bursts.valueSerde().serializer());
                    Admin admin = Admin.create(stack.kafkaClientProperties())) {
                for (String keyword : keywords) { // one key: one partition, so one order
                    producer.send(new ProducerRecord<>(
                                    Topics.BURSTS_NAME, "outage", alert(keyword, 5, keyword + " headline")))
                            .get();
                }
                await(() -> posted(keywords).size() >= keywords.size(), "all alerts posted after the outage");
                // Once the group committed the end of the topic nothing can be sent again: then count.
                long end;
                try (KafkaConsumer<String, String> probe = new KafkaConsumer<>(
                        stack.kafkaClientProperties(), new StringDeserializer(), new StringDeserializer())) {
                    List<TopicPartition> partitions = probe.partitionsFor(Topics.BURSTS_NAME).stream()
                            .map(p -> new TopicPartition(Topics.BURSTS_NAME, p.partition()))
                            .toList();
                    end = probe.endOffsets(partitions).values().stream()
                            .mapToLong(Long::longValue)
                            .sum();
                }
                await(() -> committed(admin, group) >= end, "the group committed every alert");
                Thread.sleep(1000);

                assertEquals(keywords, posted(keywords), "every alert once, in order");
                long outageMillis = (outageRequests.get(outageRequests.size() - 1) - outageRequests.get(0)) / 1_000_000;
                assertTrue(
                        outageMillis > 10_000,
                        "the webhook failed for longer than the old budget and max.poll.interval.ms: " + outageMillis
                                + " ms");
                for (int i = 1; i < outageRequests.size(); i++) {
                    long gap = (outageRequests.get(i) - outageRequests.get(i - 1)) / 1_000_000;
                    assertTrue(
                            gap >= 900,
                            "Retry-After: 1 honoured over the 400 ms backoff cap, but a retry came after " + gap
                                    + " ms");
                }
                List<ConsumerRecord<String, DeadLetter>> letters = TopicReader.readAll(
                        stack,
                        Topics.DLQ_NAME,
                        new StringDeserializer(),
                        topics.deadLetters.valueSerde().deserializer());
                assertTrue(
                        letters.stream().noneMatch(r -> keywords.contains(keywordOf(topics, r.value()))),
                        "nothing dead-lettered: " + letters);
            }
        } finally {
            server.stop(0);
        }
    }

    /** The keywords of the accepted alerts among {@code keywords}, in arrival order (another test's alerts share the topic). */
    private List<String> posted(List<String> keywords) {
        synchronized (accepted) {
            return accepted.stream()
                    .map(b -> b.path("alert").path("keyword").asText())
                    .filter(keywords::contains)
                    .toList();
        }
    }

    private static long committed(Admin admin, String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String keywordOf(Topics topics, DeadLetter letter) {
        byte[] original = new byte[letter.getOriginal().remaining()];
        letter.getOriginal().duplicate().get(original);
        try {
            return topics.bursts
                    .valueSerde()
                    .deserializer()
                    .deserialize(Topics.BURSTS_NAME, original)
                    .getKeyword();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static BurstAlert alert(String keyword, long count, String headline) {
        return BurstAlert.newBuilder()
                .setKeyword(keyword)
                .setKind(TermKind.KEYWORD)
                .setWindowStart(Instant.parse("2017-04-07T10:00:00Z"))
                .setWindowEnd(Instant.parse("2017-04-07T11:00:00Z"))
                .setCount(count)
                .setBaselineMean(0.4)
                .setBaselineStddev(0.5)
                .setScore(8.1)
                .setSamples(List.of(new AlertSample("id-" + keyword, headline)))
                .setDetectedAt(Instant.parse("2017-04-07T10:07:00Z"))
                .build();
    }

    private static void send(KafkaProducer<String, BurstAlert> producer, BurstAlert alert) throws Exception {
        producer.send(new ProducerRecord<>(Topics.BURSTS_NAME, alert.getKeyword(), alert))
                .get();
    }

    private JsonNode body(String keyword) {
        synchronized (accepted) {
            return accepted.stream()
                    .filter(b -> b.path("alert").path("keyword").asText().equals(keyword))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private String text(String keyword) {
        return body(keyword).path("text").asText();
    }

    private long count(String keyword) {
        synchronized (accepted) {
            return accepted.stream()
                    .filter(b -> b.path("alert").path("keyword").asText().equals(keyword))
                    .count();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
