package io.newsflow.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** Running totals of an ingest, for the progress bar and the summary line. */
public final class IngestStats {
    final AtomicLong files = new AtomicLong();
    final AtomicLong dumps = new AtomicLong();
    final AtomicLong articles = new AtomicLong();
    final AtomicLong briefs = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong transactions = new AtomicLong();

    /** Files read so far (a file may hold several dumps). */
    public long files() {
        return files.get();
    }

    public long dumps() {
        return dumps.get();
    }

    public long articles() {
        return articles.get();
    }

    public long briefs() {
        return briefs.get();
    }

    /** Dumps that could not be read, parsed or delivered (each one is on news.dlq or reported). */
    public long failed() {
        return failed.get();
    }

    public long bytes() {
        return bytes.get();
    }

    /** Kafka transactions committed or aborted: one per batch of files, more when a batch fell back to one per file. */
    public long transactions() {
        return transactions.get();
    }

    public String summary() {
        return "dumps " + dumps + ", articles " + articles + ", briefs " + briefs + ", failed " + failed;
    }
}
