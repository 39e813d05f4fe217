package io.newsflow.enrich.dedup;

/**
 * LSH banding (Leskovec, Rajaraman, Ullman, Mining of Massive Datasets, ch. 3.4): the signature is
 * cut into b bands of r rows; two items become candidates when all rows of at least one band agree,
 * which happens with probability 1 - (1 - s^r)^b for Jaccard similarity s. Each band hashes to one
 * 64-bit key that includes the band index, so near duplicates meet under a common key: the key to
 * repartition by.
 */
final class LshBanding {

    private final int bands;
    private final int rows;

    public LshBanding(int bands, int rows) {
        this.bands = bands;
        this.rows = rows;
    }

    public long[] bandKeys(int[] signature) {
        if (signature.length < bands * rows) {
            return new long[0];
        }
        long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) {
            long h = Hashing.mix64(b + 1L);
            for (int r = 0; r < rows; r++) {
                h = Hashing.combine(h, signature[b * rows + r] & 0xFFFFFFFFL);
            }
            keys[b] = h;
        }
        return keys;
    }

    /** Probability that two items of Jaccard similarity s share at least one band. */
    public double candidateProbability(double s) {
        return 1.0 - Math.pow(1.0 - Math.pow(s, rows), bands);
    }

    /** A band key as a fixed-width string, for Kafka keys and logs. */
    public static String keyString(long key) {
        return String.format("%016x", key);
    }
}
