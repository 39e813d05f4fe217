package io.newsflow.enrich.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The textbook SimHash (Charikar 2002; Manku et al. 2007): 64 bits over term-frequency weighted
 * words, duplicates at Hamming distance <= 3. Only for comparison in the evaluation, so it scans.
 */
final class SimHashBaseline {

    private static final int MAX_HAMMING = 3;
    private final DedupText normalizer = new DedupText();

    long simHash(DedupItem item) {
        Map<String, Integer> tf = new HashMap<>();
        normalizer.normalize(item.headline(), item.body()).tokens().forEach(t -> tf.merge(t, 1, Integer::sum));
        int[] weights = new int[64];
        tf.forEach((token, count) -> {
            long h = Hashing.hash(token);
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((h >>> bit) & 1) == 1 ? count : -count;
            }
        });
        long hash = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                hash |= 1L << bit;
            }
        }
        return hash;
    }

    /** For items in arrival order: the original of the earliest earlier item within the Hamming radius. */
    List<String> originals(List<DedupItem> items) {
        List<Long> hashes = new ArrayList<>();
        List<String> originals = new ArrayList<>();
        for (DedupItem item : items) {
            long h = simHash(item);
            String original = item.id();
            for (int i = 0; i < hashes.size(); i++) {
                if (Long.bitCount(h ^ hashes.get(i)) <= MAX_HAMMING) {
                    original = originals.get(i);
                    break;
                }
            }
            hashes.add(h);
            originals.add(original);
        }
        return originals;
    }
}
