package io.newsflow.cli;

import io.newsflow.ingest.IngestCommand;
import io.newsflow.ingest.IngestStats;
import io.newsflow.ingest.Ingester;
import io.newsflow.platform.cli.ClusterOptions;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** The main job in one command: stack, ingest, enrich, summary. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Ingest PATH (files, directories, - for stdin), enrich, and print a summary. "
                + "Uses the running stack (./newsflow up) if it answers, else starts one in-process; state stays in var/.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Dump files or directories (recursive), or - for stdin.")
    List<Path> paths;

    @Option(names = "--max-dump-size", paramLabel = "BYTES", defaultValue = "16777216",
            description = "Largest file or decompressed dump accepted (default 16 MiB).")
    long maxDumpSize;

    @Override
    public Integer call() {
        try (Stack stack = Stack.resolve(cluster.config())) {
            System.out.println("Using " + stack.description() + ": Kafka " + stack.bootstrapServers()
                    + ", Schema Registry " + stack.registryUrl());
            TopicSetup.prepare(stack);
            IngestStats stats;
            try (Ingester ingester = new Ingester(stack, maxDumpSize, Ingester.oneOffTransactionalId())) {
                stats = IngestCommand.ingestAll(ingester, Ingester.expand(paths), System.err);
            }
            System.out.println("ingest:  " + stats.summary());
            System.out.println("enrich:  not yet implemented (issue #4): deduplication, tags and bursts come next");
            return stats.failed() == 0 ? 0 : 1;
        }
    }
}
