package io.newsflow.serde;

import io.newsflow.avro.Article;
import io.newsflow.avro.Origin;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.common.errors.SerializationException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing the Avro decoding path that every consumer of the project's topics takes: whatever bytes
 * come after (or instead of) a valid wire-format header, {@link AvroDeserializer} returns a record or
 * throws {@link SerializationException}; never another exception, never an Error such as
 * OutOfMemoryError, and what it allocates stays small. Tries: jqwik's default (1000) in the build;
 * {@code -Djqwik.tries.default=N} for a long run.
 */
class AvroDecodingFuzzTest {
    private static final byte[] VALID = validArticle();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    private final AvroDeserializer<Article> specific =
            new AvroDeserializer<>(AvroDeserializerPoisonTest.REGISTRY, Article.class);
    private final AvroDeserializer<Object> generic = new AvroDeserializer<>(AvroDeserializerPoisonTest.REGISTRY, null);

    AvroDecodingFuzzTest() {
        // Readers, resolvers and the failure path are built and loaded on first use: not what a payload makes the
        // decoder allocate.
        for (byte[] payload : List.of(VALID, java.util.Arrays.copyOf(VALID, 5), java.util.Arrays.copyOf(VALID, 9))) {
            for (int i = 0; i < 3; i++) {
                outcome(() -> specific.deserialize("news.articles", payload));
                outcome(() -> generic.deserialize("news.articles", payload));
            }
        }
    }

    @Property
    void anyBytesAfterAValidHeader(@ForAll @Size(max = 64) byte[] body) {
        byte[] payload = new byte[5 + body.length];
        System.arraycopy(VALID, 0, payload, 0, 5);
        System.arraycopy(body, 0, payload, 5, body.length);
        decodeBoth(payload);
    }

    @Property
    void aValidRecordWithBytesChanged(@ForAll("mutated") byte[] payload) {
        decodeBoth(payload);
    }

    @Property
    void anyBytesAtAll(@ForAll @Size(max = 32) byte[] payload) {
        decodeBoth(payload);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<int[]> edits = Arbitraries.integers()
                .between(0, Integer.MAX_VALUE)
                .array(int[].class)
                .ofMinSize(1)
                .ofMaxSize(6);
        return edits.map(e -> {
            byte[] copy = VALID.clone();
            for (int edit : e) {
                int at = 5 + edit % (copy.length - 5);
                // Big varint bytes (0x7f-0xff) are what turn a length or count into a claim of gigabytes.
                copy[at] = (byte) (edit >>> 8);
            }
            return (edit(e) % 4 == 0) ? java.util.Arrays.copyOf(copy, 5 + e[0] % (copy.length - 5)) : copy;
        });
    }

    private static int edit(int[] e) {
        return e[e.length - 1] >>> 3;
    }

    private void decodeBoth(byte[] payload) {
        Statistics.collect(outcome(payload, () -> specific.deserialize("news.articles", payload)));
        outcome(payload, () -> generic.deserialize("news.articles", payload));
    }

    /**
     * What a thread may allocate to decode a payload: a fixed allowance for the reader's objects, and a
     * few times the payload. A decoder trusting a length prefix of a few bytes allocates megabytes to
     * gigabytes here, mostly without running out of heap, so the bound is what shows it.
     */
    private static long allowance(byte[] payload) {
        return (256 << 10) + 64L * payload.length;
    }

    /** "decoded" or "refused"; anything else than a SerializationException, or allocating too much, fails the property. */
    private static String outcome(byte[] payload, Runnable decode) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        String outcome = outcome(decode);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(
                allocated <= allowance(payload),
                "decoding " + payload.length + " bytes allocated " + allocated + " bytes");
        return outcome;
    }

    private static String outcome(Runnable decode) {
        try {
            decode.run();
            return "decoded";
        } catch (SerializationException e) {
            return "refused";
        }
    }

    private static byte[] validArticle() {
        AvroSerializer<Article> serializer = new AvroSerializer<>(AvroDeserializerPoisonTest.REGISTRY);
        serializer.configure(Map.of("schema.registry.url", "http://unused.invalid"), false);
        return serializer.serialize(
                "news.articles",
                new Article(
                        "an-id",
                        "A title",
                        List.of("First paragraph.", "Second one."),
                        new Origin(
                                "dump",
                                0,
                                "source",
                                "https://example.com/a",
                                Instant.ofEpochMilli(1_491_560_130_000L),
                                Instant.ofEpochMilli(1_491_550_000_000L),
                                "v1")));
    }
}
