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
 * that alters any output byte fails here. All were retaken for parser version 2 (issue #14, sidebars
 * paired by their layout), which every record carries: before the version changed, the sample's and the
 * corpus dumps' digests held, and only "generated" moved (its random lines pair differently).
 */
class DumpRecordsDigestTest {
    private static final Map<String, String> EXPECTED = Map.of(
            "aleppo-page-dump.txt", "e7ef15dde3cdb179b1dbff694556d50e0c3411f1d6ee73bcabfa2280536381e0",
            "jsonl-with-bad-line.jsonl", "b0e9968f52f40abf45cf0c950002b4dc70ed7c0fbae89afc7c7f8a0119df1a1e",
            "multi.txt", "032a46e2e51394171f60005cd71efd6d6d6146c8097916c34665363d31ace7cd",
            "reuters-agrokor.txt", "117a5557a451cc94da17a78d2d37cf3ca7a733de9884c103b96e5c9f354b3132",
            "ria-cyrillic.txt", "bf5077c44c9606fb2c01a4586feff5681c6e6c93068c19a3bceffdca8b14a915",
            "generated", "0abae140123c448dfab4f64de787a53253284266c05e4e1c604805b13a0be84b");

    private final DumpRecords records =
            new DumpRecords(serializer(), Clock.fixed(Samples.MTIME.plusSeconds(3600), ZoneOffset.UTC));
    private final DumpReader reader = new DumpReader();

    @Test
    void theSampleAndTheParserCorpusGiveTheSameRecordsAsBefore() throws IOException {
        Map<String, String> expected = new TreeMap<>(EXPECTED);
        expected.remove("generated");
        Map<String, String> actual = new TreeMap<>();
        actual.put("aleppo-page-dump.txt", digest(List.of(Samples.aleppo().getBytes(StandardCharsets.UTF_8))));
        for (String name :
                List.of("jsonl-with-bad-line.jsonl", "multi.txt", "reuters-agrokor.txt", "ria-cyrillic.txt")) {
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
                text(
                        sha,
                        o.sourceId() + " " + o.dumpId() + " " + o.articles() + " " + o.briefs() + " " + o.bytes() + " "
                                + (o.failure() == null ? "-" : o.failure().reason()));
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
