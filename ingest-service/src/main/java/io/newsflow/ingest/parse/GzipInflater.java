package io.newsflow.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/** Decompresses gzip data with a hard cap on the output, so a gzip bomb cannot exhaust memory. */
final class GzipInflater {

    /** Either the decompressed bytes or the reason there are none, and its class. */
    record Inflated(byte[] bytes, FailureClass failureClass, String failure) {}

    private GzipInflater() {}

    /** Gzip is recognised by its magic bytes, whatever the file is called. */
    static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
    }

    static Inflated inflate(byte[] gz, long maxBytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(gz.length * 4, 1 << 20));
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    return new Inflated(
                            null,
                            FailureClass.TOO_LARGE,
                            "gzip data expands beyond the limit of " + DumpReader.describeSize(maxBytes) + " ("
                                    + gz.length + " compressed bytes); stopped decompressing");
                }
                out.write(buf, 0, n);
            }
            return new Inflated(out.toByteArray(), null, null);
        } catch (IOException e) {
            return new Inflated(null, FailureClass.UNREADABLE, "corrupt gzip data: " + e.getMessage());
        }
    }
}
