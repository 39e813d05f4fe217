package io.newsflow.bench;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Our ingester against Kafka's own {@code ProducerPerformance} on the same broker, at the same record
 * count, record size and producer settings, both with one transaction per file's worth of time.
 *
 * <p>Measured twice, like with like: a first pass, where our code and ProducerPerformance's child JVM
 * both start cold (what a one-off {@code ingest} run sees), and a warm pass, our second ingest of the
 * same files against ProducerPerformance's steady state after as many warm-up records. The broker is
 * warmed up before either, so neither side pays for its JIT compilation.
 */
public final class IngestBench {
    static final String PERF_TOPIC = "bench.producer-performance";
    private static final double MIB = 1024 * 1024;
    private static final long WARM_UP_TRANSACTION_MS = 1000;

    private final Stack stack;
    private final Topics topics;

    public IngestBench(Stack stack, Topics topics) {
        this.stack = stack;
        this.topics = topics;
    }

    /** The events in the bench files and the bytes of their serialized values (wire format). */
    public record Values(long events, long bytes) {
        public int averageSize() {
            return (int) Math.round((double) bytes / events);
        }
    }

    /** What our ingester did in one pass over the files. */
    public record Ingested(long events, Values values, double seconds, int files, long transactions) {
        public double eventsPerSecond() {
            return events / seconds;
        }

        /** How long one of our transactions took on average: ProducerPerformance commits as often. */
        public long millisPerTransaction() {
            return Math.max(1, Math.round(seconds * 1000 / Math.max(1, transactions)));
        }
    }

    /**
     * Ingests {@code files} through {@link Ingester#ingestAll}, timed from the first file read to the
     * last commit. Their {@code values} are counted afterwards when not given: parsing them all before
     * a first pass would compile our code before it is measured cold.
     */
    public Ingested ingest(List<Path> files, Values values) {
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
        return new Ingested(
                stats.articles() + stats.briefs(),
                values == null ? values(files) : values,
                (end - start) / 1e9,
                files.size(),
                stats.transactions());
    }

    /** The events of {@code files} and their serialized size; not timed. */
    private Values values(List<Path> files) {
        DumpReader reader = new DumpReader();
        long events = 0;
        long bytes = 0;
        for (Path file : files) {
            Values values = valuesOf(reader.read(file));
            events += values.events();
            bytes += values.bytes();
        }
        return new Values(events, bytes);
    }

    private Values valuesOf(List<ReadOutcome> reads) {
        DumpParser parser = new DumpParser();
        long events = 0;
        long bytes = 0;
        for (ReadOutcome read : reads) {
            if (read instanceof RawDump raw && parser.parse(raw) instanceof ParsedDump dump) {
                for (Article article : DumpEvents.article(dump).stream().toList()) {
                    bytes += topics.articles.valueSerde().serializer().serialize(Topics.ARTICLES_NAME, article).length;
                    events++;
                }
                for (Brief brief : DumpEvents.briefs(dump)) {
                    bytes += topics.briefs.valueSerde().serializer().serialize(Topics.BRIEFS_NAME, brief).length;
                    events++;
                }
            }
        }
        return new Values(events, bytes);
    }

    /**
     * An unmeasured ProducerPerformance run of {@code records} records the size of one bench dump's
     * values (one dump: too little to compile our code), so the broker's code is compiled before we
     * measure.
     */
    public void warmUpBroker(BenchDumps dumps, long records) throws IOException, InterruptedException {
        Instant now = Instant.now();
        Values one =
                valuesOf(new DumpReader().read("bench-0", dumps.dump(0, now).getBytes(StandardCharsets.UTF_8), now));
        producerPerformance(records, one.averageSize(), WARM_UP_TRANSACTION_MS, 0);
    }

