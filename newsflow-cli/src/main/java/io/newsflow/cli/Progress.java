package io.newsflow.cli;

import io.newsflow.ingest.IngestStats;

import java.io.PrintStream;

/**
 * A one-line progress bar (files, items, MB/s, ETA) redrawn in place on a terminal; on anything else
 * (a pipe, a log file) nothing is drawn and the per-source log lines tell the story instead.
 */
final class Progress {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final int totalFiles;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private long lastDraw;

    Progress(PrintStream out, boolean terminal, int totalFiles, long totalBytes) {
        this.out = out;
        this.terminal = terminal;
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
    }

    void update(IngestStats stats, boolean force) {
        long now = System.nanoTime();
        if (!terminal || (!force && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double mbPerSecond = stats.bytes() / 1e6 / seconds;
        long files = stats.files();
        double fraction = totalBytes > 0
                ? Math.min(1, (double) stats.bytes() / totalBytes)
                : totalFiles > 0 ? (double) files / totalFiles : 1;
        int width = 24;
        int filled = (int) Math.round(fraction * width);
        String eta = fraction > 0 && fraction < 1
                ? String.format(" ETA %ds", Math.round(seconds * (1 - fraction) / fraction))
                : "";
        out.printf(
                "\r[%s%s] %d/%d files  %d items  %.1f MB/s%s   ",
                "#".repeat(filled),
                " ".repeat(width - filled),
                files,
                totalFiles,
                stats.articles() + stats.briefs(),
                mbPerSecond,
                eta);
        if (force) {
            out.println();
        }
        out.flush();
    }
}
