package io.newsflow.enrich.dedup;

/**
 * Fast, deterministic 64-bit hashing for shingles and band keys. String.hashCode is only 32 bits
 * and badly distributed for short strings; these functions give the same values on every JVM,
 * instance and replay, which the Kafka keys derived from them require.
 */
final class Hashing {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashing() {}

    /** MurmurHash3's 64-bit finaliser: a bijective avalanche mix. */
    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** Hash of a run of chars: one multiply-add per char, then a final avalanche. */
    static long hashChars(CharSequence s, int from, int to) {
        long h = GOLDEN ^ (to - from);
        for (int i = from; i < to; i++) {
            h = (h + s.charAt(i)) * 0x100000001B3L;
        }
        return mix64(h);
    }

    static long hash(String s) {
        return hashChars(s, 0, s.length());
    }

    /** Order-dependent combination of two hashes (shingle = ordered word sequence). */
    static long combine(long h, long next) {
        return mix64(Long.rotateLeft(h, 31) * GOLDEN + next);
    }

    /** The SplitMix64 sequence: fixed seeds for the MinHash permutations from one constant. */
    static long[] splitMix64(long seed, int count) {
        long[] out = new long[count];
        long state = seed;
        for (int i = 0; i < count; i++) {
            state += GOLDEN;
            out[i] = mix64(state);
        }
        return out;
    }
}
