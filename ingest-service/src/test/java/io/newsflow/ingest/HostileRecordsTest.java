package io.newsflow.ingest;

import io.newsflow.avro.DeadLetter;
import io.newsflow.ingest.parse.DumpReader;
import io.newsflow.ingest.parse.ReadOutcome;
import io.newsflow.platform.testing.InMemorySchemaRegistryClient;
import io.newsflow.schemas.Topics;
import io.newsflow.serde.AvroDeserializer;
import io.newsflow.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input that once aborted a whole source: every dump ends as records a broker accepts (each under the
 * producer's 1 MiB max.request.size), bad ones as dead letters saying why.
 */
class HostileRecordsTest {
    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
    private static final int ONE_MIB = 1 << 20;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final DumpRecords records = new DumpRecords(serializer(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final AvroDeserializer<DeadLetter> letters = new AvroDeserializer<>(registry, DeadLetter.class);

    private List<ProducerRecord<String, byte[]>> prepare(List<ReadOutcome> read) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        DumpPublisher.Prepared prepared = records.prepare("src", read, out::addAll);
        assertNull(prepared.error(), "the source is not aborted");
        for (ProducerRecord<String, byte[]> record : out) {
            assertTrue(
                    record.value().length < ONE_MIB - (64 << 10),
                    record.topic() + " record of " + record.value().length + " bytes");
        }
        return out;
    }

    private DeadLetter onlyDeadLetter(List<ProducerRecord<String, byte[]>> out) {
        assertEquals(
                1,
                out.size(),
                "one record: " + out.stream().map(ProducerRecord::topic).toList());
        assertEquals(Topics.DLQ_NAME, out.get(0).topic());
        return letters.deserialize(Topics.DLQ_NAME, out.get(0).value());
    }

    @Test
    void aTwoMegabyteBinaryFileIsADeadLetterThatFitsInARecord() {
        byte[] binary = new byte[2 << 20];
        new Random(1).nextBytes(binary);
        DeadLetter letter = onlyDeadLetter(prepare(new DumpReader().read("blob.bin", binary, NOW)));
        assertEquals(binary.length, letter.getOriginalSize());
        assertTrue(letter.getTruncated());
        assertTrue(letter.getReason().contains("original cut to its first"), letter.getReason());
    }

    @Test
    void anArticleOfSeveralMegabytesIsADeadLetterNotARecordTooLarge() {
        String paragraph = "A paragraph of a very long article that goes on and on about the same thing. ".repeat(40);
        StringBuilder text = new StringBuilder("Title: A long one\n\n");
        while (text.length() < 3 << 20) {
            text.append(paragraph).append("\n\n");
        }
        DeadLetter letter = onlyDeadLetter(
                prepare(new DumpReader().read("long.txt", text.toString().getBytes(StandardCharsets.UTF_8), NOW)));
        assertTrue(letter.getReason().contains("larger than the record limit"), letter.getReason());
        assertTrue(letter.getOriginalSize() > 3 << 20);
    }

    @Test
    void aFarFutureDateIsADeadLetterNotAnOverflow() {
        String dump = "Published: +999999999-12-31T23:59:59Z\n\nAn article from the end of time.\n";
        DeadLetter letter = onlyDeadLetter(
                prepare(new DumpReader().read("future.txt", dump.getBytes(StandardCharsets.UTF_8), NOW)));
        assertTrue(letter.getReason().contains("+999999999-12-31T23:59:59Z"), letter.getReason());
    }

    @Test
    void aFarFutureCaptureTimeInJsonLinesIsADeadLetterToo() {
        String line =
                "{\"url\": \"https://example.com/a\", \"captured\": \"+10000-01-01T00:00:00Z\", \"text\": \"Some article text.\"}\n";
        DeadLetter letter = onlyDeadLetter(
                prepare(new DumpReader().read("future.jsonl", line.getBytes(StandardCharsets.UTF_8), NOW)));
        assertTrue(letter.getReason().contains("+10000-01-01"), letter.getReason());
    }

    @Test
    void aLongReasonIsCut() {
        String line = "{\"url\": \"" + "u".repeat(100_000) + "\", \"captured\": 5, \"text\": 7}\n";
        for (ProducerRecord<String, byte[]> record :
                prepare(new DumpReader().read("types.jsonl", line.getBytes(StandardCharsets.UTF_8), NOW))) {
            if (record.topic().equals(Topics.DLQ_NAME)) {
                assertTrue(letters.deserialize(Topics.DLQ_NAME, record.value())
                                .getReason()
                                .length()
                        <= 4200);
            }
        }
    }

    private AvroSerializer<SpecificRecord> serializer() {
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        return serializer;
    }
}
