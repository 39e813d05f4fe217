package io.newsflow.ingest;

import io.newsflow.platform.logging.KeyValueLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One structured line per dump (logfmt, logger {@code io.newsflow.ingest.dumps}) once its source is
 * committed or has failed. Dumps that went to news.dlq or were not delivered are logged at WARN;
 * ingested ones at INFO, or at DEBUG on a terminal, where the progress bar already shows them.
 * Only paths, counts and reasons are logged: never the dump's text or URL.
 *
 * <p>Lines are written on a thread of their own, in order: a file of a few hundred dumps logged them
 * all on the thread that sends, after its commit, and held sending back (about a tenth of that
 * thread's time in the ingest bench). {@link #flush} waits for every line handed over.
 */
final class DumpLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("io.newsflow.ingest.dumps");
    private static final boolean ON_TERMINAL = System.console() != null;

    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "newsflow-ingest-log");
        thread.setDaemon(true);
        return thread;
    });

    void write(DumpPublisher.Result result) {
        writer.execute(() -> writeNow(result));
    }

    void flush() {
        try {
            writer.submit(() -> {}).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Writing dump log lines failed", e.getCause());
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeNow(DumpPublisher.Result result) {
        for (DumpOutcome dump : result.outcomes()) {
            String line = line(dump, result);
            if (!result.delivered() || dump.deadLettered()) {
                log.warn(line);
            } else if (ON_TERMINAL) {
                log.debug(line);
            } else {
                log.info(line);
            }
        }
    }

    static String line(DumpOutcome dump, DumpPublisher.Result result) {
        KeyValueLine line = KeyValueLine.of("dump")
                .add("id", dump.dumpId() == null ? "-" : dump.dumpId())
                .add("source", dump.sourceId())
                .add("articles", dump.articles())
                .add("briefs", dump.briefs())
                .add("bytes", dump.bytes());
        if (!result.delivered()) {
            line.add("outcome", "not_delivered")
                    .add("reason_class", IngestMetrics.DELIVERY)
                    .add("reason", result.error());
        } else if (dump.deadLettered()) {
            line.add("outcome", "dead_letter")
                    .add("reason_class", dump.failure().failureClass().label())
                    .add("reason", dump.failure().reason());
        } else {
            line.add("outcome", "ingested");
        }
        return line.add("elapsed_ms", result.elapsed().toMillis()).toString();
    }
}
