package io.newsflow.enrich.tagging.bench;

import io.newsflow.enrich.bench.BytesConsumed;
import io.newsflow.enrich.tagging.AhoCorasickMatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The matcher alone over the same newswire text with 1k vs 100k synthetic place-like names
 * (capitalised pseudo-words, one or two words), to show the scan cost does not grow with the
 * dictionary. "bytes" is UTF-8 input bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MatcherScalingBenchmark {

    @Param({"1000", "100000"})
    public int names;

    private AhoCorasickMatcher matcher;
    private String text;
    private int textBytes;

    @Setup
    public void setUp() {
        matcher = new AhoCorasickMatcher(syntheticNames(names, 42));
        text = Corpus.text();
        textBytes = text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Benchmark
    public int scan(BytesConsumed throughput) {
        throughput.bytes += textBytes;
        return matcher.findAll(text).size();
    }

    /** Pronounceable names sharing prefixes the way real ones do ("Sar", "San", "Sant..."). */
    static List<String> syntheticNames(int count, long seed) {
        String[] syllables = {
            "sa", "ra", "to", "ni", "ko", "ba", "li", "ma", "an", "el", "ur", "go", "da", "ve", "mi", "zo", "ka", "te",
            "ri", "po", "lu", "ne", "ha", "si", "ta", "bu", "dor", "grad", "stan", "ville"
        };
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        while (out.size() < count) {
            StringBuilder b = new StringBuilder();
            int words = random.nextInt(4) == 0 ? 2 : 1;
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    b.append(' ');
                }
                StringBuilder word = new StringBuilder();
                int n = 2 + random.nextInt(3);
                for (int s = 0; s < n; s++) {
                    word.append(syllables[random.nextInt(syllables.length)]);
                }
                word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
                b.append(word);
            }
            out.add(b.toString());
        }
        return out;
    }
}
