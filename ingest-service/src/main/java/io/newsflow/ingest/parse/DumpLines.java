package io.newsflow.ingest.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A dump's text split into normalised lines (LF, CRLF and lone CR end a line; blank ones become empty
 * strings), and what the same pass over its characters tells besides: whether it holds control
 * characters (then {@link TextCheck} has a look) and its size in UTF-8. Splitting and normalising
 * were half the parse: one pass now, which only stops at characters other than printable ASCII, and
 * over Latin-1 text (the usual page) looks at eight of them at a time.
 *
 * @param controls control characters other than tab, line and form feeds
 * @param utf8Bytes the whole text's length in UTF-8, as the dump's size is reported
 */
record DumpLines(List<String> lines, int controls, long utf8Bytes) {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;
    private static final long PLUS_0X60 = 0x6060606060606060L;
    private static final long SPACES = 0x2020202020202020L;

    /** {@code latin1}: the text's bytes when the reader knows it is all Latin-1; else null, and this finds out. */
    static DumpLines of(String text, Latin1Text latin1) {
        Scan scan = new Scan(text);
        if (latin1 != null) {
            scan.bytes(latin1.bytes(), latin1.from());
            return scan.end();
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        // Only Latin-1 text comes back the same (equals turns a UTF-16 string down at once).
        if (new String(bytes, StandardCharsets.ISO_8859_1).equals(text)) {
            scan.bytes(bytes, 0);
        } else {
            scan.chars(text.toCharArray());
        }
        return scan.end();
    }

    /** True for characters other than printable ASCII: line ends, controls, DEL, and beyond ASCII. */
    private static boolean isOdd(int c) {
        return c < ' ' || c > '~';
    }

    /** The state of one pass, fed the characters that are not printable ASCII, in order. */
    private static final class Scan {
        private final String text;
        private final List<String> lines;
        private int controls;
        private long extraBytes; // UTF-8 bytes beyond one per char
        private int start;
        private boolean plain = true; // only printable ASCII in the line so far, no two spaces in a row
        private int crAt = -2;
        private int pairedLowAt = -1;

        Scan(String text) {
            this.text = text;
            this.lines = new ArrayList<>(text.length() / 64 + 8);
        }

        /**
         * Latin-1 text as bytes, {@code b[from, from + text length)}: words of eight printable ASCII
         * characters are passed over at once, and looked at for two spaces in a row on the way (a search
         * of its own cost as much as the pass).
         */
        void bytes(byte[] b, int from) {
            int n = text.length();
            int i = 0;
            long spaceBefore = 0; // the previous word ended with a space: byte 0's high bit
            for (; i + Long.BYTES <= n; i += Long.BYTES) {
                long w = (long) LONGS.get(b, from + i);
                long low = w & LOW_BITS;
                long x = w ^ SPACES;
                // The high bit of each space byte, exactly: adding 0x7F carries into it unless the low bits are zero.
                long spaces = ~((x & LOW_BITS) + LOW_BITS | x) & HIGH_BITS;
                long pairs = spaces & (spaces << Byte.SIZE | spaceBefore); // a space after a space
                spaceBefore = spaces >>> (Long.SIZE - Byte.SIZE);
                // A byte's high bit set: 0x80 and above, 0x7F (low + 1 carries into it), below 0x20 (low + 0x60 does
                // not).
                if (((w | low + ONES | ~(low + PLUS_0X60)) & HIGH_BITS) != 0) {
                    for (int k = 0; k < Long.BYTES; k++) {
                        int c = b[from + i + k] & 0xFF;
                        if (isOdd(c)) {
                            odd((char) c, i + k);
                        } else if ((pairs & 0x80L << k * Byte.SIZE) != 0) {
                            plain = false;
                        }
                    }
                } else if (pairs != 0) {
                    plain = false; // no line ends in the word: both spaces are in this line
                }
            }
            for (; i < n; i++) {
                int c = b[from + i] & 0xFF;
                if (isOdd(c)) {
                    odd((char) c, i);
                } else if (c == ' ' && i > 0 && b[from + i - 1] == ' ') {
                    plain = false;
                }
            }
        }

        void chars(char[] a) {
            for (int i = 0; i < a.length; i++) {
                if (isOdd(a[i])) {
                    odd(a[i], i);
                } else if (a[i] == ' ' && i > 0 && a[i - 1] == ' ') {
                    plain = false;
                }
            }
        }

        private void odd(char c, int i) {
            if (c == '\n' || c == '\r') {
                if (c == '\r' || crAt != i - 1) {
                    line(i);
                }
                crAt = c == '\r' ? i : -2;
                start = i + 1;
                return;
            }
            plain = false;
            if (c < ' ') {
                controls += c == '\t' || c == '\f' || c == 0x0B ? 0 : 1;
            } else if (c < 0x80) {
                return; // DEL
            } else if (c < 0x800) {
                extraBytes += 1;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                extraBytes += 2; // four bytes for the pair, none more for its low surrogate
                pairedLowAt = i + 1;
            } else if (pairedLowAt != i) {
                extraBytes += 2;
            }
        }

        /**
         * Ends the line at {@code end}: printable ASCII without two spaces in a row is normal unless it
         * starts or ends with one. (Two spaces are never split by a line end, so a pair is in one line.)
         */
        private void line(int end) {
            if (plain && (start == end || text.charAt(start) != ' ' && text.charAt(end - 1) != ' ')) {
                lines.add(text.substring(start, end));
            } else {
                char[] line = new char[end - start];
                text.getChars(start, end, line, 0);
                lines.add(LineNormalizer.line(line, 0, line.length));
            }
            plain = true;
        }

        DumpLines end() {
            line(text.length());
            return new DumpLines(lines, controls, text.length() + extraBytes);
        }
    }
}
