package io.newsflow.enrich;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EnrichedBrief;
import io.newsflow.avro.Origin;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.OwnStack;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.platform.testing.TopicReader;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Poison records written straight to every input topic of enrich-service (not Avro, too short, an
 * unknown schema id, another topic's schema, length and count prefixes claiming gigabytes), each
 * followed by a good record of the same key, so on the same partition: every poison record is in
 * news.dlq with its reason, the good ones behind them are enriched, the service keeps running.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class PoisonRecordsIT {
    private static final Instant NOW = Instant.now();

    @Test
    void everyPoisonRecordIsDeadLetteredWithItsReasonAndThePartitionMovesOn(TestStack stack, @TempDir Path data)
            throws Exception {
        NewsflowConfig config = stack.config()
                .with(NewsflowConfig.DATA_DIR, data.toString(), "test")
                .with(EnrichService.HTTP_PORT, "0", "test")
                .with(EnrichSettings.IDLE_FLUSH, "1s", "test");
        try (SchemaRegistryClient registry = stack.registryClient();
                EnrichService service = EnrichService.start(Stack.resolve(config))) {
            Topics topics = new Topics(registry, stack.registryProperties());
            byte[] article = topics.articles
                    .valueSerde()
                    .serializer()
                    .serialize(Topics.ARTICLES_NAME, article("Poison test article"));
            byte[] brief =
                    topics.briefs.valueSerde().serializer().serialize(Topics.BRIEFS_NAME, brief("Poison test brief"));
            byte[] deadLetter = topics.deadLetters
                    .valueSerde()
                    .serializer()
                    .serialize(
                            Topics.DLQ_NAME,
                            DeadLetter.newBuilder()
                                    .setSourceId("x")
                                    .setStage("x")
                                    .setReason("x")
                                    .setOriginalSize(0)
                                    .setTruncated(false)
                                    .setFailedAt(NOW)
                                    .build());

            // key -> poison value, and the substring its dead letter's reason must have
            Map<String, Object[]> articlePoison = new LinkedHashMap<>();
            articlePoison.put(
                    "not-avro", new Object[] {"plain text, not Avro".getBytes(StandardCharsets.UTF_8), "magic byte"});
            articlePoison.put("too-short", new Object[] {new byte[] {0, 0, 1}, "5-byte header"});
            articlePoison.put("unknown-id", new Object[] {frame(new byte[] {0, 0x0f, 0x42, 0x3f}, 1, 'a'), "999999"});
            articlePoison.put("wrong-schema", new Object[] {deadLetter, "as Article"});
            articlePoison.put("array-count", new Object[] {
                withHeader(article, 1, 'a', 0, (long) Integer.MAX_VALUE - 16), "claims"
            });
            articlePoison.put("string-length", new Object[] {withHeader(article, 1L << 30, 'x'), "claims"});
            articlePoison.put("negative-length", new Object[] {withHeader(article, -3, 'x'), "claims"});
            Map<String, Object[]> briefPoison = new LinkedHashMap<>();
            briefPoison.put("not-avro", new Object[] {new byte[] {1, 2, 3, 4, 5, 6}, "magic byte"});
            briefPoison.put("string-length", new Object[] {withHeader(brief, 1, 'a', 1L << 30, 'x'), "claims"});
            briefPoison.put("wrong-schema", new Object[] {article, "as Brief"});

            String marker = TestStack.unique("poison");
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    stack.kafkaClientProperties(), new StringSerializer(), new ByteArraySerializer())) {
                send(
                        producer,
                        Topics.ARTICLES_NAME,
                        articlePoison,
                        marker,
                        topics.articles.valueSerde().serializer().serialize(Topics.ARTICLES_NAME, article(marker)));
                send(
                        producer,
                        Topics.BRIEFS_NAME,
                        briefPoison,
                        marker,
                        topics.briefs.valueSerde().serializer().serialize(Topics.BRIEFS_NAME, brief(marker)));
            }

            int poison = articlePoison.size() + briefPoison.size();
            List<DeadLetter> letters = TopicReader.awaitRecords(
                            stack,
                            Topics.DLQ_NAME,
                            new StringDeserializer(),
                            topics.deadLetters.valueSerde().deserializer(),
                            poison,
                            Duration.ofSeconds(90))
                    .stream()
                    .map(ConsumerRecord::value)
                    .toList();
            assertEquals(
                    poison,
                    letters.size(),
                    letters.stream().map(DeadLetter::getReason).collect(Collectors.joining("\n")));
            check(letters, Topics.ARTICLES_NAME, articlePoison);
            check(letters, Topics.BRIEFS_NAME, briefPoison);

            assertTrue(
                    TopicReader.awaitRecords(
                                    stack,
                                    Topics.ENRICHED_ARTICLES_NAME,
                                    new StringDeserializer(),
                                    topics.enrichedArticles.valueSerde().deserializer(),
                                    1,
                                    Duration.ofSeconds(60))
                            .stream()
                            .map(r -> (EnrichedArticle) r.value())
                            .anyMatch(a -> a.getArticle().getTitle().equals(marker)),
                    () -> "the article behind the poison is enriched; duplicates: "
                            + TopicReader.readAll(
                                            stack,
                                            Topics.DUPLICATES_NAME,
                                            new StringDeserializer(),
                                            topics.duplicates.valueSerde().deserializer())
                                    .stream()
                                    .map(r ->
                                            r.value().getId() + " " + r.value().getMethod() + " of "
                                                    + r.value().getDuplicateOf()
                                                    + (r.value().getLate() ? " late" : ""))
                                    .toList());
            assertTrue(
                    TopicReader.awaitRecords(
                                    stack,
                                    Topics.ENRICHED_BRIEFS_NAME,
                                    new StringDeserializer(),
                                    topics.enrichedBriefs.valueSerde().deserializer(),
                                    1,
                                    Duration.ofSeconds(60))
                            .stream()
                            .map(r -> (EnrichedBrief) r.value())
                            .anyMatch(b -> b.getBrief().getHeadline().equals(marker)),
                    "the brief behind the poison is enriched");
            assertEquals(KafkaStreams.State.RUNNING, service.streams().state());
        }
    }

    /** Each poison record, then the good one, all under one key: one partition, in this order. */
    private static void send(
            KafkaProducer<String, byte[]> producer, String topic, Map<String, Object[]> poison, String key, byte[] good)
            throws Exception {
        for (Map.Entry<String, Object[]> p : poison.entrySet()) {
            producer.send(new ProducerRecord<>(
                            topic,
                            null,
                            NOW.toEpochMilli(),
                            key,
                            (byte[]) p.getValue()[0],
                            List.of(new org.apache.kafka.common.header.internals.RecordHeader(
                                    "poison", p.getKey().getBytes()))))
                    .get();
        }
        producer.send(new ProducerRecord<>(topic, null, NOW.toEpochMilli(), key, good))
                .get();
    }

    private static void check(List<DeadLetter> letters, String topic, Map<String, Object[]> poison) {
        List<DeadLetter> mine = letters.stream()
                .filter(l -> topic.equals(l.getTopic()))
                .sorted((a, b) -> Long.compare(a.getOffset(), b.getOffset()))
                .toList();
        assertEquals(poison.size(), mine.size(), topic);
        int i = 0;
        for (Map.Entry<String, Object[]> p : poison.entrySet()) {
            DeadLetter letter = mine.get(i++);
            assertEquals("enrich.deserialize", letter.getStage(), p.getKey());
            assertTrue(
                    letter.getReason().contains((String) p.getValue()[1]),
                    topic + " " + p.getKey() + ": " + letter.getReason());
            byte[] original = (byte[]) p.getValue()[0];
            assertEquals(original.length, letter.getOriginalSize(), p.getKey());
        }
    }

    /** The wire-format header of {@code framed}, then varints and single bytes. */
    private static byte[] withHeader(byte[] framed, Object... parts) {
        return frame(Arrays.copyOfRange(framed, 1, 5), parts);
    }

    private static byte[] frame(byte[] id, Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(id);
        for (Object part : parts) {
            if (part instanceof Character c) {
                out.write(c);
            } else {
                long value = ((Number) part).longValue();
                long n = (value << 1) ^ (value >> 63);
                while ((n & ~0x7FL) != 0) {
                    out.write((int) ((n & 0x7F) | 0x80));
                    n >>>= 7;
                }
                out.write((int) n);
            }
        }
        return out.toByteArray();
    }

    private static Article article(String title) {
        return new Article(
                "poison-article-" + title,
                title,
                List.of("A paragraph about " + title + " in Zagreb."),
                new Origin("poison-dump-" + title, 0, "test", null, NOW, null, "1"));
    }

    private static Brief brief(String headline) {
        return new Brief(
                "poison-brief-" + headline,
                headline,
                "A summary of " + headline + ".",
                "Latest news",
                new Origin("poison-dump-b-" + headline, 1, "test", null, NOW, null, "1"));
    }
}
