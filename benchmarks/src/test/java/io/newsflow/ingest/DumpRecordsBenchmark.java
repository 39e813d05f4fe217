package io.newsflow.ingest;

import io.newsflow.ingest.parse.DumpReader;
import io.newsflow.ingest.parse.Samples;
import io.newsflow.platform.testing.InMemorySchemaRegistryClient;
import io.newsflow.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What ingest's preparing thread does per event: read a file of dumps, parse them, make the ids and
 * events, serialize the values and build the records (everything but sending). One operation is one
 * event, so the score is the time per event.
 *
 * <pre>
 * java -cp ingest-service/target/test-classes:ingest-service/target/classes:schemas/target/classes:platform/target/classes:platform/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.openjdk.jmh.Main DumpRecordsBenchmark -f 1 -wi 5 -i 5 -w 2s -r 2s
 * </pre>
 * (on shared cores add {@code -prof io.newsflow.enrich.bench.CpuTimeProfiler} with enrich-service's test classes
 * on the class path: CPU time per event is the score times {@code cpu.share}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DumpRecordsBenchmark {
    /** Dumps per file, about what the ingest bench writes (40000 items in 8 files). */
    private static final int DUMPS = 250;
    /** The sample's article and 18 briefs in each dump. */
    private static final int EVENTS = DUMPS * 19;

    private static final byte[] FILE;

    static {
        // The sample with a header block, its number in every paragraph so no two ids are alike.
        String sample = Samples.aleppo();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < DUMPS; i++) {
            file.append("Source: newsflow-bench\nURL: https://news.example/bench/")
                    .append(i)
                    .append("\nCaptured: ")
                    .append(Samples.MTIME.plus(Duration.ofSeconds(61L * i + 1, 123_456_789L)))
                    .append("\n\n")
                    .append(sample.replace(".\n", " (" + i + ").\n"))
                    .append("\n=====\n");
        }
        FILE = file.toString().getBytes(StandardCharsets.UTF_8);
        int[] events = {0};
        records().prepare("count", new DumpReader().read("bench.txt", FILE, Samples.MTIME), r -> events[0] += r.size());
        if (events[0] != EVENTS) {
            throw new IllegalStateException("expected " + EVENTS + " events in the bench file, got " + events[0]);
        }
    }

    private final DumpReader reader = new DumpReader();
    private final DumpRecords records = records();
    private long sink;

    private static DumpRecords records() {
        AvroSerializer<SpecificRecord> values = new AvroSerializer<>(new InMemorySchemaRegistryClient());
        values.configure(Map.of(), false);
        return new DumpRecords(values, Clock.fixed(Samples.MTIME, ZoneOffset.UTC));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long prepareFile() {
        records.prepare("bench.txt", reader.read("bench.txt", FILE, Samples.MTIME), r -> sink += r.size());
        return sink;
    }
}
