package io.newsflow.ingest;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.DeadLetter;
import io.newsflow.ingest.parse.DumpReader;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.platform.testing.TopicReader;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Headers;
import io.newsflow.schemas.Topics;
import io.newsflow.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample dump through the real producer into a real broker, read back through the registry.
 * Tests share one broker, so each reads only the records its own sources produced (by dump id / key).
 */
@ExtendWith(KafkaStackExtension.class)
class IngestIT {
    private static final Path SAMPLE = Path.of("../samples/aleppo-page-dump.txt");

    @BeforeAll
    static void prepare(TestStack stack) {
        try (Stack resolved = Stack.resolve(stack.config())) {
            TopicSetup.prepare(resolved);
        }
    }

    @Test
    void sampleGivesOneArticleAndEighteenBriefsAndReingestingAddsNoIds(TestStack stack) {
        try (Stack resolved = Stack.resolve(stack.config());
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
            DumpPublisher.Result first = ingester.ingest(SAMPLE, null);
            DumpPublisher.Result second = ingester.ingest(SAMPLE, null);
            assertTrue(first.delivered() && second.delivered());
            assertEquals(1, first.articles());
            assertEquals(18, first.briefs());
        }
        try (SchemaRegistryClient registry = stack.registryClient()) {
            Topics topics = new Topics(registry, stack.registryProperties());
            List<ConsumerRecord<String, Article>> articles = TopicReader.readAll(
                            stack,
                            Topics.ARTICLES_NAME,
                            new StringDeserializer(),
                            topics.articles.valueSerde().deserializer())
                    .stream()
                    .filter(r -> r.value().getParagraphs().get(0).startsWith("France wants the bombardment"))
                    .toList();
            List<ConsumerRecord<String, Brief>> briefs = TopicReader.readAll(
                            stack,
                            Topics.BRIEFS_NAME,
                            new StringDeserializer(),
                            topics.briefs.valueSerde().deserializer())
                    .stream()
                    .filter(r -> r.value()
                            .getOrigin()
                            .getDumpId()
                            .equals(articles.get(0).value().getOrigin().getDumpId()))
                    .toList();

            assertEquals(2, articles.size(), "the article, once per ingest");
            assertEquals(36, briefs.size(), "18 briefs, once per ingest");
            assertEquals(
                    1,
                    articles.stream().map(ConsumerRecord::key).distinct().count(),
                    "re-ingesting adds no new article id");
            Set<String> briefIds = briefs.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
            assertEquals(18, briefIds.size(), "re-ingesting adds no new brief ids");

            ConsumerRecord<String, Article> article = articles.get(0);
            assertEquals(article.value().getId(), article.key());
            assertEquals(21, article.value().getParagraphs().size());
            assertEquals(
                    article.value().getOrigin().getCapturedAt().toEpochMilli(),
                    article.timestamp(),
                    "without a publication time the event time is the capture time");
            assertNotNull(article.headers().lastHeader(Headers.DUMP_ID));
            List<String> headlines = briefs.stream()
                    .filter(r -> r.offset() >= 0)
                    .map(r -> r.value().getHeadline())
                    .distinct()
                    .toList();
            assertTrue(headlines.contains("Syrian opposition rules out future role for President al-Assad"));
            assertTrue(headlines.contains("Syrian man on trial in Sweden; mosque attack labelled terrorism"));
        }
    }

    @Test
    void badDumpGoesToTheDeadLetterTopicAndTheRestOfTheSourceIsPublished(TestStack stack, @TempDir Path dir)
            throws IOException {
        String marker = TestStack.unique("marker");
        Path mixed = dir.resolve("mixed.jsonl");
        Files.writeString(
                mixed,
                String.join(
                        "\n",
                        "{\"url\": \"https://example.com/a\", \"captured\": \"2017-04-07T10:00:00Z\", \"text\": \"Headline "
                                + marker
                                + "\\n\\nBody of a real article about " + marker + ".\\n\\nLatest news\\n\\nBrief "
                                + marker
                                + "\\n\\nSummary of the brief " + marker + ".\"}",
                        "{\"url\": \"https://example.com/b\", \"captured\": \"2017-04-07T10:00:00Z\", \"text\": ",
                        ""),
                StandardCharsets.UTF_8);
        try (Stack resolved = Stack.resolve(stack.config());
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
            DumpPublisher.Result result = ingester.ingest(mixed, null);
            assertTrue(result.delivered());
            assertEquals(1, result.deadLetters());
            assertEquals(1, result.briefs());
        }
        try (SchemaRegistryClient registry = stack.registryClient()) {
            Topics topics = new Topics(registry, stack.registryProperties());
            List<DeadLetter> letters = TopicReader.readAll(
                            stack,
                            Topics.DLQ_NAME,
                            new StringDeserializer(),
                            topics.deadLetters.valueSerde().deserializer())
                    .stream()
                    .filter(r -> r.key().startsWith(mixed.toString()))
                    .map(ConsumerRecord::value)
                    .toList();
            assertEquals(1, letters.size());
            assertEquals("ingest.parse", letters.get(0).getStage());
            assertTrue(
                    letters.get(0).getReason().toLowerCase().contains("line 2"),
                    letters.get(0).getReason());
        }
    }

