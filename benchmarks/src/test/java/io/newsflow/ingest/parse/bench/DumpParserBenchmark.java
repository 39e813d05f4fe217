package io.newsflow.ingest.parse.bench;

import io.newsflow.ingest.parse.DumpParser;
import io.newsflow.ingest.parse.DumpReader;
import io.newsflow.ingest.parse.ParseOutcome;
import io.newsflow.ingest.parse.ParsedDump;
import io.newsflow.ingest.parse.RawDump;
import io.newsflow.ingest.parse.ReadOutcome;
import io.newsflow.ingest.parse.Samples;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parser throughput on the sample dump replicated to about 1 MB. One operation handles the whole
 * megabyte, so operations per second times {@link #MEGABYTES} is MB/s; {@link #main} prints that.
 *
 * <pre>
 * mvn -o -q -B -pl ingest-service -am test-compile
 * mvn -o -q -B -pl ingest-service dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp ingest-service/target/test-classes:ingest-service/target/classes:schemas/target/classes:platform/target/classes:$(cat /tmp/cp.txt) \
 *     io.newsflow.ingest.parse.bench.DumpParserBenchmark
 * </pre>
 * The module's own target directories come first so that no older SNAPSHOT jar from ~/.m2 is measured.
 * (or {@code org.openjdk.jmh.Main DumpParserBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s} for plain JMH output).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DumpParserBenchmark {

    private static final int TARGET_BYTES = 1_000_000;
    private static final Instant MTIME = Instant.parse("2017-04-07T18:00:00Z");

    /** Size of one operation's input in MB (10^6 bytes of UTF-8), the same for every benchmark. */
    static final double MEGABYTES;

    private static final List<String> COPIES = new ArrayList<>();
    private static final byte[] FILE;

    static {
        String sample = Samples.aleppo();
        int size = sample.getBytes(StandardCharsets.UTF_8).length;
        int copies = Math.max(1, TARGET_BYTES / size);
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < copies; i++) {
            // Vary each copy a little so nothing can be cached by content.
            String copy = sample.replace("said Monday.", "said Monday " + i + ".");
            COPIES.add(copy);
            file.append(copy).append("\n=====\n");
        }
        FILE = file.toString().getBytes(StandardCharsets.UTF_8);
        MEGABYTES = COPIES.stream()
                        .mapToLong(c -> c.getBytes(StandardCharsets.UTF_8).length)
                        .sum()
                / 1e6;
    }

    private final DumpParser parser = new DumpParser();
    private final DumpReader reader = new DumpReader();
    private List<RawDump> dumps;

    @Setup
    public void setUp() {
        dumps = new ArrayList<>();
        for (int i = 0; i < COPIES.size(); i++) {
            dumps.add(RawDump.of("bench#" + i, COPIES.get(i), MTIME));
        }
    }

    /** Parsing only: about 1 MB of dumps already decoded to text. */
    @Benchmark
    public int parse() {
        int items = 0;
        for (RawDump d : dumps) {
            items += items(parser.parse(d));
        }
        return items;
    }

    /** Reading and parsing: one ~1 MB file of =====-separated dumps, from bytes to parsed dumps. */
    @Benchmark
    public int readAndParse() {
        int items = 0;
        for (ReadOutcome o : reader.read("bench.txt", FILE, MTIME)) {
            items += o instanceof RawDump d ? items(parser.parse(d)) : 0;
        }
        return items;
    }

    private static int items(ParseOutcome outcome) {
        return outcome instanceof ParsedDump p ? p.briefs().size() + 1 : 0;
    }

    /** Runs both benchmarks briefly on one thread and prints MB/s. */
    public static void main(String[] args) throws RunnerException {
        for (RunResult r : new Runner(new OptionsBuilder()
                        .include(DumpParserBenchmark.class.getName())
                        .threads(1)
                        .build())
                .run()) {
            double opsPerSecond = r.getPrimaryResult().getScore();
            System.out.printf(
                    "%s: %.1f MB/s (%.3f MB per op)%n",
                    r.getParams().getBenchmark(), opsPerSecond * MEGABYTES, MEGABYTES);
        }
    }
}
