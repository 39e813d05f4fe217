package io.newsflow.serde;

import io.newsflow.avro.Article;
import io.newsflow.avro.Origin;
import io.newsflow.registry.RegisteredSchema;
import io.newsflow.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records whose length or count prefixes claim more than the record holds: Avro would allocate what
 * they claim (an OutOfMemoryError, which no exception handler sees); they must fail as bad records.
 */
class AvroDeserializerPoisonTest {
    private static final int ID = 3;

    /** Knows the Article schema under id 3. */
    static final SchemaRegistryClient REGISTRY = new SchemaRegistryClient() {
        public int register(String subject, Schema schema) {
            return ID;
        }

        public RegisteredSchema lookup(String subject, Schema schema) {
            return new RegisteredSchema(subject, ID, 1, schema.toString());
        }

        public Schema schemaById(int id) {
            if (id != ID) {
                throw new io.newsflow.registry.SchemaRegistryException(404, 40403, "Schema " + id + " not found");
            }
            return Article.getClassSchema();
        }

        public RegisteredSchema latest(String subject) {
            return lookup(subject, Article.getClassSchema());
        }

        public boolean isCompatible(String subject, Schema schema) {
            return true;
        }
    };

    private final AvroDeserializer<Article> specific = new AvroDeserializer<>(REGISTRY, Article.class);
    private final AvroDeserializer<Object> generic = new AvroDeserializer<>(REGISTRY, null);

    /** Header, then the article's id "a", no title, and an array claiming {@code count} paragraphs. */
    static byte[] hugeArrayCount(long count) {
        ByteArrayOutputStream out = header();
        string(out, "a");
        varint(out, 0);
        varint(out, count);
        return out.toByteArray();
    }

    /** Header, then an id string claiming {@code length} bytes. */
    static byte[] hugeStringLength(long length) {
        ByteArrayOutputStream out = header();
        varint(out, length);
        out.write('x');
        return out.toByteArray();
    }

    @Test
    void anElevenByteRecordClaimingTwoBillionParagraphsIsABadRecordNotAnOutOfMemoryError() {
        byte[] poison = hugeArrayCount(Integer.MAX_VALUE - 16);
        assertEquals(13, poison.length);
        assertRefused(() -> specific.deserialize("news.articles", poison));
        assertRefused(() -> generic.deserialize("news.articles", poison));
    }

    @Test
    void aStringClaimingAGigabyteIsABadRecord() {
        byte[] poison = hugeStringLength(1L << 30);
        assertRefused(() -> specific.deserialize("news.articles", poison));
        assertRefused(() -> generic.deserialize("news.articles", poison));
    }

    @Test
    void negativeLengthsAndCountsAreBadRecords() {
        assertRefused(() -> specific.deserialize("news.articles", hugeStringLength(-5)));
        // A negative block count is followed by the block's size in bytes.
        ByteArrayOutputStream negativeBlock = new ByteArrayOutputStream();
        negativeBlock.writeBytes(hugeArrayCount(-(1L << 30)));
        varint(negativeBlock, 1);
        negativeBlock.write('x');
        assertRefused(() -> specific.deserialize("news.articles", negativeBlock.toByteArray()));
    }

    @Test
    void notAvroAndUnknownIdsAreBadRecords() {
        assertThrows(
                SerializationException.class, () -> specific.deserialize("news.articles", "plain text".getBytes()));
        assertThrows(
                SerializationException.class,
                () -> specific.deserialize("news.articles", new byte[] {0, 0, 0, 0, 99, 2, 'a'}));
    }

    @Test
    void aGoodRecordStillReads() {
        Article article = new Article(
                "id-1",
                "Title",
                List.of("one paragraph", "another"),
                new Origin("dump", 0, "src", null, Instant.ofEpochMilli(1_000), null, "v1"));
        AvroSerializer<Article> serializer = new AvroSerializer<>(REGISTRY);
        serializer.configure(java.util.Map.of("schema.registry.url", "http://unused.invalid"), false);
        byte[] bytes = serializer.serialize("news.articles", article);
        assertEquals(article, specific.deserialize("news.articles", bytes));
        assertEquals(
                "id-1",
                ((org.apache.avro.generic.GenericRecord) generic.deserialize("news.articles", bytes))
                        .get("id")
                        .toString());
    }

    /** Refused by the bound, before anything of the claimed size is allocated. */
    private static void assertRefused(org.junit.jupiter.api.function.Executable decode) {
        SerializationException e = assertThrows(SerializationException.class, decode);
        assertTrue(e.getMessage().contains("claims"), e.getMessage());
    }

    private static ByteArrayOutputStream header() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(ID);
        return out;
    }

    private static void string(ByteArrayOutputStream out, String s) {
        varint(out, s.length());
        out.writeBytes(s.getBytes());
    }

    static void varint(ByteArrayOutputStream out, long value) {
        long n = (value << 1) ^ (value >> 63);
        while ((n & ~0x7FL) != 0) {
            out.write((int) ((n & 0x7F) | 0x80));
            n >>>= 7;
        }
        out.write((int) n);
    }
}
