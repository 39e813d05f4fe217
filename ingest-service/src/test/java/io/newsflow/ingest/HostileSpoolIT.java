package io.newsflow.ingest;

import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.platform.testing.TopicReader;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spool and the ingest pipeline against what a hostile or careless writer puts there. */
@ExtendWith(KafkaStackExtension.class)
class HostileSpoolIT {
    private static final Instant OLD = Instant.now().minusSeconds(600);

    @BeforeAll
    static void prepare(TestStack stack) {
        try (Stack resolved = Stack.resolve(stack.config())) {
            TopicSetup.prepare(resolved);
        }
    }

    @Test
    void linksAndPipesAreRefusedUnreadAndNamesAlreadyDoneAreKept(
            TestStack stack, @TempDir Path spool, @TempDir Path elsewhere) throws Exception {
        String marker = TestStack.unique("secret");
        Path key = Files.writeString(
                elsewhere.resolve("id_rsa"), "Title: " + marker + "\n\n-----BEGIN PRIVATE KEY----- " + marker + "\n");
        Files.createSymbolicLink(spool.resolve("key.txt"), key);
        Files.createSymbolicLink(spool.resolve("environ.txt"), Path.of("/proc/self/environ"));
        assertEquals(
                0,
                new ProcessBuilder("mkfifo", spool.resolve("pipe.txt").toString())
                        .start()
                        .waitFor());
        Files.createDirectories(spool.resolve("done"));
        Files.writeString(spool.resolve("done/page.txt"), "an earlier page.txt");
        Files.writeString(spool.resolve("page.txt"), "Title: Page " + marker + "\n\nThe second page.txt of the day.\n");
        // touch -h dates the links themselves, not their targets, and a FIFO without opening it (Java would wait for a
        // writer).
        List<String> touch = new java.util.ArrayList<>(List.of("touch", "-h", "-d", "@" + OLD.getEpochSecond()));
        for (String name : List.of("key.txt", "environ.txt", "pipe.txt", "page.txt")) {
            touch.add(spool.resolve(name).toString());
        }
        assertEquals(0, new ProcessBuilder(touch).inheritIO().start().waitFor());

        try (Stack resolved = Stack.resolve(stack.config());
                Ingester ingester = new Ingester(resolved, 16 << 20, SpoolWatcher.transactionalId(spool))) {
            SpoolWatcher watcher = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                SpoolWatcher w = new SpoolWatcher(spool, ingester, Duration.ofSeconds(30));
                assertEquals(4, w.pollOnce(), "no file blocks the spool, a FIFO neither");
                return w;
            });
            assertEquals(0, watcher.pollOnce());
        }
        assertEquals("an earlier page.txt", Files.readString(spool.resolve("done/page.txt")));
        assertTrue(Files.readString(spool.resolve("done/page.txt.1")).contains(marker));
        for (String name : List.of("key.txt", "environ.txt")) {
            assertTrue(Files.isSymbolicLink(spool.resolve("failed/" + name)), name + " moved as the link it is");
        }
        assertTrue(Files.exists(spool.resolve("failed/pipe.txt")));

        Map<String, DeadLetter> letters = deadLetters(stack, spool);
        assertTrue(letters.get(spool.resolve("key.txt").toString()).getReason().contains("symbolic link"));
        assertTrue(
                letters.get(spool.resolve("environ.txt").toString()).getReason().contains("symbolic link"));
        assertTrue(letters.get(spool.resolve("pipe.txt").toString()).getReason().contains("not a regular file"));
        for (DeadLetter letter : letters.values()) {
            assertEquals(
                    0, letter.getOriginal().remaining(), "nothing of a refused file is kept: " + letter.getSourceId());
        }
        assertFalse(articleTitles(stack).contains(marker), "the linked key is not published");
        assertTrue(articleTitles(stack).contains("Page " + marker));
    }

    @Test
    void aFileThatCannotBeMovedOutIsNotIngestedAgainAndTheWatcherGoesOn(TestStack stack, @TempDir Path spool)
            throws Exception {
        Path page = Files.writeString(
                spool.resolve("page.txt"), "Title: Unmovable " + TestStack.unique("m") + "\n\nText.\n");
        Files.setLastModifiedTime(page, FileTime.from(OLD));
        try (Stack resolved = Stack.resolve(stack.config());
                Ingester ingester = new Ingester(resolved, 16 << 20, SpoolWatcher.transactionalId(spool))) {
            SpoolWatcher watcher = new SpoolWatcher(spool, ingester, Duration.ofSeconds(30));
            Files.delete(spool.resolve("done"));
            Files.writeString(spool.resolve("done"), "done/ is now a file: every move into it fails");
            assertEquals(0, watcher.pollOnce());
            assertEquals(0, watcher.pollOnce());
            assertEquals(1, ingester.stats().files.get(), "ingested once, not on every poll");
            assertTrue(Files.exists(page));
        }
    }

    /** An Error on the preparing thread (say, memory exhausted by a source) once left the sending thread waiting for ever. */
    @Test
    void whenThePreparingThreadDiesTheRunFailsInsteadOfHanging(TestStack stack) {
        InputStream dying = new InputStream() {
            @Override
            public int read() {
                throw new OutOfMemoryError("simulated: a source too large for the heap");
            }
        };
        try (Stack resolved = Stack.resolve(stack.config());
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
            IllegalStateException e = assertTimeoutPreemptively(
                    Duration.ofSeconds(60),
                    () -> assertThrows(
                            IllegalStateException.class,
                            () -> ingester.ingestAll(List.of(Path.of(Ingester.STDIN)), dying, result -> {})));
            assertTrue(e.getMessage().contains("simulated"), e.getMessage());
        }
    }

    private static Map<String, DeadLetter> deadLetters(TestStack stack, Path spool) {
        try (SchemaRegistryClient registry = stack.registryClient()) {
            Topics topics = new Topics(registry, stack.registryProperties());
            return TopicReader.readAll(
                            stack,
                            Topics.DLQ_NAME,
                            new StringDeserializer(),
                            topics.deadLetters.valueSerde().deserializer())
                    .stream()
                    .filter(r -> r.key().startsWith(spool.toString()))
                    .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> b));
        }
    }

    private static List<String> articleTitles(TestStack stack) {
        try (SchemaRegistryClient registry = stack.registryClient()) {
            Topics topics = new Topics(registry, stack.registryProperties());
            return TopicReader.readAll(
                            stack,
                            Topics.ARTICLES_NAME,
                            new StringDeserializer(),
                            topics.articles.valueSerde().deserializer())
                    .stream()
                    .map(ConsumerRecord::value)
                    .map(Article::getTitle)
                    .filter(t -> t != null)
                    .toList();
        }
    }
}
