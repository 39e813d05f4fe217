package io.newsflow.cli;

import picocli.CommandLine;

/** Entry point of the ingest-service on its own (e.g. a container running {@code --watch /spool}). */
public final class IngestMain {
    private IngestMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestCommand()).execute(args));
    }
}
