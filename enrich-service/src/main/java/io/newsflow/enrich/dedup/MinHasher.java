package io.newsflow.enrich.dedup;

/**
 * MinHash signatures (Broder 1997) of 64-bit shingle hashes. Permutation i is approximated by the
 * multiply-add-shift hash (a_i * x + b_i) >>> 32 with fixed a_i, b_i from a seeded SplitMix64, so
 * every instance and every replay computes identical signatures; the inputs are already avalanched
 * 64-bit hashes, which is what makes one multiply per value enough.
 */
final class MinHasher {

    private final long[] multipliers;
    private final long[] increments;

    MinHasher(int numHashes, long seed) {
        long[] raw = Hashing.splitMix64(seed, 2 * numHashes);
        multipliers = new long[numHashes];
        increments = new long[numHashes];
        for (int i = 0; i < numHashes; i++) {
            multipliers[i] = raw[2 * i] | 1L;
            increments[i] = raw[2 * i + 1];
        }
    }

    /** Signature of the given distinct shingle hashes; empty when there are none. */
    int[] signature(long[] shingles, int count) {
        if (count == 0) {
            return new int[0];
        }
        int n = multipliers.length;
        long[] min = new long[n];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (int s = 0; s < count; s++) {
            long x = shingles[s];
            for (int i = 0; i < n; i++) {
                long v = (multipliers[i] * x + increments[i]) >>> 32;
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        int[] signature = new int[n];
        for (int i = 0; i < n; i++) {
            signature[i] = (int) min[i];
        }
        return signature;
    }

    /** Share of equal positions: an unbiased estimate of the Jaccard similarity of the shingle sets. */
    static double estimateJaccard(int[] a, int[] b) {
        if (a.length == 0 || a.length != b.length) {
            return 0.0;
        }
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return (double) equal / a.length;
    }
}
