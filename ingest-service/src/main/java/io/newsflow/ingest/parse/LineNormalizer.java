package io.newsflow.ingest.parse;

import java.text.Normalizer;

/**
 * Normalises one line of scraped text the one way items are stored and hashed: Unicode NFC,
 * every run of whitespace (tabs, no-break spaces and other Unicode spaces included) collapsed to
 * one space, trimmed, byte order marks dropped. Nothing else is changed.
 */
final class LineNormalizer {

    private static final char BOM = '\uFEFF';
    /** Below this code point text is always NFC, so the normaliser need not look at it. */
    private static final char FIRST_NON_NFC_SAFE = '\u0300';

    private LineNormalizer() {}

    public static String line(String s) {
        return line(s.toCharArray(), 0, s.length());
    }

    /** Normalises {@code a[from, to)}; {@link DumpLines} copies the usual lines, already normal, without it. */
    static String line(char[] a, int from, int to) {
        char[] kept = new char[to - from];
        int length = 0;
        boolean pendingSpace = false;
        boolean mayNeedNfc = false;
        for (int i = from; i < to; i++) {
            char c = a[i];
            if (!(c > ' ' && c < 0x7F)) {
                boolean space = isSpace(c);
                if (space || c == BOM) {
                    pendingSpace |= space && length > 0;
                    continue;
                }
                mayNeedNfc |= c >= FIRST_NON_NFC_SAFE;
            }
            if (pendingSpace) {
                kept[length++] = ' ';
                pendingSpace = false;
            }
            kept[length++] = c;
        }
        String out = new String(kept, 0, length);
        if (mayNeedNfc && !Normalizer.isNormalized(out, Normalizer.Form.NFC)) {
            out = Normalizer.normalize(out, Normalizer.Form.NFC);
        }
        return out;
    }

    /** Java's isWhitespace leaves out no-break spaces, which scraped pages are full of. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
