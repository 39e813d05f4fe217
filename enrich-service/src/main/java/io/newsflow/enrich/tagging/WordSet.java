package io.newsflow.enrich.tagging;

import java.util.Collection;

/**
 * A fixed set of words that answers for a stretch of text without copying it out: the tokenizers
 * ask it about every capitalised word, most of which are then dropped, so a substring and its hash
 * per question would be wasted. Immutable, thread-safe.
 */
final class WordSet {

    /** Open addressing, at most a quarter full so that probes stay short. */
    private final String[] slots;

    private final int mask;
    /** Longer stretches are turned away before any hashing: most words of a text are. */
    private final int maxLength;

    WordSet(Collection<String> words) {
        maxLength = words.stream().mapToInt(String::length).max().orElse(0);
        int size = Integer.highestOneBit(Math.max(1, words.size()) * 4) * 2;
        slots = new String[size];
        mask = size - 1;
        for (String w : words) {
            int i = hash(w, 0, w.length()) & mask;
            while (slots[i] != null && !slots[i].equals(w)) {
                i = (i + 1) & mask;
            }
            slots[i] = w;
        }
    }

    /** Whether text[start, end) is one of the words. */
    boolean contains(String text, int start, int end) {
        return find(text, start, end) != null;
    }

    /** The word spelled by text[start, end), or null when it is none of them. */
    String find(String text, int start, int end) {
        int length = end - start;
        if (length <= 0 || length > maxLength) {
            return null;
        }
        for (int i = hash(text, start, end) & mask; slots[i] != null; i = (i + 1) & mask) {
            String w = slots[i];
            if (w.length() == length && text.regionMatches(start, w, 0, length)) {
                return w;
            }
        }
        return null;
    }

    /** Length and the chars at both ends and the second: enough to spread short words, cheap to take. */
    private static int hash(String s, int start, int end) {
        int h = end - start;
        h = h * 31 + s.charAt(start);
        h = h * 31 + s.charAt(end - 1);
        h = h * 31 + (end - start > 1 ? s.charAt(start + 1) : 0);
        return h ^ h >>> 7 ^ h >>> 15;
    }
}
