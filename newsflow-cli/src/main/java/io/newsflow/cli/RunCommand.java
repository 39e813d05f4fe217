package io.newsflow.cli;

import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.IngestStats;
import io.newsflow.ingest.Ingester;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** The main job in one command: stack, ingest, enrich, summary. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description =
                "Ingest PATH (files, directories, - for stdin), enrich, and print a summary. "
                        + "Uses the running stack (./newsflow up) if it answers, else starts one in-process; state stays in var/.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Parameters(
            paramLabel = "PATH",
            arity = "1..*",
            description = "Dump files or directories (recursive), or - for stdin.")
    List<Path> paths;

    @Mixin
    DumpSizeOption dumpSize;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "120",
            description = "How long to wait for enrichment to catch up (default ${DEFAULT-VALUE} s).")
    long timeoutSeconds;

    @Override
    public Integer call() {
        try (Stack stack = Stack.resolve(cluster.config());
                SchemaRegistryClient registry = stack.registryClient()) {
            System.out.println("Using " + stack.description() + ": Kafka " + stack.bootstrapServers()
                    + ", Schema Registry " + NewsflowConfig.withoutCredentials(stack.registryUrl()));
            TopicSetup.prepare(stack);
            try (RunSummary summary =
                    new RunSummary(stack.kafkaClientProperties(), new Topics(registry, stack.registryProperties()))) {
                IngestStats stats;
                try (Ingester ingester = new Ingester(stack, dumpSize.bytes(), Ingester.oneOffTransactionalId())) {
                    stats = IngestCommand.ingestAll(ingester, Ingester.expand(paths), System.err);
                }
                System.out.println("ingest:  " + stats.summary());
                boolean complete;
                try (EnrichService enrich = EnrichService.start(stack)) {
                    complete = summary.await(stats.articles() + stats.briefs(), Duration.ofSeconds(timeoutSeconds));
                }
                summary.print(System.out);
                if (!complete) {
                    System.out.printf(
                            "enrichment accounted for %d of %d items within %d s; the rest is still queued and "
                                    + "will be processed by the next enrich run (./newsflow up or ./newsflow enrich)%n",
                            summary.total(), stats.articles() + stats.briefs(), timeoutSeconds);
                }
                return stats.failed() == 0 && complete ? 0 : 1;
            }
        }
    }
}
