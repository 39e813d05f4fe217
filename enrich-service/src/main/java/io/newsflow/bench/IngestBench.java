package io.newsflow.bench;

import io.newsflow.ingest.DumpPublisher;
import io.newsflow.ingest.IngestStats;
import io.newsflow.ingest.Ingester;
import io.newsflow.ingest.parse.DumpEvents;
import io.newsflow.ingest.parse.DumpParser;
import io.newsflow.ingest.parse.DumpReader;
import io.newsflow.ingest.parse.ParsedDump;
import io.newsflow.ingest.parse.RawDump;
import io.newsflow.ingest.parse.ReadOutcome;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Our ingester against Kafka's own {@code ProducerPerformance} on the same broker, at the same record
 * count, record size and producer settings, both with one transaction per file's worth of time.
 */
public final class IngestBench {
    static final String PERF_TOPIC = "bench.producer-performance";
    private static final double MIB = 1024 * 1024;

    private final Stack stack;
    private final Topics topics;

    public IngestBench(Stack stack, Topics topics) {
        this.stack = stack;
        this.topics = topics;
    }

    /** What our ingester did. */
    public record Ingested(long events, long valueBytes, double seconds, int files) {
        public double eventsPerSecond() {
            return events / seconds;
        }

        /** How long one file's transaction took on average: ProducerPerformance commits as often. */
        public long millisPerTransaction() {
            return Math.max(1, Math.round(seconds * 1000 / files));
        }

        public int averageValueSize() {
            return (int) Math.round((double) valueBytes / events);
        }
    }

    /** Ingests {@code files} through {@link Ingester#ingestAll}, timed from the first file read to the last commit. */
    public Ingested ingest(List<Path> files) {
        long start;
        long end;
        IngestStats stats;
        try (Ingester ingester = new Ingester(stack, DumpReader.DEFAULT_MAX_BYTES, Ingester.oneOffTransactionalId())) {
            start = System.nanoTime();
            ingester.ingestAll(files, null, result -> {
                if (!result.delivered()) {
                    throw new IllegalStateException("Ingesting " + result.sourceId() + " failed: " + result.error());
                }
            });
            end = System.nanoTime();
            stats = ingester.stats();
        }
        return new Ingested(stats.articles() + stats.briefs(), valueBytes(files), (end - start) / 1e9, files.size());
    }

    /** Bytes of the serialized values (wire format) of the events in {@code files}; not timed. */
    private long valueBytes(List<Path> files) {
        DumpReader reader = new DumpReader();
        DumpParser parser = new DumpParser();
        long bytes = 0;
        for (Path file : files) {
            for (ReadOutcome read : reader.read(file)) {
                if (read instanceof RawDump raw && parser.parse(raw) instanceof ParsedDump dump) {
                    bytes += DumpEvents.article(dump).map(a -> topics.articles.valueSerde().serializer()
                            .serialize(Topics.ARTICLES_NAME, a).length).orElse(0);
                    for (var brief : DumpEvents.briefs(dump)) {
                        bytes += topics.briefs.valueSerde().serializer().serialize(Topics.BRIEFS_NAME, brief).length;
                    }
                }
            }
        }
        return bytes;
    }

    /**
     * Runs {@code org.apache.kafka.tools.ProducerPerformance} in a child JVM with our classpath: as many
     * records as we ingested, of our average value size, unthrottled, with DumpPublisher's producer
     * settings, keyed over as many keys (so spread over the partitions like our item ids), and a
     * transaction committed as often as we committed one per file.
     */
    public ProducerPerfSummary producerPerformance(Ingested ours) throws IOException, InterruptedException {
        NewsflowConfig config = stack.config();
        TopicSetup.ensure(stack.kafkaClientProperties(), List.of(PERF_TOPIC), config.intValue(NewsflowConfig.PARTITIONS),
                (short) config.intValue(NewsflowConfig.REPLICATION_FACTOR));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                // The summary's decimals are parsed: keep them dots.
                "-Duser.language=en", "-Duser.country=US",
                "org.apache.kafka.tools.ProducerPerformance",
                "--bootstrap-server", stack.bootstrapServers(),
                "--topic", PERF_TOPIC,
                "--num-records", Long.toString(ours.events()),
                "--record-size", Integer.toString(ours.averageValueSize()),
                "--throughput", "-1",
                "--key-distribution", "random", "--record-key-range", Long.toString(ours.events()),
                "--transactional-id", "newsflow-bench-perf-" + UUID.randomUUID(),
                "--transaction-duration-ms", Long.toString(ours.millisPerTransaction()),
                "--command-property"));
        for (Map.Entry<String, Object> e : DumpPublisher.producerConfig(Map.of(), "unused").entrySet()) {
            if (!e.getKey().equals(ProducerConfig.TRANSACTIONAL_ID_CONFIG) && !e.getKey().equals(ProducerConfig.CLIENT_ID_CONFIG)) {
                command.add(e.getKey() + "=" + e.getValue());
            }
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance failed:\n" + output);
        }
        return ProducerPerfSummary.parse(output)
                .orElseThrow(() -> new IllegalStateException("No summary line in ProducerPerformance's output:\n" + output));
    }

    /** Adds both runs and their ratio to {@code table}. */
    public static void report(Ingested ours, ProducerPerfSummary theirs, ResultTable table) {
        table.add("ingest", "newsflow ingest (Ingester, 1 txn per file)", ours.events(), ours.seconds(),
                ours.valueBytes() / MIB / ours.seconds(), ours.files() + " files, avg value " + ours.averageValueSize() + " B");
        table.add("ingest", "kafka ProducerPerformance (same settings)", theirs.records(),
                theirs.records() / theirs.recordsPerSecond(), theirs.megabytesPerSecond(),
                "record-size " + ours.averageValueSize() + " B, txn every " + ours.millisPerTransaction() + " ms, p99 "
                        + theirs.p99LatencyMs() + " ms");
        table.ratio("ingest events/s: newsflow ingest / ProducerPerformance", ours.eventsPerSecond(), theirs.recordsPerSecond());
    }
}