    /** ProducerPerformance in a fresh JVM, matched to {@code ours}: compare with a first pass. */
    public ProducerPerfSummary producerPerformance(Ingested ours) throws IOException, InterruptedException {
        String output = producerPerformance(ours.events(), ours.values().averageSize(), ours.millisPerTransaction(), 0);
        return ProducerPerfSummary.parse(output)
                .orElseThrow(
                        () -> new IllegalStateException("No summary line in ProducerPerformance's output:\n" + output));
    }

    /**
     * ProducerPerformance's steady state matched to {@code ours}: as many records again before them as
     * warm-up, as our second pass had our first: compare with a warm pass.
     */
    public ProducerPerfSummary producerPerformanceSteadyState(Ingested ours) throws IOException, InterruptedException {
        String output = producerPerformance(
                2 * ours.events(), ours.values().averageSize(), ours.millisPerTransaction(), ours.events());
        return ProducerPerfSummary.parseSteadyState(output)
                .orElseThrow(() ->
                        new IllegalStateException("No steady-state line in ProducerPerformance's output:\n" + output));
    }

    /**
     * Runs {@code org.apache.kafka.tools.ProducerPerformance} in a child JVM with our classpath:
     * unthrottled, with DumpPublisher's producer settings, keyed over as many keys as records (so spread
     * over the partitions like our item ids), a transaction committed every {@code transactionMs}.
     */
    private String producerPerformance(long records, int recordSize, long transactionMs, long warmUpRecords)
            throws IOException, InterruptedException {
        NewsflowConfig config = stack.config();
        TopicSetup.ensure(config, List.of(PERF_TOPIC), config.intValue(NewsflowConfig.PARTITIONS), (short)
                config.intValue(NewsflowConfig.REPLICATION_FACTOR));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                // The summary's decimals are parsed: keep them dots.
                "-Duser.language=en",
                "-Duser.country=US",
                "org.apache.kafka.tools.ProducerPerformance",
                "--bootstrap-server",
                stack.bootstrapServers(),
                "--topic",
                PERF_TOPIC,
                "--num-records",
                Long.toString(records),
                "--warmup-records",
                Long.toString(warmUpRecords),
                "--record-size",
                Integer.toString(recordSize),
                "--throughput",
                "-1",
                "--key-distribution",
                "random",
                "--record-key-range",
                Long.toString(records),
                "--transactional-id",
                "newsflow-bench-perf-" + UUID.randomUUID(),
                "--transaction-duration-ms",
                Long.toString(transactionMs),
                "--command-property"));
        for (Map.Entry<String, Object> e :
                DumpPublisher.producerConfig(Map.of(), "unused").entrySet()) {
            if (!e.getKey().equals(ProducerConfig.TRANSACTIONAL_ID_CONFIG)
                    && !e.getKey().equals(ProducerConfig.CLIENT_ID_CONFIG)) {
                command.add(e.getKey() + "=" + e.getValue());
            }
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance failed:\n" + output);
        }
        return output;
    }

    /** Adds both runs of one pass ({@code first pass} or {@code warm}) and their ratio to {@code table}. */
    public static void report(String pass, Ingested ours, ProducerPerfSummary theirs, ResultTable table) {
        table.add(
                "ingest",
                "newsflow ingest, " + pass,
                ours.events(),
                ours.seconds(),
                ours.values().bytes() / MIB / ours.seconds(),
                ours.files() + " files in " + ours.transactions() + " txns, avg value "
                        + ours.values().averageSize() + " B");
        table.add(
                "ingest",
                "kafka ProducerPerformance, " + pass,
                theirs.records(),
                theirs.records() / theirs.recordsPerSecond(),
                theirs.megabytesPerSecond(),
                "record-size " + ours.values().averageSize() + " B, txn every " + ours.millisPerTransaction()
                        + " ms, p99 " + theirs.p99LatencyMs() + " ms");
        table.ratio(
                "ingest " + pass + ": newsflow / ProducerPerformance events/s",
                ours.eventsPerSecond(),
                theirs.recordsPerSecond());
    }
}
