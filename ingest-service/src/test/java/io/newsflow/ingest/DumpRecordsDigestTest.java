package io.newsflow.ingest;

import io.newsflow.ingest.parse.DumpReader;
import io.newsflow.ingest.parse.ReadOutcome;
import io.newsflow.ingest.parse.Samples;
import io.newsflow.platform.testing.InMemorySchemaRegistryClient;
import io.newsflow.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Everything ingest makes of its inputs, byte for byte: records (topic, key, timestamp, headers,
 * serialized value) and per-dump outcomes (dump id, counts, bytes, failure reason), digested per input.
 * The digests were taken before the parser, id and serialization paths were made faster; a change
 * that alters any output byte fails here. "generated" was retaken when sidebars came to be paired by
 * their layout (issue #14): the random lines of those dumps pair differently; the other digests held.
 */
class DumpRecordsDigestTest {
    private static final Map<String, String> EXPECTED = Map.of(
            "aleppo-page-dump.txt", "7ec125a3e3870b656438c7b1dd986e957e0afb451adde71b01669ec37b278343",
            "jsonl-with-bad-line.jsonl", "12051fe4fcc5869bae5d17a0dc5335a6b12f7fbc5edb75032d00e65486885ad8",
            "multi.txt", "d2ef004faac810ea7ff00455bbbd35f16cb6f371554dbe9efb025e5ce2e57bfe",
            "reuters-agrokor.txt", "5a5c0762ce71cf16bd4abbc7089f2eda0f1023d770cd1dfc0740c36f38cd979e",
            "ria-cyrillic.txt", "75b990f3da6b7423d4dba1a59a91ee3926c0623a5f121750e02367a8e4027646",
            "generated", "ea8a2f22e673ad5bde6864607c92e7738601449507587c4e56563c6f25a84987");

    private final DumpRecords records = new DumpRecords(serializer(), Clock.fixed(Samples.MTIME.plusSeconds(3600), ZoneOffset.UTC));
    private final DumpReader reader = new DumpReader();

    @Test
    void theSampleAndTheParserCorpusGiveTheSameRecordsAsBefore() throws IOException {
        Map<String, String> expected = new TreeMap<>(EXPECTED);
        expected.remove("generated");
        Map<String, String> actual = new TreeMap<>();
        actual.put("aleppo-page-dump.txt", digest(List.of(Samples.aleppo().getBytes(StandardCharsets.UTF_8))));
        for (String name : List.of("jsonl-with-bad-line.jsonl", "multi.txt", "reuters-agrokor.txt", "ria-cyrillic.txt")) {
            try (InputStream in = getClass().getResourceAsStream("/dumps/" + name)) {
                actual.put(name, digest(List.of(in.readAllBytes())));
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void messyGeneratedDumpsGiveTheSameRecordsAsBefore() {
        Random random = new Random(20261126);
        List<byte[]> files = new ArrayList<>();
        for (int f = 0; f < 200; f++) {
            StringBuilder file = new StringBuilder();
            int dumps = 1 + random.nextInt(5);
            for (int d = 0; d < dumps; d++) {
                if (d > 0) {
                    file.append(pick(random, "=====\n", "  ======= \r\n", "=====\r\n"));
                }
                file.append(MessyDumps.dump(random));
            }
            files.add(file.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(EXPECTED.get("generated"), digest(files));
    }

    private String digest(List<byte[]> files) {
        MessageDigest sha = sha256();
        for (int i = 0; i < files.size(); i++) {
            List<ReadOutcome> read = reader.read("file-" + i, files.get(i), Samples.MTIME);
            DumpPublisher.Prepared prepared = records.prepare("file-" + i, read, batch -> {
                for (ProducerRecord<String, byte[]> r : batch) {
                    text(sha, r.topic());
                    text(sha, r.key());
                    sha.update(ByteBuffer.allocate(8).putLong(r.timestamp()).array());
                    for (Header h : r.headers()) {
                        text(sha, h.key());
                        bytes(sha, h.value());
                    }
                    bytes(sha, r.value());
                }
            });
            text(sha, String.valueOf(prepared.error()));
            for (DumpOutcome o : prepared.outcomes()) {
                text(sha, o.sourceId() + " " + o.dumpId() + " " + o.articles() + " " + o.briefs() + " " + o.bytes()
                        + " " + (o.failure() == null ? "-" : o.failure().reason()));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void text(MessageDigest sha, String s) {
        bytes(sha, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Length-prefixed, so moving a byte from one field to the next changes the digest. */
    private static void bytes(MessageDigest sha, byte[] b) {
        sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
        sha.update(b);
    }

    static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static AvroSerializer<SpecificRecord> serializer() {
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(new InMemorySchemaRegistryClient());
        serializer.configure(Map.of(), false);
        return serializer;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
