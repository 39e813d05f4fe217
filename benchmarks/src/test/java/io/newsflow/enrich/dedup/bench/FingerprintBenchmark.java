package io.newsflow.enrich.dedup.bench;

import io.newsflow.enrich.bench.BytesConsumed;
import io.newsflow.enrich.dedup.ContentFingerprint;
import io.newsflow.enrich.dedup.DedupSettings;
import io.newsflow.enrich.dedup.Fingerprinter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Fingerprinting throughput (normalise, shingle, MinHash, band keys) of 40-word briefs and
 * 600-word articles. ops/s are items/s; the "bytes" counter is UTF-8 input bytes/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class FingerprintBenchmark {

    private static final int VARIANTS = 64;

    private final Fingerprinter fingerprinter = new Fingerprinter(DedupSettings.defaults());
    private final String[] headlines = new String[VARIANTS];
    private final String[] briefs = new String[VARIANTS];
    private final String[] articles = new String[VARIANTS];
    private int next;

    @Setup
    public void setUp() {
        BenchmarkTexts texts = new BenchmarkTexts();
        for (int i = 0; i < VARIANTS; i++) {
            headlines[i] = texts.words(10);
            briefs[i] = texts.words(30);
            articles[i] = String.join("\n\n", texts.paragraphs(590));
        }
    }

    @Benchmark
    public long brief40Words(BytesConsumed counter) {
        int i = next++ & (VARIANTS - 1);
        counter.bytes += headlines[i].getBytes(StandardCharsets.UTF_8).length
                + briefs[i].getBytes(StandardCharsets.UTF_8).length;
        return use(fingerprinter.fingerprint(headlines[i], briefs[i]));
    }

    @Benchmark
    public long article600Words(BytesConsumed counter) {
        int i = next++ & (VARIANTS - 1);
        counter.bytes += headlines[i].getBytes(StandardCharsets.UTF_8).length
                + articles[i].getBytes(StandardCharsets.UTF_8).length;
        return use(fingerprinter.fingerprint(headlines[i], articles[i]));
    }

    private long use(ContentFingerprint fingerprint) {
        return fingerprinter.lookupKeys(fingerprint)[0];
    }
}
