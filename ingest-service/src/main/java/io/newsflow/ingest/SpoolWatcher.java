package io.newsflow.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A spool directory: every file dropped into it is ingested once, then moved to {@code done/} (all its
 * dumps published) or {@code failed/} (some went to news.dlq), and only after Kafka acknowledged the
 * events. A file whose delivery failed stays and is retried, so a crash or an outage never loses a dump;
 * re-ingesting after a crash gives the same ids, so nothing is doubled downstream.
 * Writers should write elsewhere and move files in; files younger than {@code settle} are left for later.
 */
public final class SpoolWatcher {
    private static final Logger log = LoggerFactory.getLogger(SpoolWatcher.class);

    private final Path spool;
    private final Path done;
    private final Path failed;
    private final Ingester ingester;
    private final Duration settle;

    public SpoolWatcher(Path spool, Ingester ingester, Duration settle) throws IOException {
        this.spool = spool;
        this.done = Files.createDirectories(spool.resolve("done"));
        this.failed = Files.createDirectories(spool.resolve("failed"));
        this.ingester = ingester;
        this.settle = settle;
    }

    /** A stable transactional id per spool directory, so a restarted watcher fences its predecessor. */
    public static String transactionalId(Path spool) {
        return "newsflow-ingest-spool-" + Integer.toHexString(spool.toAbsolutePath().normalize().toString().hashCode());
    }

    /** Ingests what is in the spool now. @return how many files were moved out */
    public int pollOnce() throws IOException {
        int[] moved = {0};
        try {
            ingester.ingestAll(pending(), InputStream.nullInputStream(), result -> {
                Path file = Path.of(result.sourceId());
                if (!result.delivered()) {
                    log.warn("Spool file {} stays for a retry: {}", file.getFileName(), result.error());
                    return;
                }
                Path target = (result.deadLetters() == 0 ? done : failed).resolve(file.getFileName());
                try {
                    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                log.info("Spool file {}: {} dumps, {} articles, {} briefs, {} dead letters -> {}", file.getFileName(),
                        result.dumps(), result.articles(), result.briefs(), result.deadLetters(), spool.relativize(target));
                moved[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return moved[0];
    }

    /** Polls until interrupted. */
    public void run(Duration interval) throws IOException, InterruptedException {
        log.info("Watching spool directory {}", spool.toAbsolutePath());
        while (!Thread.currentThread().isInterrupted()) {
            pollOnce();
            Thread.sleep(interval.toMillis());
        }
    }

    private List<Path> pending() throws IOException {
        Instant settled = Instant.now().minus(settle);
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> modified(f).isBefore(settled))
                    .sorted(Comparator.comparing(SpoolWatcher::modified).thenComparing(Path::toString))
                    .toList();
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }
}
