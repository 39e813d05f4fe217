package io.newsflow.enrich.dedup.bench;

import io.newsflow.avro.ItemKind;
import io.newsflow.enrich.dedup.DedupItem;
import io.newsflow.enrich.dedup.DedupSettings;
import io.newsflow.enrich.dedup.InMemoryDedupStore;
import io.newsflow.enrich.dedup.NearDuplicateIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * findOriginal on an index holding 100k briefs: half the queries are one-word edits of indexed
 * briefs (hits), half are new briefs (misses). Includes fingerprinting the query, as the stream does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class IndexLookupBenchmark {

    private static final int QUERIES = 1024;
    private static final long MINUTE = 60_000L;

    @Param("100000")
    public int indexed;

    private NearDuplicateIndex index;
    private final DedupItem[] queries = new DedupItem[QUERIES];
    private int next;

    @Setup
    public void setUp() {
        BenchmarkTexts texts = new BenchmarkTexts();
        index = new NearDuplicateIndex(DedupSettings.defaults(), new InMemoryDedupStore());
        long t0 = 1_491_552_000_000L;
        for (int i = 0; i < indexed; i++) {
            String headline = texts.words(10);
            String summary = texts.words(30);
            DedupItem item = new DedupItem("b" + i, ItemKind.BRIEF, t0 + i * MINUTE / 20, headline, List.of(summary));
            index.add(item);
            if (i % (indexed / (QUERIES / 2)) == 0 && i / (indexed / (QUERIES / 2)) < QUERIES / 2) {
                int q = 2 * (i / (indexed / (QUERIES / 2)));
                queries[q] = new DedupItem(
                        "q" + q,
                        ItemKind.BRIEF,
                        item.eventTime() + MINUTE,
                        headline,
                        List.of(summary.replaceFirst(" \\S+ ", " changed ")));
                queries[q + 1] = new DedupItem(
                        "q" + (q + 1),
                        ItemKind.BRIEF,
                        item.eventTime() + MINUTE,
                        texts.words(10),
                        List.of(texts.words(30)));
            }
        }
    }

    @Benchmark
    public Optional<?> findOriginal() {
        return index.findOriginal(queries[next++ & (QUERIES - 1)]);
    }
}
