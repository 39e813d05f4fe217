package io.newsflow.cli;

import picocli.CommandLine.Option;

/** The largest dump the commands that ingest ({@code ingest}, {@code run}) accept. */
public final class DumpSizeOption {
    @Option(
            names = "--max-dump-size",
            paramLabel = "BYTES",
            defaultValue = "16777216",
            description = "Largest file or decompressed dump accepted (default 16 MiB); larger ones go to news.dlq.")
    long maxDumpSize;

    public long bytes() {
        return maxDumpSize;
    }
}
