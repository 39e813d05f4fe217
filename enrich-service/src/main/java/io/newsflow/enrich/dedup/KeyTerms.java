package io.newsflow.enrich.dedup;

import java.util.Arrays;
import java.util.List;

/**
 * The numbers and names of a text as sorted 32-bit hashes, capped to the smallest {@code cap}
 * (a bottom-k sketch), so the formulaic-story guard costs a few dozen bytes per stored item.
 * Formulaic stories (market reports, dividend notices, results) share most words and differ in
 * exactly these terms.
 */
record KeyTerms(int[] numbers, int[] names) {

    static KeyTerms of(NormalizedText text, int cap) {
        return new KeyTerms(sketch(text.numbers(), cap), sketch(text.names(), cap));
    }

    private static int[] sketch(List<String> terms, int cap) {
        int[] hashes = new int[terms.size()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = (int) (Hashing.hash(terms.get(i)) >>> 32);
        }
        Arrays.sort(hashes); // terms are distinct strings; a 32-bit hash collision merely merges two
        return Arrays.copyOf(hashes, Math.min(hashes.length, cap));
    }

    /**
     * Share of the smaller set found in the larger one; 1 when either is empty (nothing to
     * contradict). When a sketch is full, both are cut to the hash range both cover, which keeps the
     * estimate unbiased.
     */
    static double containment(int[] a, int[] b, int cap) {
        if (a.length == 0 || b.length == 0) {
            return 1.0;
        }
        int limit = Integer.MAX_VALUE;
        if (a.length >= cap || b.length >= cap) {
            limit = Math.min(a[a.length - 1], b[b.length - 1]);
        }
        int i = 0;
        int j = 0;
        int common = 0;
        int sizeA = 0;
        int sizeB = 0;
        while (i < a.length && a[i] <= limit || j < b.length && b[j] <= limit) {
            boolean takeA = i < a.length && a[i] <= limit;
            boolean takeB = j < b.length && b[j] <= limit;
            if (takeA && takeB && a[i] == b[j]) {
                common++;
                sizeA++;
                sizeB++;
                i++;
                j++;
            } else if (takeA && (!takeB || a[i] < b[j])) {
                sizeA++;
                i++;
            } else {
                sizeB++;
                j++;
            }
        }
        int smaller = Math.min(sizeA, sizeB);
        return smaller == 0 ? 1.0 : (double) common / smaller;
    }
}