    @Test
    void spoolFilesAreMovedOnlyAfterTheirEventsAreAcknowledged(TestStack stack, @TempDir Path spool)
            throws IOException {
        Path good = Files.copy(SAMPLE, spool.resolve("page.txt"));
        Path binary =
                Files.write(spool.resolve("image.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2});
        Instant old = Instant.now().minusSeconds(60);
        Files.setLastModifiedTime(good, FileTime.from(old));
        Files.setLastModifiedTime(binary, FileTime.from(old));
        Path fresh = Files.writeString(spool.resolve("still-being-written.txt"), "Half a dump");

        try (Stack resolved = Stack.resolve(stack.config());
                Ingester ingester = new Ingester(resolved, 16 << 20, SpoolWatcher.transactionalId(spool))) {
            SpoolWatcher watcher = new SpoolWatcher(spool, ingester, Duration.ofSeconds(30));
            assertEquals(2, watcher.pollOnce());
            assertEquals(0, watcher.pollOnce(), "each file is ingested once");
        }
        assertTrue(Files.exists(spool.resolve("done/page.txt")));
        assertTrue(Files.exists(spool.resolve("failed/image.bin")));
        assertFalse(Files.exists(good));
        assertTrue(Files.exists(fresh), "a file younger than the settle time is left for later");
    }

    @Test
    void stdinIsASource(TestStack stack) {
        String text = "Title: Stdin test " + TestStack.unique("t") + "\n\nOne paragraph of text from a pipe.\n";
        try (Stack resolved = Stack.resolve(stack.config());
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
            DumpPublisher.Result result = ingester.ingest(
                    Path.of(Ingester.STDIN), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            assertTrue(result.delivered());
            assertEquals(1, result.articles());
        }
    }

    @Test
    void severalFilesAreReportedInOrderEachAllOrNothing(TestStack stack, @TempDir Path dir) throws IOException {
        String marker = TestStack.unique("several");
        List<Path> files = List.of(
                Files.writeString(dir.resolve("a.txt"), dump(marker + " A", 3), StandardCharsets.UTF_8),
                Files.write(dir.resolve("b.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2}),
                Files.writeString(
                        dir.resolve("c.txt"),
                        dump(marker + " C", 1) + "=====\n" + dump(marker + " D", 2),
                        StandardCharsets.UTF_8));
        List<DumpPublisher.Result> results = new ArrayList<>();
        try (Stack resolved = Stack.resolve(stack.config());
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
            ingester.ingestAll(files, null, results::add);
        }
        assertEquals(
                files.stream().map(Path::toString).toList(),
                results.stream().map(DumpPublisher.Result::sourceId).toList());
        assertTrue(results.stream().allMatch(DumpPublisher.Result::delivered));
        assertEquals(
                List.of(1, 0, 2),
                results.stream().map(DumpPublisher.Result::articles).toList());
        assertEquals(
                List.of(3, 0, 3),
                results.stream().map(DumpPublisher.Result::briefs).toList());
        assertEquals(
                List.of(0, 1, 0),
                results.stream().map(DumpPublisher.Result::deadLetters).toList());
        assertEquals(Set.of(marker + " A", marker + " C", marker + " D"), committedTitles(stack, marker));
    }

    @Test
    void aSourceThatFailsHalfWayIsAbortedWholeThoughItsFirstDumpsWereSent(TestStack stack) {
        String marker = TestStack.unique("halfway");
        String poison = marker + " poison";
        try (Stack resolved = Stack.resolve(stack.config());
                SchemaRegistryClient registry = resolved.registryClient()) {
            AvroSerializer<SpecificRecord> values = new AvroSerializer<>(registry);
            values.configure(resolved.registryProperties(), false);
            Serializer<SpecificRecord> failing = (topic, value) -> {
                if (value instanceof Brief brief && brief.getHeadline().startsWith(poison)) {
                    throw new SerializationException("cannot encode " + brief.getHeadline());
                }
                return values.serialize(topic, value);
            };
            try (DumpPublisher publisher = new DumpPublisher(
                    resolved.kafkaClientProperties(), failing, Ingester.oneOffTransactionalId(), Clock.systemUTC())) {
                DumpPublisher.Result failed = publisher.publish(
                        "half",
                        new DumpReader()
                                .read(
                                        "half",
                                        (dump(marker + " sent", 2) + "=====\n" + dump(poison, 2))
                                                .getBytes(StandardCharsets.UTF_8),
                                        Instant.now()));
                DumpPublisher.Result next = publisher.publish(
                        "next",
                        new DumpReader()
                                .read(
                                        "next",
                                        dump(marker + " next", 1).getBytes(StandardCharsets.UTF_8),
                                        Instant.now()));

                assertFalse(failed.delivered());
                assertTrue(failed.error().contains("cannot encode " + poison), failed.error());
                assertTrue(next.delivered(), "the producer goes on after the abort");
            }
        }
        assertEquals(
                Set.of(marker + " next"),
                committedTitles(stack, marker),
                "the failed source's first dump was sent before the failure, and aborted with the rest");
    }

    @Test
    void aBatchThatCannotCommitPublishesItsSourcesOneByOneSoOnlyTheFailingOneFails(TestStack stack) {
        String marker = TestStack.unique("batch");
        // The broker takes no record over 20 kB from this producer: the "huge" source cannot be delivered.
        NewsflowConfig small = stack.config().with("max.request.size", "20000", "test");
        String huge = dump(marker + " huge", 1)
                .replace("A paragraph of the article", "A paragraph " + "of words ".repeat(5000));
        List<DumpPublisher.Result> results;
        try (Stack resolved = Stack.resolve(small);
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
            DumpPublisher publisher = ingester.publisher();
            DumpPublisher.Batch batch = publisher.beginBatch();
            for (String[] source : new String[][] {
                {"first", dump(marker + " first", 2)}, {"huge", huge}, {"last", dump(marker + " last", 1)}
            }) {
                batch.endSource(publisher.prepare(
                        source[0],
                        new DumpReader().read(source[0], source[1].getBytes(StandardCharsets.UTF_8), Instant.now()),
                        batch::send));
            }
            assertEquals(3, batch.sources());
            results = batch.commit();
        }
        assertEquals(
                List.of("first", "huge", "last"),
                results.stream().map(DumpPublisher.Result::sourceId).toList());
        assertEquals(
                List.of(true, false, true),
                results.stream().map(DumpPublisher.Result::delivered).toList());
        assertTrue(
                results.get(1).error().contains("20000")
                        || results.get(1).error().toLowerCase().contains("larger"),
                results.get(1).error());
        assertEquals(
                Set.of(marker + " first", marker + " last"),
                committedTitles(stack, marker),
                "the batch was aborted, then its good sources committed once each");
    }

    /** A page with a title, one paragraph and {@code briefs} briefs whose headlines start with the title. */
    private static String dump(String title, int briefs) {
        StringBuilder text = new StringBuilder("Title: " + title + "\nCaptured: 2017-04-07T10:00:00Z\n\n"
                + "A paragraph of the article about " + title + ".\n\nLatest news\n\n");
        for (int i = 1; i <= briefs; i++) {
            text.append(title)
                    .append(" brief ")
                    .append(i)
                    .append("\n\nWhat brief ")
                    .append(i)
                    .append(" says.\n\n");
        }
        return text.toString();
    }

    private static Set<String> committedTitles(TestStack stack, String marker) {
        try (SchemaRegistryClient registry = stack.registryClient()) {
            Topics topics = new Topics(registry, stack.registryProperties());
            return TopicReader.readAll(
                            stack,
                            Topics.ARTICLES_NAME,
                            new StringDeserializer(),
                            topics.articles.valueSerde().deserializer())
                    .stream()
                    .map(r -> r.value().getTitle())
                    .filter(t -> t != null && t.startsWith(marker))
                    .collect(Collectors.toSet());
        }
    }
}
