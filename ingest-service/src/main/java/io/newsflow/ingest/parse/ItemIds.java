package io.newsflow.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Deterministic ids: lowercase hex of the first 16 bytes of SHA-256 over
 * {@code kind + "\n" + headline + "\n" + text}, every part normalised by {@link LineNormalizer}
 * (blank parts skipped). The same content gets the same id however often and from wherever it is
 * ingested; nothing time- or source-related goes in.
 */
final class ItemIds {

    private static final int ID_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();
    /** getInstance goes through the security providers on every call: one digest per thread instead. */
    private static final ThreadLocal<Message> MESSAGES = ThreadLocal.withInitial(Message::new);
    // The fixed parts of a message in UTF-8: encoding them per id took a call to getBytes each.
    private static final byte[] ARTICLE = utf8("article");
    private static final byte[] BRIEF = utf8("brief");
    private static final byte[] DUMP = utf8("dump");
    private static final byte[] NEWLINE = utf8("\n");
    private static final byte[] BLANK_LINE = utf8("\n\n");
    private static final byte[] NONE = {};

    private ItemIds() {}

    /** Article id: title (empty if none) and the paragraphs joined with a blank line. */
    public static String article(String title, List<String> paragraphs) {
        return article(title, paragraphs, true);
    }

    /** Brief id: headline and summary (empty if none). */
    public static String brief(String headline, String summary) {
        return brief(headline, summary, true);
    }

    /**
     * With {@code normalise} false, for paragraphs the parser has already normalised; the title always
     * is, as it may come from a header field.
     */
    static String article(String title, List<String> paragraphs, boolean normalise) {
        return of(ARTICLE, normalised(title), paragraphs, BLANK_LINE, normalise);
    }

    /** With {@code normalise} false, for a headline and summary that are lines the parser has normalised. */
    static String brief(String headline, String summary, boolean normalise) {
        return of(
                BRIEF,
                normalise ? normalised(headline) : headline,
                summary == null ? List.of() : List.of(summary),
                NONE,
                normalise);
    }

    /** Dump id: the non-blank body lines (header block excluded) joined with newlines, no headline. */
    public static String dump(List<String> bodyLines) {
        return of(DUMP, null, bodyLines, NEWLINE, true);
    }

    /** {@link #dump} for lines the parser has already normalised: skips the second pass on the hot path. */
    static String dumpOfNormalised(List<String> bodyLines) {
        return of(DUMP, null, bodyLines, NEWLINE, false);
    }

    /** {@code headline} comes normalised; {@code parts} are normalised here when {@code normalise}. */
    private static String of(byte[] kind, String headline, List<String> parts, byte[] separator, boolean normalise) {
        Message message = MESSAGES.get();
        message.clear(); // in case a previous call threw half-way
        message.add(kind);
        message.add(NEWLINE);
        if (headline != null) {
            message.add(headline);
        }
        message.add(NEWLINE);
        boolean first = true;
        for (String part : parts) {
            String p = normalise ? LineNormalizer.line(part) : part;
            if (p.isEmpty()) {
                continue;
            }
            if (!first) {
                message.add(separator);
            }
            message.add(p);
            first = false;
        }
        return HEX.formatHex(message.digest(), 0, ID_BYTES);
    }

    private static String normalised(String s) {
        return s == null ? null : LineNormalizer.line(s);
    }

    /**
     * A digest and the message it hashes, gathered first and fed in one update: an update per part (a
     * line, a separator) cost more in the digest's own buffering than the hashing.
     */
    private static final class Message {
        private static final int INITIAL = 16 << 10;
        /** A buffer grown beyond this for a huge dump is not kept. */
        private static final int KEPT = 1 << 20;

        private final MessageDigest sha = sha256();
        private byte[] bytes = new byte[INITIAL];
        private int length;

        void clear() {
            length = 0;
        }

        void add(String s) {
            add(utf8(s));
        }

        void add(byte[] b) {
            if (length + b.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + b.length));
            }
            System.arraycopy(b, 0, bytes, length, b.length);
            length += b.length;
        }

        byte[] digest() {
            sha.reset();
            sha.update(bytes, 0, length);
            if (bytes.length > KEPT) {
                bytes = new byte[INITIAL];
            }
            length = 0;
            return sha.digest();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
