package io.newsflow.cli;

import io.newsflow.ingest.IngestStats;
import io.newsflow.ingest.Ingester;
import io.newsflow.ingest.SpoolWatcher;
import io.newsflow.ingest.parse.DumpEvents;
import io.newsflow.ingest.parse.DumpFailure;
import io.newsflow.ingest.parse.DumpParser;
import io.newsflow.ingest.parse.DumpReader;
import io.newsflow.ingest.parse.ParseOutcome;
import io.newsflow.ingest.parse.ParsedDump;
import io.newsflow.ingest.parse.RawDump;
import io.newsflow.ingest.parse.ReadOutcome;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.http.ServiceHttpServer;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./newsflow ingest}: raw dumps in, article and brief events out. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Split raw dumps into article and brief events on news.articles and news.briefs. "
                + "Exit status 1 if any dump failed (it is on news.dlq with the reason).")
public final class IngestCommand implements Callable<Integer> {
    public static final String HTTP_PORT = "newsflow.ingest.http.port";

    @Mixin
    ClusterOptions cluster;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            description = "Dump files (.txt, .gz, .jsonl), directories (recursive, sorted) or - for stdin.")
    List<Path> paths = List.of();

    @Option(
            names = "--watch",
            paramLabel = "DIR",
            description =
                    "Spool directory: ingest every file moved into it once, then move it to DIR/done or DIR/failed.")
    Path watch;

    @Option(
            names = "--dry-run",
            description = "Parse only and print the events as JSON lines; nothing is sent to Kafka.")
    boolean dryRun;

    @Mixin
    DumpSizeOption dumpSize;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (paths.isEmpty() && watch == null) {
            System.err.println("Nothing to ingest: give PATH... or --watch DIR (see --help)");
            return 2;
        }
        List<Path> files = Ingester.expand(paths);
        if (dryRun) {
            return dryRun(files);
        }
        try (Stack stack = Stack.resolve(cluster.config())) {
            TopicSetup.prepare(stack);
            if (watch != null) {
                return watch(stack, files);
            }
            try (Ingester ingester = new Ingester(stack, dumpSize.bytes(), Ingester.oneOffTransactionalId())) {
                IngestStats stats = ingestAll(ingester, files, System.err);
                System.out.println("ingested: " + stats.summary());
                return stats.failed() == 0 ? 0 : 1;
            }
        }
    }

    /** Ingests {@code files} in order with a progress bar on a terminal; what `run` uses too. */
    public static IngestStats ingestAll(Ingester ingester, List<Path> files, PrintStream progressOut) {
        long totalBytes = files.stream().mapToLong(IngestCommand::size).sum();
        Progress progress = new Progress(progressOut, System.console() != null, files.size(), totalBytes);
        // Each dump is logged by the Ingester (DumpLog).
        ingester.ingestAll(files, System.in, result -> progress.update(ingester.stats(), false));
        progress.update(ingester.stats(), true);
        return ingester.stats();
    }

    private int watch(Stack stack, List<Path> files) throws IOException, InterruptedException {
        try (Ingester ingester = new Ingester(stack, dumpSize.bytes(), SpoolWatcher.transactionalId(watch));
                ServiceHttpServer http = startHttp(stack.config(), ingester)) {
            ingestAll(ingester, files, System.err);
            new SpoolWatcher(Files.createDirectories(watch), ingester, Duration.ofSeconds(1))
                    .run(Duration.ofSeconds(1));
            return 0;
        }
    }

    /** The service's endpoints: health, /metrics (producer metrics and our counters), /api/stats. */
    public static ServiceHttpServer startHttp(NewsflowConfig config, Ingester ingester) throws IOException {
        ServiceHttpServer http = new ServiceHttpServer(
                config.require(NewsflowConfig.BIND_ADDRESS),
                config.get(HTTP_PORT).map(Integer::parseInt).orElse(8085),
                () -> true,
                ingester::metrics);
        http.json(
                "/api/stats",
                query -> "{\"dumps\": " + ingester.stats().dumps() + ", \"articles\": "
                        + ingester.stats().articles() + ", \"briefs\": "
                        + ingester.stats().briefs() + ", \"failed\": "
                        + ingester.stats().failed() + "}");
        return http;
    }

    private int dryRun(List<Path> files) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        DumpReader reader = new DumpReader(dumpSize.bytes());
        DumpParser parser = new DumpParser();
        int failed = 0;
        for (Path file : files) {
            List<ReadOutcome> outcomes = file.toString().equals(Ingester.STDIN)
                    ? reader.read("stdin", System.in, Clock.systemUTC().instant())
                    : reader.read(file);
            for (ReadOutcome read : outcomes) {
                ParseOutcome parsed = read instanceof RawDump raw ? parser.parse(raw) : (DumpFailure) read;
                if (parsed instanceof ParsedDump dump) {
                    DumpEvents.article(dump).ifPresent(out::println);
                    DumpEvents.briefs(dump).forEach(out::println);
                } else if (parsed instanceof DumpFailure failure) {
                    out.println(DumpEvents.deadLetter(failure, Clock.systemUTC().instant()));
                    failed++;
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static long size(Path file) {
        try {
            return file.toString().equals(Ingester.STDIN) ? 0 : Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
