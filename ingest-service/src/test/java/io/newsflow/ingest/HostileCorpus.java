package io.newsflow.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The hostile corpus: inputs a careless or malicious source sends, each with what must become of it
 * (generated, so the big ones need not be committed; the seed makes them the same every time).
 * {@link #write} puts them into a directory; the expectations name a substring of the dead letter's
 * reason, or the articles and briefs that must be published.
 */
final class HostileCorpus {
    /** What must become of one input: dead-lettered with a reason containing {@code reason}, or published. */
    record Expected(String reason, int articles, int briefs) {
        static Expected deadLetter(String reason) {
            return new Expected(reason, 0, 0);
        }

        static Expected published(int articles, int briefs) {
            return new Expected(null, articles, briefs);
        }
    }

    private HostileCorpus() {}

    /** Writes every input into {@code dir}; file name to expectation. */
    static Map<String, Expected> write(Path dir, String marker) throws IOException {
        Map<String, Expected> expected = new LinkedHashMap<>();
        Random random = new Random(17);

        expected.put("empty.txt", Expected.deadLetter("empty input"));
        Files.write(dir.resolve("empty.txt"), new byte[0]);

        byte[] binary = new byte[2 << 20];
        random.nextBytes(binary);
        expected.put("binary.bin", Expected.deadLetter("original cut to its first 262144 of 2097152 bytes"));
        Files.write(dir.resolve("binary.bin"), binary);

        expected.put("nul-bytes.txt", Expected.deadLetter(""));
        Files.write(
                dir.resolve("nul-bytes.txt"),
                ("Title: NUL " + marker + "\n\nText\0with\0NUL\0bytes\0" + "\0".repeat(500) + "\n")
                        .getBytes(StandardCharsets.UTF_8));

        byte[] invalid = new byte[4096];
        for (int i = 0; i < invalid.length; i++) {
            invalid[i] = (byte) (i % 3 == 0 ? 0xC3 : 0xFF); // lead bytes without continuations
        }
        expected.put("invalid-utf8.txt", Expected.deadLetter("not UTF-8"));
        Files.write(dir.resolve("invalid-utf8.txt"), invalid);

        expected.put("huge-single-line.txt", Expected.deadLetter("larger than the record limit"));
        Files.writeString(dir.resolve("huge-single-line.txt"), "word ".repeat((12 << 20) / 5));

        expected.put("over-the-size-limit.txt", Expected.deadLetter("larger than the limit of 16 MiB"));
        Files.writeString(dir.resolve("over-the-size-limit.txt"), ("A paragraph. ".repeat(80) + "\n\n").repeat(17_000));

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }
        expected.put("bomb.txt.gz", Expected.deadLetter("gzip data expands beyond the limit"));
        Files.write(dir.resolve("bomb.txt.gz"), bomb.toByteArray());

        expected.put("wrong-types.jsonl", Expected.deadLetter("line "));
        Files.writeString(
                dir.resolve("wrong-types.jsonl"),
                String.join(
                                "\n",
                                "{\"url\": \"https://example.com/a\", \"text\": 7}",
                                "{\"url\": 5, \"text\": \"Some text " + marker + "\"}",
                                "[\"an\", \"array\"]",
                                "{\"text\": \"unterminated",
                                "{\"captured\": {\"nested\": true}, \"text\": \"x\"}",
                                "")
                        + "\n");

        StringBuilder sidebar = new StringBuilder("Title: Sidebar " + marker + "\nCaptured: 2026-01-05T10:00:00Z\n\n"
                + "The article before a very long sidebar.\n\nLatest news\n\n");
        for (int i = 0; i < 10_000; i++) {
            sidebar.append("Brief ")
                    .append(i)
                    .append(' ')
                    .append(marker)
                    .append(" headline\n\nWhat brief ")
                    .append(i)
                    .append(" says in its summary paragraph.\n\n");
        }
        expected.put("sidebar-10000-briefs.txt", Expected.published(1, 10_000));
        Files.writeString(dir.resolve("sidebar-10000-briefs.txt"), sidebar);

        expected.put("right-to-left.txt", Expected.published(1, 1));
        Files.writeString(
                dir.resolve("right-to-left.txt"),
                "Title: \u062d\u0644\u0628 " + marker
                        + "\nCaptured: 2026-01-05T10:00:00Z\n\n\u0642\u0635\u0641 \u0639\u0644\u0649 \u0645\u062f\u064a\u0646\u0629 \u062d\u0644\u0628 "
                        + "\u202e\u05e9\u05dc\u05d5\u05dd\u202c \u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd.\n\nLatest news\n\n"
                        + "\u05db\u05d5\u05ea\u05e8\u05ea " + marker
                        + "\n\n\u05ea\u05e7\u05e6\u05d9\u05e8 \u05e7\u05e6\u05e8.\n",
                StandardCharsets.UTF_8);

        expected.put("headline-100k.txt", Expected.published(1, 1));
        Files.writeString(
                dir.resolve("headline-100k.txt"),
                "Title: Long headline " + marker + "\nCaptured: 2026-01-05T10:00:00Z\n\n"
                        + "An article.\n\nLatest news\n\n" + "Headline ".repeat((100 << 10) / 9) + marker
                        + "\n\nIts summary.\n");

        expected.put("far-past.txt", Expected.published(1, 0));
        Files.writeString(
                dir.resolve("far-past.txt"),
                "Title: Past " + marker
                        + "\nCaptured: 2026-01-05T10:00:00Z\nPublished: 1850-01-01T00:00:00Z\n\nAn article from an archive.\n");

        expected.put("far-future.txt", Expected.deadLetter("+999999999-12-31T23:59:59Z"));
        Files.writeString(
                dir.resolve("far-future.txt"),
                "Title: Future " + marker
                        + "\nPublished: +999999999-12-31T23:59:59Z\n\nAn article from the end of time.\n");

        expected.put("year-10000.jsonl", Expected.deadLetter("+10000-01-01T00:00:00Z"));
        Files.writeString(
                dir.resolve("year-10000.jsonl"),
                "{\"url\": \"https://example.com/y\", \"captured\": \"+10000-01-01T00:00:00Z\", \"text\": \"Ten thousand "
                        + marker + "\"}\n");
        return expected;
    }
}
