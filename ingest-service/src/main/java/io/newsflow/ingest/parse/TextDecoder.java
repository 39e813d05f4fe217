package io.newsflow.ingest.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a file's bytes to text, or says why they are not text. UTF-8 unless a UTF-16 byte order
 * mark says otherwise; a few invalid UTF-8 bytes (a stray Latin-1 character) become U+FFFD, many
 * mean the input is binary or in another encoding and it is rejected.
 */
final class TextDecoder {

    /** Invalid UTF-8 bytes tolerated per thousand bytes. */
    private static final int MAX_INVALID_PER_MILLE = 10;

    private static final char REPLACEMENT = '\uFFFD';
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;

    /** Either text (and its bytes when it is all Latin-1) or the reason there is none. */
    record Decoded(String text, Latin1Text latin1, String failure) {}

    private TextDecoder() {}

    static Decoded decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return checked(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE));
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return checked(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE));
        }
        Decoded latin1 = latin1(bytes);
        if (latin1 != null) {
            return latin1;
        }
        // Valid UTF-8 decodes to the same text with the JDK's decoder, so only input with replacement
        // characters takes the slow path.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT) < 0) {
            return checked(text);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never yields more chars than bytes
        long invalid = 0;
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isUnderflow()) {
                break;
            }
            // Counting each bad sequence ourselves is what lets us tell a stray byte from binary data.
            invalid += r.length();
            in.position(in.position() + r.length());
            out.put(REPLACEMENT);
        }
        decoder.flush(out);
        if (invalid * 1000 > (long) MAX_INVALID_PER_MILLE * bytes.length) {
            return new Decoded(
                    null,
                    null,
                    "not UTF-8 text: " + invalid + " of " + bytes.length + " bytes are invalid UTF-8 (more than "
                            + MAX_INVALID_PER_MILLE / 10.0 + "%)");
        }
        out.flip();
        return checked(out.toString());
    }

    /**
     * UTF-8 of ASCII and Latin-1 characters only, the usual scraped page, decoded eight ASCII bytes at a
     * time, and looked at for control characters on the way. Null for any other input, which the JDK
     * decodes: it goes byte by byte through the whole of an input with a single non-ASCII character in
     * it, which took a sixth of preparing a file with a few no-break spaces per page.
     */
    private static Decoded latin1(byte[] in) {
        byte[] out = new byte[in.length];
        int n = in.length;
        int i = 0;
        int o = 0;
        boolean controls = false;
        while (i < n) {
            if (i + Long.BYTES <= n) {
                long word = (long) LONGS.get(in, i);
                if ((word & HIGH_BITS) == 0) {
                    LONGS.set(out, o, word);
                    // Some byte below 0x20 (exact for ASCII bytes), a line end mostly: then look at each.
                    if (((word - SPACES) & HIGH_BITS) != 0) {
                        for (int k = 0; k < Long.BYTES; k++) {
                            controls |= isControl(in[i + k]);
                        }
                    }
                    i += Long.BYTES;
                    o += Long.BYTES;
                    continue;
                }
            }
            byte b = in[i];
            if (b >= 0) {
                controls |= isControl(b);
                out[o++] = b;
                i++;
            } else if ((b == (byte) 0xC2 || b == (byte) 0xC3) && i + 1 < n && (in[i + 1] & 0xC0) == 0x80) {
                out[o++] = (byte) ((b & 0x03) << 6 | in[i + 1] & 0x3F);
                i += 2;
            } else {
                return null;
            }
        }
        String text = new String(out, 0, o, StandardCharsets.ISO_8859_1);
        String binary = controls ? TextCheck.binaryReason(text) : null;
        // No byte order mark to drop: U+FEFF is not Latin-1.
        return binary != null ? new Decoded(null, null, binary) : new Decoded(text, new Latin1Text(out, 0, o), null);
    }

    private static boolean isControl(byte b) {
        return b >= 0 && b < ' ' && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x0B;
    }

    /** Drops a leading byte order mark, so format sniffing sees the first real character. */
    private static Decoded checked(String text) {
        String binary = TextCheck.binaryReason(text);
        if (binary != null) {
            return new Decoded(null, null, binary);
        }
        return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, null, null);
    }
}
