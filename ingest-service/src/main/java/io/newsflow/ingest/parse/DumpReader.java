package io.newsflow.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a source (a file, or the bytes of stdin) into raw dumps or failures, before any parsing:
 * gzip is undone (recognised by magic bytes), bytes are decoded and checked to be text, then the
 * text is read as JSON Lines or split at {@code =====} separator lines. Sizes are capped before and
 * after decompression. Never throws for bad input: I/O errors become failures too.
 */
public final class DumpReader {

    /** Largest file or decompressed dump accepted by default. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    private final long maxBytes;

    public DumpReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public DumpReader(long maxBytes) {
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes must be in 1.." + (Integer.MAX_VALUE - 8) + ": " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Reads a regular file; its modification time is the capture time of dumps without a Captured:
     * header. Anything else is refused unread: a symbolic link (in a spool it could point at
     * /proc/self/environ or a private key; callers resolve links a user named on purpose), a FIFO (it
     * blocks until a writer comes), a device or a directory.
     */
    public List<ReadOutcome> read(Path file) {
        String name = file.toString();
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return List.of(DumpFailure.of(
                        name,
                        FailureClass.UNREADABLE,
                        "refused: "
                                + (attributes.isSymbolicLink()
                                        ? "a symbolic link, which is not followed"
                                        : "not a regular file (a directory, FIFO, socket or device)"),
                        new byte[0]));
            }
            long size = attributes.size();
            Instant modified = attributes.lastModifiedTime().toInstant();
            // NOFOLLOW_LINKS again on opening: a link swapped in since the check is refused by the system.
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                if (size > maxBytes) {
                    byte[] head = in.readNBytes(DumpEvents.DEFAULT_ORIGINAL_CAP);
                    return List.of(new DumpFailure(name, FailureClass.TOO_LARGE, tooLarge(size), head, size));
                }
                byte[] bytes = in.readNBytes((int) maxBytes + 1);
                return bytes.length > maxBytes
                        ? List.of(new DumpFailure(
                                name,
                                FailureClass.TOO_LARGE,
                                tooLarge(bytes.length) + " (it grew while read)",
                                Arrays.copyOf(bytes, DumpEvents.DEFAULT_ORIGINAL_CAP),
                                bytes.length))
                        : read(name, bytes, modified);
            }
        } catch (IOException e) {
            return List.of(DumpFailure.of(name, FailureClass.UNREADABLE, "cannot read file: " + e, new byte[0]));
        }
    }

    /** Reads a stream such as stdin, at most the size limit of it. */
    public List<ReadOutcome> read(String name, InputStream in, Instant fallbackCapturedAt) {
        try {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) {
                return List.of(DumpFailure.of(
                        name,
                        FailureClass.TOO_LARGE,
                        "input larger than the limit of " + describeSize(maxBytes) + "; stopped reading",
                        bytes));
            }
            return read(name, bytes, fallbackCapturedAt);
        } catch (IOException e) {
            return List.of(DumpFailure.of(name, FailureClass.UNREADABLE, "cannot read input: " + e, new byte[0]));
        }
    }

    /** Reads bytes already in memory. */
    public List<ReadOutcome> read(String name, byte[] bytes, Instant fallbackCapturedAt) {
        if (bytes.length > maxBytes) {
            return List.of(DumpFailure.of(name, FailureClass.TOO_LARGE, tooLarge(bytes.length), bytes));
        }
        byte[] plain = bytes;
        if (GzipInflater.isGzip(bytes)) {
            GzipInflater.Inflated inflated = GzipInflater.inflate(bytes, maxBytes);
            if (inflated.failure() != null) {
                return List.of(DumpFailure.of(name, inflated.failureClass(), inflated.failure(), bytes));
            }
            plain = inflated.bytes();
        }
        if (plain.length == 0) {
            return List.of(DumpFailure.of(name, FailureClass.NO_CONTENT, "empty input: 0 bytes", bytes));
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(plain);
        if (decoded.failure() != null) {
            return List.of(DumpFailure.of(name, FailureClass.NOT_TEXT, decoded.failure(), bytes));
        }
        String text = decoded.text();
        return JsonLinesReader.looksLikeJsonLines(text)
                ? JsonLinesReader.read(name, text, fallbackCapturedAt)
                : DumpSplitter.split(name, text, decoded.latin1(), fallbackCapturedAt);
    }

    private String tooLarge(long size) {
        return "input of " + size + " bytes is larger than the limit of " + describeSize(maxBytes);
    }

    static String describeSize(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
