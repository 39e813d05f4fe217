package io.newsflow.cli;

import io.newsflow.bench.BenchDumps;
import io.newsflow.bench.EnrichBench;
import io.newsflow.bench.IngestBench;
import io.newsflow.bench.ResultTable;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./newsflow bench}: speed measured as ratios against a baseline on the same broker in the same
 * run, so the numbers survive a busy machine (speed targets live here, never in timed unit tests).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmark on a private embedded stack (temporary data dir, free loopback ports): "
                + "ingest vs Kafka's ProducerPerformance, and the enrich topology vs a pass-through topology "
                + "plus ingest-to-enriched latency. Prints a table and the ratios.")
public final class BenchCommand implements Callable<Integer> {
    enum Only {
        ingest,
        enrich,
        scaleout
    }

    @Option(
            names = "--items",
            paramLabel = "N",
            defaultValue = "4000",
            description = "Items (articles + briefs) to ingest and enrich (default ${DEFAULT-VALUE}).")
    long items;

    @Option(
            names = "--only",
            paramLabel = "ingest|enrich|scaleout",
            description = "Run one of the benches (scaleout: "
                    + "CPU and records per item, dedup balance over tasks, 1 vs 2 instances; #16).")
    Only only;

    @Option(
            names = "--sample",
            paramLabel = "FILE",
            defaultValue = "samples/aleppo-page-dump.txt",
            description = "The page dump the bench data is made from (default ${DEFAULT-VALUE}).")
    Path sample;

    @Option(
            names = "--latency-rate",
            paramLabel = "ITEMS/S",
            defaultValue = "50",
            description = "Steady input rate of the latency runs (default ${DEFAULT-VALUE}); keep it below the enrich "
                    + "throughput, else the latency is mostly queueing.")
    int latencyRate;

    @Option(
            names = "--latency-seconds",
            paramLabel = "S",
            defaultValue = "20",
            description = "Length of each latency run (default ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(
            names = "--short-grace-ms",
            paramLabel = "MS",
            defaultValue = "1000",
            description =
                    "Reorder grace of the second latency run (default ${DEFAULT-VALUE} ms), to show what the grace costs.")
    long shortGraceMs;

    private static final int FILES = 8;

    @Override
    public Integer call() throws IOException, InterruptedException {
        BenchDumps dumps = BenchDumps.fromSample(Files.readString(sample, StandardCharsets.UTF_8));
        Path dir = Files.createTempDirectory("newsflow-bench-");
        try {
            NewsflowConfig config = newsflowSettings(System.getenv())
                    .with(NewsflowConfig.DATA_DIR, dir.resolve("data").toString(), "bench")
                    .with(NewsflowConfig.KAFKA_PORT, Integer.toString(freePort()), "bench")
                    .with(NewsflowConfig.CONTROLLER_PORT, Integer.toString(freePort()), "bench")
                    .with(NewsflowConfig.REGISTRY_PORT, Integer.toString(freePort()), "bench");
            // Event times one minute apart, ending an hour ago: the latency runs' items (event time = now) come after
            // all of them.
            long dumpCount = (items + dumps.itemsPerDump() - 1) / dumps.itemsPerDump();
            Instant start = Instant.now().minus(Duration.ofMinutes(dumpCount + 60));
            List<Path> files = dumps.writeFiles(Files.createDirectories(dir.resolve("dumps")), items, FILES, start);
            ResultTable table = new ResultTable();
            try (Stack stack = Stack.startEmbedded(config, true);
                    SchemaRegistryClient registry = stack.registryClient()) {
                System.out.println("bench: embedded stack " + stack.bootstrapServers() + ", " + stack.registryUrl()
                        + " (data in " + dir + "), " + Runtime.getRuntime().availableProcessors() + " cores");
                TopicSetup.prepare(stack);
                Topics topics = new Topics(registry, stack.registryProperties());
                IngestBench ingest = new IngestBench(stack, topics);
                boolean ingestBench = only == null || only == Only.ingest;
                if (ingestBench) {
                    ingest.warmUpBroker(dumps, items);
                }
                IngestBench.Ingested ingested = ingest.ingest(files, null);
                if (ingestBench) {
                    IngestBench.report("first pass", ingested, ingest.producerPerformance(ingested), table);
                }
                EnrichBench enrich = new EnrichBench(stack, topics, registry);
                if (only == null || only == Only.enrich) {
                    enrich.run(
                            ingested.events(),
                            dumps,
                            (int) dumpCount + 1,
                            latencyRate,
                            latencySeconds,
                            Duration.ofMillis(shortGraceMs),
                            table);
                }
                if (only == null || only == Only.scaleout) {
                    enrich.scaleOut(ingested.events(), table);
                }
                if (ingestBench) {
                    // After the enrich bench, which reads the first pass's items: the second pass's would be duplicates
                    // there.
                    IngestBench.Ingested warm = ingest.ingest(files, ingested.values());
                    IngestBench.report("warm", warm, ingest.producerPerformanceSteadyState(warm), table);
                }
            }
            System.out.println();
            System.out.print(table.render());
            return 0;
        } finally {
            deleteRecursively(dir);
        }
    }

    /**
     * The defaults with the caller's {@code NEWSFLOW_*} settings (e.g. {@code NEWSFLOW_DEDUP_SHARDS=1}), so a
     * bench measures the configuration it is asked about; never its data dir (the bench's is private and
     * deleted) nor the Kafka and registry settings (the bench runs its own embedded stack).
     */
    static NewsflowConfig newsflowSettings(Map<String, String> env) {
        Map<String, String> newsflow = new TreeMap<>(env);
        newsflow.keySet().removeIf(name -> !name.startsWith("NEWSFLOW_") || name.equals("NEWSFLOW_DATA_DIR"));
        return NewsflowConfig.load(Map.of(), null, newsflow);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
