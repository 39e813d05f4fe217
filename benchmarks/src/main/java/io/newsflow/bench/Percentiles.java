package io.newsflow.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample (no interpolation: every value reported was measured). */
public record Percentiles(int count, long p50, long p99, long max) {

    public static Percentiles of(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    /** The smallest value with at least {@code percent}% of the sample at or below it. */
    static long rank(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
