package io.newsflow.enrich.tagging.bench;

import io.newsflow.enrich.bench.BytesConsumed;
import io.newsflow.enrich.tagging.Tagger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Full tagging (regions, topics, keywords) with the bundled gazetteer, one thread. The "bytes"
 * secondary result is UTF-8 input bytes per second.
 *
 * <p>Run from the repository root, after the test command has compiled the modules:
 * <pre>
 * mvn -o -q -pl enrich-service dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * CP=enrich-service/target/classes:enrich-service/target/test-classes:schemas/target/classes:\
 * platform/target/classes:ingest-service/target/classes:$(tr ':' '\n' &lt; /tmp/cp.txt | grep -v /io/newsflow/ | paste -sd:)
 * java -cp "$CP" org.openjdk.jmh.Main 'io.newsflow.enrich.tagging.bench' -f 2 -wi 10 -w 2s -i 5 -r 2s \
 *   -prof io.newsflow.enrich.bench.CpuTimeProfiler
 * </pre>
 * The module classes go first and the io.newsflow jars of ~/.m2 are left out, so the benchmark
 * runs this checkout's code rather than whatever SNAPSHOT was last installed there. The long
 * warm-up is for shared cores, where the JIT compiler threads get little time; "bytes.cpu" is the
 * rate per core there (see CpuTimeProfiler).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TaggerBenchmark {

    private Tagger tagger;
    private List<Corpus.Item> items;

    @Setup
    public void setUp() {
        tagger = Tagger.createDefault();
        items = Corpus.items();
    }

    @Benchmark
    public void tagCorpus(BytesConsumed throughput, Blackhole bh) {
        for (Corpus.Item item : items) {
            bh.consume(tagger.tag(item.headline(), item.paragraphs()));
            throughput.bytes += item.utf8Bytes();
        }
    }
}
