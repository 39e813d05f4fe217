package io.newsflow.enrich.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns a headline + body into a {@link ContentFingerprint}: normalise, shingle into word k-grams
 * (plus single words), MinHash. Thread-safe; deterministic for given settings.
 */
public final class Fingerprinter {

    /** Distinguishes unigram shingles from k-gram shingles of the same words. */
    private static final long UNIGRAM_TAG = 0x554E494752414DL;

    private final DedupSettings settings;
    private final DedupText normalizer = new DedupText();
    private final MinHasher minHasher;
    private final LshBanding banding;

    public Fingerprinter(DedupSettings settings) {
        this.settings = settings;
        this.minHasher = new MinHasher(settings.numHashes(), settings.seed());
        this.banding = new LshBanding(settings.bands(), settings.rows());
    }

    public ContentFingerprint fingerprint(String headline, String body) {
        NormalizedText text = normalizer.normalize(headline, body);
        long[] shingles = shingleHashes(text.tokens());
        int count = sortDistinct(shingles);
        return new ContentFingerprint(
                sha256Hex(text.text()),
                minHasher.signature(shingles, count),
                count,
                KeyTerms.of(text, settings.keyTermCap()));
    }

    /** Band keys followed by the exact-hash key: every key an item is stored and looked up under. */
    public long[] lookupKeys(ContentFingerprint fingerprint) {
        long[] bands = banding.bandKeys(fingerprint.signature());
        long[] keys = Arrays.copyOf(bands, bands.length + 1);
        keys[bands.length] = fingerprint.exactKey();
        return keys;
    }

    public DedupSettings settings() {
        return settings;
    }

    /**
     * Function words are left out of the single-word shingles: every English text shares them, and
     * they made unrelated items look partly similar, so each LSH lookup drew candidates from a fixed
     * share of the whole index (a scan in disguise). They stay inside the word 3-shingles.
     */
    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of(
            "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is",
            "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "that", "this", "which", "who", "he",
            "she", "they", "his", "her", "their", "said", "says", "will", "would", "not", "after", "over", "into",
            "than", "also", "about", "up", "out");

    private long[] shingleHashes(List<String> tokens) {
        int n = tokens.size();
        if (n == 0) {
            return new long[0];
        }
        long[] words = new long[n];
        for (int i = 0; i < n; i++) {
            words[i] = Hashing.hash(tokens.get(i));
        }
        int k = Math.min(settings.shingleSize(), n);
        boolean unigrams = k > 1 && settings.unigrams();
        long[] out = new long[n - k + 1 + (unigrams ? n : 0)];
        int o = 0;
        for (int i = 0; i + k <= n; i++) {
            long h = words[i];
            for (int j = 1; j < k; j++) {
                h = Hashing.combine(h, words[i + j]);
            }
            out[o++] = h;
        }
        if (unigrams) {
            for (int i = 0; i < n; i++) {
                if (!FUNCTION_WORDS.contains(tokens.get(i))) {
                    out[o++] = Hashing.combine(UNIGRAM_TAG, words[i]);
                }
            }
        }
        return o == out.length ? out : java.util.Arrays.copyOf(out, o);
    }

    /** Sorts in place and moves the distinct values to the front; returns how many there are. */
    private static int sortDistinct(long[] values) {
        Arrays.sort(values);
        int distinct = 0;
        for (int i = 0; i < values.length; i++) {
            if (distinct == 0 || values[i] != values[distinct - 1]) {
                values[distinct++] = values[i];
            }
        }
        return distinct;
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
