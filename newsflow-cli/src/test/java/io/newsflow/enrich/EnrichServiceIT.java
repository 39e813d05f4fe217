package io.newsflow.enrich;

import io.newsflow.avro.Brief;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateMethod;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EnrichedBrief;
import io.newsflow.avro.Enrichment;
import io.newsflow.avro.Origin;
import io.newsflow.avro.RoutedItem;
import io.newsflow.ingest.DumpPublisher;
import io.newsflow.ingest.Ingester;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * enrich-service end to end on a real broker: 6 input partitions, two instances sharing the work,
 * the sample dump ingested twice, near-duplicates spread over partitions, and a record that is not
 * Avro. Every input ends up in exactly one output.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class EnrichServiceIT {
    private static final Path SAMPLE = Path.of("../samples/aleppo-page-dump.txt");
    /** After the sample's capture time (its file's modification time), so the edits come later in event time. */
    private static final Instant T0 = Instant.now();

    @Test
    void twoInstancesOnSixPartitionsPublishEachStoryOnceAndEveryDuplicateOnce(
            TestStack stack, @TempDir Path one, @TempDir Path two) throws Exception {
        try (Stack resolved = Stack.resolve(stack.config());
                SchemaRegistryClient registry = stack.registryClient()) {
            Topics topics = new Topics(registry, stack.registryProperties());
            try (EnrichService first = EnrichService.start(instance(stack, one));
                    EnrichService second = EnrichService.start(instance(stack, two))) {
                // The sample twice: 19 originals, then 19 exact repeats.
                try (Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
                    DumpPublisher.Result a = ingester.ingest(SAMPLE, null);
                    DumpPublisher.Result b = ingester.ingest(SAMPLE, null);
                    assertTrue(a.delivered() && b.delivered());
                }
                // Edited copies of real sidebar briefs under new ids, so they land on other partitions.
                List<Brief> edits = List.of(
                        brief(
                                "edit-1",
                                "UPDATE 1-Croatia, China sign action plan for cooperation in agriculture",
                                "The Croatian and Chinese ministries of agriculture on Friday signed an action plan for cooperation "
                                        + "in the field of agriculture for the period 2017-2018, the Croatian ministry said in a statement."),
                        brief(
                                "edit-2",
                                "Berlin police defend handling of Berlin market attacker",
                                "Berlin police defended themselves on Friday against accusations that they stopped surveillance on "
                                        + "Berlin Christmas market attacker despite knowing in June 2016 he was dangerous. The attacker killed 12 people."),
                        brief(
                                "other-1",
                                "Zagreb Stock Exchange indices fall, Agrokor shares under pressure",
                                "The Zagreb Stock Exchange (ZSE) indices on Monday fell by 2.4%, with stocks of the Agrokor food and "
                                        + "retail concern under pressure after the government named an emergency administrator."));
                try (KafkaProducer<String, Brief> producer = new KafkaProducer<>(
                                stack.kafkaClientProperties(),
                                new StringSerializer(),
                                topics.briefs.valueSerde().serializer());
                        KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                                stack.kafkaClientProperties(), new StringSerializer(), new ByteArraySerializer())) {
                    for (Brief edit : edits) {
                        producer.send(new ProducerRecord<>(
                                Topics.BRIEFS_NAME, null, T0.plusSeconds(60).toEpochMilli(), edit.getId(), edit));
                    }
                    raw.send(new ProducerRecord<>(
                            Topics.BRIEFS_NAME, "not-avro", "plain text, not Avro".getBytes(StandardCharsets.UTF_8)));
                }

                int inputs = 38 + edits.size();
                Outputs outputs = Outputs.read(stack, topics);
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (outputs.total() < inputs && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    outputs = Outputs.read(stack, topics);
                }
                Thread.sleep(3000);
                outputs = Outputs.read(stack, topics);
                List<ConsumerRecord<String, EnrichedArticle>> articles = outputs.articles();
                List<ConsumerRecord<String, EnrichedBrief>> briefs = outputs.briefs();
                List<ConsumerRecord<String, DuplicateNotice>> duplicates = outputs.duplicates();

                assertEquals(1, articles.size(), "the article once");
                assertEquals(18 + 1, briefs.size(), "18 sample briefs and the one distinct story, once each");
                assertEquals(19 + 2, duplicates.size(), "19 exact repeats and the two edits");
                assertEquals(
                        inputs, articles.size() + briefs.size() + duplicates.size(), "nothing lost, nothing doubled");

                Set<String> published = new HashSet<>();
                articles.forEach(r -> published.add(r.key()));
                briefs.forEach(r -> published.add(r.key()));
                assertEquals(20, published.size(), "no id published twice");
                assertTrue(published.contains("other-1"), "a formulaic but different market report is its own story");

                // The country route carries exactly the stories about Croatia (their regions), whatever they mention.
                Set<String> aboutCroatia = new HashSet<>();
                articles.stream()
                        .filter(r -> isAbout(r.value().getEnrichment(), "HR"))
                        .forEach(r -> aboutCroatia.add(r.key()));
                briefs.stream()
                        .filter(r -> isAbout(r.value().getEnrichment(), "HR"))
                        .forEach(r -> aboutCroatia.add(r.key()));
                Set<String> routedCroatia = new HashSet<>();
                TopicReader.readAll(
                                stack,
                                Topics.routeName("croatia"),
                                new StringDeserializer(),
                                topics.valueSerde(RoutedItem.class).deserializer())
                        .forEach(r -> routedCroatia.add(r.key()));
                assertTrue(aboutCroatia.size() >= 5, "the Agrokor briefs at least: " + aboutCroatia);
                assertEquals(aboutCroatia, routedCroatia);

                Map<String, DuplicateNotice> byId = new HashMap<>();
                List<DuplicateNotice> repeats = new ArrayList<>();
                for (ConsumerRecord<String, DuplicateNotice> r : duplicates) {
                    if (r.value().getId().equals(r.value().getDuplicateOf())) {
                        repeats.add(r.value());
                    } else {
                        byId.put(r.key(), r.value());
                    }
                }
                assertEquals(19, repeats.size());
                repeats.forEach(n -> assertEquals(DuplicateMethod.EXACT, n.getMethod()));
                String agriculture =
                        idOfHeadline(briefs, "Croatia, China sign action plan for cooperation in agriculture");
                String berlin = idOfHeadline(briefs, "Berlin police defend handling of Berlin market attacker");
                assertEquals(agriculture, byId.get("edit-1").getDuplicateOf());
                assertEquals(berlin, byId.get("edit-2").getDuplicateOf());
                assertEquals(DuplicateMethod.NEAR, byId.get("edit-2").getMethod());

                List<DeadLetter> letters = TopicReader.readAll(
                                stack,
                                Topics.DLQ_NAME,
                                new StringDeserializer(),
                                topics.deadLetters.valueSerde().deserializer())
                        .stream()
                        .map(ConsumerRecord::value)
                        .filter(l -> "enrich.deserialize".equals(l.getStage()))
                        .toList();
                assertEquals(1, letters.size());
                assertEquals(Topics.BRIEFS_NAME, letters.get(0).getTopic());
                assertEquals(
                        "plain text, not Avro",
                        StandardCharsets.UTF_8
                                .decode(letters.get(0).getOriginal())
                                .toString());
            }
        }
    }

    /** Everything on the three output topics; read again after a pause to see late extras too. */
    private record Outputs(
            List<ConsumerRecord<String, EnrichedArticle>> articles,
            List<ConsumerRecord<String, EnrichedBrief>> briefs,
            List<ConsumerRecord<String, DuplicateNotice>> duplicates) {
        static Outputs read(TestStack stack, Topics topics) {
            return new Outputs(
                    TopicReader.readAll(
                            stack,
                            Topics.ENRICHED_ARTICLES_NAME,
                            new StringDeserializer(),
                            topics.enrichedArticles.valueSerde().deserializer()),
                    TopicReader.readAll(
                            stack,
                            Topics.ENRICHED_BRIEFS_NAME,
                            new StringDeserializer(),
                            topics.enrichedBriefs.valueSerde().deserializer()),
                    TopicReader.readAll(
                            stack,
                            Topics.DUPLICATES_NAME,
                            new StringDeserializer(),
                            topics.duplicates.valueSerde().deserializer()));
        }

        int total() {
            return articles.size() + briefs.size() + duplicates.size();
        }
    }

    private static boolean isAbout(Enrichment enrichment, String country) {
        return enrichment.getRegions().stream().anyMatch(r -> r.getCountryCode().equals(country));
    }

    private static String idOfHeadline(List<ConsumerRecord<String, EnrichedBrief>> briefs, String headline) {
        return briefs.stream()
                .filter(r -> r.value().getBrief().getHeadline().equals(headline))
                .findFirst()
                .orElseThrow()
                .key();
    }

    private static Stack instance(TestStack stack, Path dataDir) {
        NewsflowConfig config = stack.config()
                .with(NewsflowConfig.DATA_DIR, dataDir.toString(), "test")
                .with(EnrichService.HTTP_PORT, "0", "test")
                .with(EnrichSettings.IDLE_FLUSH, "1s", "test");
        return Stack.resolve(config);
    }

    private static Brief brief(String id, String headline, String summary) {
        return Brief.newBuilder()
                .setId(id)
                .setHeadline(headline)
                .setSummary(summary)
                .setSection("Latest news")
                .setOrigin(Origin.newBuilder()
                        .setDumpId("it-dump")
                        .setPosition(1)
                        .setCapturedAt(T0.plusSeconds(60))
                        .setParserVersion("1")
                        .build())
                .build();
    }
}
