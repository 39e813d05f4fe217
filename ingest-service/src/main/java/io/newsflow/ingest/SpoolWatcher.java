package io.newsflow.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A spool directory: every file dropped into it is ingested once, then moved to {@code done/} (all its
 * dumps published) or {@code failed/} (some went to news.dlq), and only after Kafka acknowledged the
 * events. A file whose delivery failed stays and is retried, so a crash or an outage never loses a dump;
 * re-ingesting after a crash gives the same ids, so nothing is doubled downstream.
 * Writers should write elsewhere and move files in; files younger than {@code settle} are left for later.
 * Symbolic links, FIFOs and devices are refused unread (a dead letter, then {@code failed/}); a file of
 * a name already in {@code done/} or {@code failed/} gets a numbered name there, the earlier one stays.
 */
public final class SpoolWatcher {
    private static final Logger log = LoggerFactory.getLogger(SpoolWatcher.class);

    private final Path spool;
    private final Path done;
    private final Path failed;
    private final Ingester ingester;
    private final Duration settle;
    /** Files ingested but not moved out, with their modification time then. */
    private final Map<Path, Instant> unmovable = new HashMap<>();

    public SpoolWatcher(Path spool, Ingester ingester, Duration settle) throws IOException {
        this.spool = spool;
        this.done = Files.createDirectories(spool.resolve("done"));
        this.failed = Files.createDirectories(spool.resolve("failed"));
        this.ingester = ingester;
        this.settle = settle;
    }

    /** A stable transactional id per spool directory, so a restarted watcher fences its predecessor. */
    public static String transactionalId(Path spool) {
        return "newsflow-ingest-spool-"
                + Integer.toHexString(
                        spool.toAbsolutePath().normalize().toString().hashCode());
    }

    /** Ingests what is in the spool now. @return how many files were moved out */
    public int pollOnce() throws IOException {
        int[] moved = {0};
        ingester.ingestAll(pending(), InputStream.nullInputStream(), result -> {
            Path file = Path.of(result.sourceId());
            if (!result.delivered()) {
                log.warn("Spool file {} stays for a retry: {}", file.getFileName(), result.error());
                return;
            }
            Path target = unused(
                    (result.deadLetters() == 0 ? done : failed),
                    file.getFileName().toString());
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Its events are committed: ingesting it again would only repeat them. Left until it changes.
                unmovable.put(file, modified(file));
                log.error(
                        "Spool file {} was ingested but cannot be moved to {}: {}; skipped until it changes",
                        file.getFileName(),
                        spool.relativize(target),
                        e.toString());
                return;
            }
            log.info(
                    "Spool file {}: {} dumps, {} articles, {} briefs, {} dead letters -> {}",
                    file.getFileName(),
                    result.dumps(),
                    result.articles(),
                    result.briefs(),
                    result.deadLetters(),
                    spool.relativize(target));
            moved[0]++;
        });
        return moved[0];
    }

    /** {@code name} in {@code dir}, or {@code name.1}, {@code name.2}, ... when taken: an earlier file of that name stays. */
    private static Path unused(Path dir, String name) {
        Path target = dir.resolve(name);
        for (int n = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = dir.resolve(name + "." + n);
        }
        return target;
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
            // Links, FIFOs and devices are listed too: the reader refuses them and they go to failed/.
            return files.filter(f -> !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> modified(f).isBefore(settled))
                    .filter(f -> !modified(f).equals(unmovable.get(f)))
                    .sorted(Comparator.comparing(SpoolWatcher::modified).thenComparing(Path::toString))
                    .toList();
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }
}
