package io.newsflow.enrich.dedup;

import java.time.Duration;

/**
 * Every knob of the dedup logic in one place, so a verdict can name the settings that produced it
 * ({@link #version()}) and a replay with the same settings reproduces it.
 *
 * @param shingleSize         words per shingle
 * @param unigrams            single words are shingles too, besides the k-grams: a one-word edit then
 *                            costs a 20-word brief fewer shingles. Always or never, for every text: a
 *                            length cut-off would give a text and its edit (appended sentence, or a
 *                            brief and an article lead) differently built shingle sets
 * @param numHashes           MinHash signature length
 * @param bands               LSH bands; {@code bands * rows <= numHashes}
 * @param rows                signature rows per band
 * @param nearThreshold       minimum estimated Jaccard for a near duplicate
 * @param leadThreshold       minimum estimated Jaccard between a brief and an article's headline + lead
 * @param leadMinWords        an article's lead is its first paragraphs up to at least this many words
 * @param numberContainment   minimum share of the numbers of the text with fewer numbers found in the other
 * @param nameContainment     same for capitalised mid-sentence words (names)
 * @param keyTermCap          at most this many number/name hashes are kept per item (bottom-k)
 * @param retention           event-time window within which duplicates are looked for
 * @param seed                seed of the MinHash permutations; changing it changes every signature
 */
public record DedupSettings(
        int shingleSize,
        boolean unigrams,
        int numHashes,
        int bands,
        int rows,
        double nearThreshold,
        double leadThreshold,
        int leadMinWords,
        double numberContainment,
        double nameContainment,
        int keyTermCap,
        Duration retention,
        long seed) {

    public DedupSettings {
        if (shingleSize < 1 || numHashes < 1 || bands < 1 || rows < 1 || bands * rows > numHashes) {
            throw new IllegalArgumentException(
                    "need shingleSize, numHashes, bands, rows >= 1 and bands * rows <= numHashes");
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
    }

    public static DedupSettings defaults() {
        return new DedupSettings(
                3, true, 128, 42, 3, 0.5, 0.5, 12, 1.0, 0.5, 64, Duration.ofDays(7), 0x6E657773666C6F77L);
    }

    public DedupSettings withShingles(int size, boolean withUnigrams) {
        return new DedupSettings(
                size,
                withUnigrams,
                numHashes,
                bands,
                rows,
                nearThreshold,
                leadThreshold,
                leadMinWords,
                numberContainment,
                nameContainment,
                keyTermCap,
                retention,
                seed);
    }

    public DedupSettings withGuard(double numbers, double names) {
        return new DedupSettings(
                shingleSize,
                unigrams,
                numHashes,
                bands,
                rows,
                nearThreshold,
                leadThreshold,
                leadMinWords,
                numbers,
                names,
                keyTermCap,
                retention,
                seed);
    }

    public DedupSettings withRetention(Duration window) {
        return new DedupSettings(
                shingleSize,
                unigrams,
                numHashes,
                bands,
                rows,
                nearThreshold,
                leadThreshold,
                leadMinWords,
                numberContainment,
                nameContainment,
                keyTermCap,
                window,
                seed);
    }

    /** Compact description for Enrichment.rulesVersion / DuplicateNotice.rulesVersion. */
    public String version() {
        return "dedup:k" + shingleSize + (unigrams ? "+1" : "") + ":mh" + numHashes + ":b" + bands + "r" + rows
                + ":j" + nearThreshold + "/" + leadThreshold + ":g" + numberContainment + "/" + nameContainment
                + ":s" + Long.toHexString(seed);
    }
}
