package io.newsflow.ingest;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.Origin;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Article and Brief values in Avro binary, written field by field for exactly the schemas this class
 * was written against: the generic writer resolves every union and looks up every logical type per
 * field, a sixth of preparing an event. {@link #supports} says whether the generated classes still
 * have those schemas (a fingerprint of their full text); when they do not, values go through the
 * serializer as before. The bytes are the generic writer's (EventEncoderTest compares them).
 */
final class EventEncoder {
    /** {@code SchemaNormalization.fingerprint64} of the schemas' full JSON, as generated from newsflow.avdl. */
    static final long ARTICLE_SCHEMA = -1464432329241337470L;

    static final long BRIEF_SCHEMA = -5540761446798345538L;

    private byte[] out = new byte[4096];
    private int length;

    /** Whether the generated classes have the schemas this encoder writes. */
    static boolean supports() {
        return fingerprint(Article.getClassSchema()) == ARTICLE_SCHEMA
                && fingerprint(Brief.getClassSchema()) == BRIEF_SCHEMA;
    }

    static long fingerprint(Schema schema) {
        return SchemaNormalization.fingerprint64(schema.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code header} (the wire format's magic byte and schema id) followed by the article. */
    byte[] article(byte[] header, Article a) {
        start(header);
        string(a.getId());
        optional(a.getTitle());
        List<String> paragraphs = a.getParagraphs();
        if (!paragraphs.isEmpty()) {
            varint(paragraphs.size());
            for (String p : paragraphs) {
                string(p);
            }
        }
        varint(0); // end of the array
        origin(a.getOrigin());
        return Arrays.copyOf(out, length);
    }

    byte[] brief(byte[] header, Brief b) {
        start(header);
        string(b.getId());
        string(b.getHeadline());
        optional(b.getSummary());
        optional(b.getSection());
        origin(b.getOrigin());
        return Arrays.copyOf(out, length);
    }

    private void origin(Origin o) {
        string(o.getDumpId());
        varint(o.getPosition());
        optional(o.getSource());
        optional(o.getUrl());
        varint(millis(o.getCapturedAt()));
        if (o.getPublishedAt() == null) {
            varint(0);
        } else {
            varint(1);
            varint(millis(o.getPublishedAt()));
        }
        string(o.getParserVersion());
    }

    private static long millis(Instant t) {
        return t.toEpochMilli();
    }

    private void start(byte[] header) {
        length = 0;
        room(header.length);
        System.arraycopy(header, 0, out, 0, header.length);
        length = header.length;
    }

    /** A ["null", "string"] union: branch 0 for null, 1 and the string otherwise. */
    private void optional(String s) {
        if (s == null) {
            varint(0);
        } else {
            varint(1);
            string(s);
        }
    }

    private void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        room(b.length);
        System.arraycopy(b, 0, out, length, b.length);
        length += b.length;
    }

    /** Avro's int and long: zig-zag, then seven bits a byte, low bits first. */
    private void varint(long value) {
        room(10);
        long n = (value << 1) ^ (value >> 63);
        while ((n & ~0x7FL) != 0) {
            out[length++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out[length++] = (byte) n;
    }

    private void room(int bytes) {
        if (length + bytes > out.length) {
            out = Arrays.copyOf(out, Math.max(2 * out.length, length + bytes));
        }
    }
}
