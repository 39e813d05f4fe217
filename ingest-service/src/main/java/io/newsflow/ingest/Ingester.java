package io.newsflow.ingest;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.DeadLetter;
import io.newsflow.ingest.parse.DumpReader;
import io.newsflow.ingest.parse.ReadOutcome;
import io.newsflow.platform.metrics.ServiceMetrics;
import io.newsflow.platform.stack.Stack;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import io.newsflow.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Reads dump sources and publishes them through one {@link DumpPublisher}; what `ingest` and `run` share. */
public final class Ingester implements AutoCloseable {
    public static final String STDIN = "-";
    private static final Logger log = LoggerFactory.getLogger(Ingester.class);
    /** Prepared but not yet sent values, at most: a few of the largest files the reader accepts. */
    private static final int IN_FLIGHT_BYTES = 64 << 20;
    /** Records a batch keeps for publishing its files one by one should the batch fail. */
    private static final long BATCH_BYTES = 16 << 20;

    private final DumpReader reader;
    private final SchemaRegistryClient registry;
    private final DumpPublisher publisher;
    private final IngestStats stats = new IngestStats();
    private final IngestMetrics metrics = new IngestMetrics();
    private final DumpLog dumpLog = new DumpLog();

    public Ingester(Stack stack, long maxDumpBytes, String transactionalId) {
        this.reader = new DumpReader(maxDumpBytes);
        this.registry = stack.registryClient();
        AvroSerializer<SpecificRecord> values = new AvroSerializer<>(registry);
        values.configure(stack.registryProperties(), false);
        resolveSchemaIds(values);
        this.publisher = new DumpPublisher(stack.kafkaClientProperties(), values, transactionalId, Clock.systemUTC());
    }

    /**
     * Asks the registry for the ids of the schemas published before the first source is read, not in
     * its transaction; if the registry is not reachable yet, serializing retries and fails per source as before.
     */
    private static void resolveSchemaIds(AvroSerializer<SpecificRecord> values) {
        try {
            values.schemaId(Topics.ARTICLES_NAME, Article.getClassSchema());
            values.schemaId(Topics.BRIEFS_NAME, Brief.getClassSchema());
            values.schemaId(Topics.DLQ_NAME, DeadLetter.getClassSchema());
        } catch (SerializationException e) {
            log.warn("Schema ids not resolved at startup: {}", e.getMessage());
        }
    }

    /** A transactional id of its own for a one-off run; the spool watcher uses a stable one instead. */
    public static String oneOffTransactionalId() {
        return "newsflow-ingest-" + UUID.randomUUID();
    }

    /**
     * Files under the given paths: directories recursively, in sorted order; "-" stands for stdin. A
     * symbolic link named here is read as its target (the user chose it); links met inside directories
     * are listed as they are, and the reader refuses them.
     */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (path.toString().equals(STDIN) || !Files.isDirectory(path)) {
                files.add(resolved(path));
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + path + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    private static Path resolved(Path path) {
        try {
            return Files.isSymbolicLink(path) ? path.toRealPath() : path;
        } catch (IOException e) {
            return path; // a dangling link: the reader says so
        }
    }

    public List<ReadOutcome> read(Path file, InputStream stdin, Clock clock) {
        return file.toString().equals(STDIN) ? reader.read("stdin", stdin, clock.instant()) : reader.read(file);
    }

    public DumpPublisher.Result ingest(Path file, InputStream stdin) {
        stats.transactions.incrementAndGet();
        DumpPublisher.Result result =
                counted(file, publisher.publish(file.toString(), read(file, stdin, Clock.systemUTC())));
        dumpLog.flush();
        return result;
    }

    /**
     * Ingests {@code files} in order, handing each result to {@code onResult} once committed. Files are
     * read, parsed and serialized on another thread and their records sent in pieces as they are ready.
     * Files prepared faster than they commit share a transaction ({@link DumpPublisher.Batch}, up to
     * {@value #BATCH_BYTES} bytes): a batch is committed as soon as the next file is not ready yet, so
     * committing never waits for more input. Every file is still all or nothing, and one that fails
     * fails alone.
     */
    public void ingestAll(List<Path> files, InputStream stdin, Consumer<DumpPublisher.Result> onResult) {
        SourcePipeline pipeline = new SourcePipeline(IN_FLIGHT_BYTES);
        Thread preparer = new Thread(
                () -> {
                    try {
                        for (Path file : files) {
                            pipeline.end(publisher.prepare(
                                    file.toString(), read(file, stdin, Clock.systemUTC()), pipeline::put));
                        }
                    } catch (RuntimeException e) {
                        pipeline.fail(e);
                    } catch (Error e) {
                        // Said to the sending thread too, which would otherwise wait for this thread's records for
                        // ever.
                        pipeline.fail(new IllegalStateException("Preparing sources failed: " + e, e));
                        throw e;
                    }
                },
                "newsflow-ingest-prepare");
        preparer.setDaemon(true);
        preparer.start();
        try {
            DumpPublisher.Batch batch = publisher.beginBatch();
            List<Path> batched = new ArrayList<>();
            for (Path file : files) {
                pipeline.sendNext(batch);
                batched.add(file);
                if (!pipeline.ready() || batch.bytes() >= BATCH_BYTES) {
                    List<DumpPublisher.Result> results = batch.commit();
                    stats.transactions.addAndGet(batch.transactions());
                    for (int i = 0; i < results.size(); i++) {
                        onResult.accept(counted(batched.get(i), results.get(i)));
                    }
                    batch = publisher.beginBatch();
                    batched.clear();
                }
            }
        } finally {
            preparer.interrupt();
            dumpLog.flush();
        }
    }

    private DumpPublisher.Result counted(Path file, DumpPublisher.Result result) {
        long bytes = sizeOf(file);
        dumpLog.write(result);
        metrics.record(result, bytes);
        stats.files.incrementAndGet();
        stats.bytes.addAndGet(bytes);
        stats.dumps.addAndGet(result.dumps());
        if (result.delivered()) {
            stats.articles.addAndGet(result.articles());
            stats.briefs.addAndGet(result.briefs());
            stats.failed.addAndGet(result.deadLetters());
        } else {
            stats.failed.addAndGet(result.dumps());
        }
        return result;
    }

    private static long sizeOf(Path file) {
        try {
            return file.toString().equals(STDIN) ? 0 : Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    public DumpPublisher publisher() {
        return publisher;
    }

    public IngestStats stats() {
        return stats;
    }

    /** For /metrics: the producer's metrics and our own counters (newsflow_ingest_*). */
    public Map<MetricName, ? extends Metric> metrics() {
        return ServiceMetrics.union(publisher::metrics, metrics::metrics).get();
    }

    @Override
    public void close() {
        dumpLog.close();
        publisher.close();
        registry.close();
        metrics.close();
    }
}
