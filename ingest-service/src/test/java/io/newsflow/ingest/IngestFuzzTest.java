package io.newsflow.ingest;

import io.newsflow.ingest.parse.DumpReader;
import io.newsflow.platform.testing.InMemorySchemaRegistryClient;
import io.newsflow.schemas.Topics;
import io.newsflow.serde.AvroSerializer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing ingest from the bytes of a source to the records it sends: reader, gzip, decoding, JSON
 * Lines, splitting, the parser, ids, the encoder. Whatever the input, nothing throws, the source is
 * never aborted, every dump ends in records or one dead letter, and every record fits in a Kafka
 * record. Tries: jqwik's default (1000) in the build; {@code -Djqwik.tries.default=N} for a long run.
 */
class IngestFuzzTest {
    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
    private static final List<String> PIECES = List.of(
            "Title: ",
            "Captured: ",
            "Published: ",
            "Source: ",
            "URL: ",
            ": ",
            "2017-04-07T10:15:30Z",
            "+999999999-12-31T23:59:59Z",
            "-000001-01-01",
            "0000-01-01T00:00:00Z",
            "1850-01-01",
            "\n",
            "\n\n",
            "\r\n",
            "\r",
            "=====\n",
            "Latest news\n\n",
            "More news",
            "\uFEFF",
            "\u0000",
            "\u001b[2J",
            "\u202e",
            "\u062d\u0644\u0628",
            "\ud83d\ude00",
            "\ud800",
            "\u00a0",
            "{\"text\": \"",
            "\"}",
            "{\"url\": 5, \"text\": \"x\"}\n",
            "{",
            "}",
            "\"",
            "\\",
            "Zagreb",
            "Agrokor",
            " ",
            "\t",
            "a",
            "Headline",
            "Summary of it.");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final DumpRecords records = new DumpRecords(serializer(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final DumpReader reader = new DumpReader(1 << 20);

    @Property
    void anyBytes(@ForAll @Size(max = 2000) byte[] bytes) {
        check(bytes);
    }

    @Property
    void dumpShapedText(@ForAll("dumpShaped") String text) {
        check(text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> dumpShaped() {
        Arbitrary<String> piece =
                Arbitraries.oneOf(Arbitraries.of(PIECES), Arbitraries.strings().ofMaxLength(12));
        return piece.list().ofMaxSize(80).map(p -> String.join("", p));
    }

    private void check(byte[] bytes) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        DumpPublisher.Prepared prepared = records.prepare("fuzz", reader.read("fuzz", bytes, NOW), out::addAll);
        assertNull(prepared.error(), "the source is not aborted");
        long deadLetters =
                out.stream().filter(r -> r.topic().equals(Topics.DLQ_NAME)).count();
        assertEquals(
                prepared.outcomes().stream().filter(DumpOutcome::deadLettered).count(),
                deadLetters,
                "one dead letter a failed dump");
        for (ProducerRecord<String, byte[]> record : out) {
            assertTrue(record.value().length < (1 << 20) - (16 << 10), record.topic() + ": " + record.value().length);
            assertTrue(
                    record.timestamp() >= 0
                            && record.timestamp() <= NOW.plusSeconds(300).toEpochMilli(),
                    "a time Kafka takes");
        }
        Statistics.collect(deadLetters == 0 ? "published" : deadLetters == out.size() ? "dead-lettered" : "mixed");
    }

    private AvroSerializer<SpecificRecord> serializer() {
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        return serializer;
    }
}
