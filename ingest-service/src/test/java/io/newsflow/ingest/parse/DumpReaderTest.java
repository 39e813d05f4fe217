package io.newsflow.ingest.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DumpReaderTest {

    private final DumpReader reader = new DumpReader();
    private final DumpParser parser = new DumpParser();

    @TempDir
    Path dir;

    /**
     * A link in a spool could point at /proc/self/environ (the process's credentials, then in a dead
     * letter) or at a private key (then published as an article): links are refused unread.
     */
    @Test
    void symbolicLinksAreRefusedUnread() throws IOException {
        Path secret = Files.writeString(
                dir.resolve("id_rsa"), "-----BEGIN PRIVATE KEY-----\nMIIsecret\n-----END PRIVATE KEY-----\n");
        for (Path target : List.of(secret, Path.of("/proc/self/environ"), dir.resolve("missing"))) {
            Path link = Files.createSymbolicLink(dir.resolve("link-" + target.getFileName()), target);
            DumpFailure failure =
                    assertInstanceOf(DumpFailure.class, reader.read(link).get(0));
            assertEquals(FailureClass.UNREADABLE, failure.failureClass());
            assertTrue(failure.reason().contains("symbolic link"), failure.reason());
            assertEquals(0, failure.original().length, "nothing of the target is read");
        }
    }

    /** A FIFO would block the reading thread until a writer comes, a device never ends. */
    @Test
    void namedPipesAndDevicesAreRefusedUnread() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        for (Path special : List.of(fifo, Path.of("/dev/zero"), dir)) {
            DumpFailure failure =
                    assertInstanceOf(DumpFailure.class, reader.read(special).get(0));
            assertEquals(FailureClass.UNREADABLE, failure.failureClass());
            assertTrue(failure.reason().contains("not a regular file"), failure.reason());
        }
    }

    @Test
    void plainFileUsesItsModificationTimeAsFallback() throws IOException {
        Path file = dir.resolve("aleppo.txt");
        Files.writeString(file, Samples.aleppo());
        Instant mtime = Instant.parse("2017-04-07T18:30:00Z");
        Files.setLastModifiedTime(file, FileTime.from(mtime));
        List<ReadOutcome> out = reader.read(file);
        assertEquals(1, out.size());
        RawDump raw = assertInstanceOf(RawDump.class, out.get(0));
        assertEquals(file.toString(), raw.sourceId());
        ParsedDump d = assertInstanceOf(ParsedDump.class, parser.parse(raw));
        assertEquals(mtime, d.capturedAt());
        assertEquals(18, d.briefs().size());
    }

    @Test
    void severalDumpsInOneFile() {
        List<ReadOutcome> out = read("multi.txt", Samples.resource("multi.txt").getBytes(StandardCharsets.UTF_8));
        assertEquals(
                List.of("multi.txt#1", "multi.txt#2", "multi.txt#3"),
                out.stream().map(o -> ((RawDump) o).sourceId()).toList());
        ParsedDump first = parse(out.get(0));
        assertEquals("Hina", first.source());
        assertEquals(List.of(new ParsedBrief("Latest news", "Headline A", "Summary A.")), first.briefs());
        assertEquals(
                List.of("Second dump, no header, only an article paragraph."),
                parse(out.get(1)).article().paragraphs());
        ParsedDump third = parse(out.get(2));
        assertEquals(null, third.article());
        assertEquals("Related news", third.briefs().get(0).section());
    }

    @Test
    void separatorLinesWithCrlfAndTrailingSeparator() {
        String text = "One article.\r\n=====\r\nTwo article.\r\n   ========  \r\n";
        List<ReadOutcome> out = read("x.txt", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, out.size());
        assertEquals(List.of("Two article."), parse(out.get(1)).article().paragraphs());
    }

    @Test
    void partsOfLatin1TextCarryTheirBytesAndOtherTextNone() {
        String text = "Caf\u00e9 one.\n=====\n\n  \n=====\nTwo\u00a0article.\n";
        List<ReadOutcome> out = read("x.txt", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, out.size());
        for (ReadOutcome o : out) {
            RawDump raw = (RawDump) o;
            Latin1Text latin1 = raw.latin1();
            assertEquals(
                    raw.text(),
                    new String(latin1.bytes(), latin1.from(), latin1.length(), StandardCharsets.ISO_8859_1));
        }
        assertNull(((RawDump) read("y.txt", "\u20ac one.\n=====\nTwo.\n".getBytes(StandardCharsets.UTF_8))
                        .get(1))
                .latin1());
    }

    @Test
    void fourEqualsSignsDoNotSplit() {
        assertEquals(
                1,
                read("x.txt", "One.\n====\nTwo.\n".getBytes(StandardCharsets.UTF_8))
                        .size());
    }

    @Test
    void gzipIsRecognisedByMagicBytesWhateverTheName() throws IOException {
        byte[] gz = gzip(Samples.aleppo().getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("dump.bin");
        Files.write(file, gz);
        List<ReadOutcome> out = reader.read(file);
        assertEquals(1, out.size());
        assertEquals(21, parse(out.get(0)).article().paragraphs().size());
    }

    @Test
    void jsonLinesWithABadLine() {
        List<ReadOutcome> out =
                read("feed.jsonl", Samples.resource("jsonl-with-bad-line.jsonl").getBytes(StandardCharsets.UTF_8));
        assertEquals(4, out.size());
        ParsedDump first = parse(out.get(0));
        assertEquals("feed.jsonl:1", first.sourceId());
        assertEquals("www.dw.com", first.source());
        assertEquals(Instant.parse("2017-04-07T10:00:00Z"), first.capturedAt());
        assertEquals(List.of(new ParsedBrief("Latest news", "Headline", "Summary.")), first.briefs());

        DumpFailure bad = assertInstanceOf(DumpFailure.class, out.get(1));
        assertEquals("feed.jsonl:2", bad.sourceId());
        assertTrue(bad.reason().startsWith("line 2: invalid JSON: "), bad.reason());
        assertEquals(FailureClass.BAD_JSON, bad.failureClass());
        assertTrue(new String(bad.original(), StandardCharsets.UTF_8)
                .startsWith("{\"url\": \"https://www.dw.com/en/a-2\""));

        ParsedDump third = parse(out.get(2));
        assertEquals("feed.jsonl:3", third.sourceId());
        assertEquals(Samples.MTIME, third.capturedAt());

        DumpFailure typed = assertInstanceOf(DumpFailure.class, out.get(3));
        assertEquals("line 5: field \"url\" must be a string, was NUMBER", typed.reason());
    }

    @Test
    void gzippedJsonLines() throws IOException {
        byte[] gz = gzip("{\"text\": \"Only a paragraph.\"}\n".getBytes(StandardCharsets.UTF_8));
        List<ReadOutcome> out = read("feed.jsonl.gz", gz);
        assertEquals(List.of("Only a paragraph."), parse(out.get(0)).article().paragraphs());
    }

    @Test
    void binaryFilesAreRejected() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        DumpFailure f = assertInstanceOf(DumpFailure.class, read("img.txt", png).get(0));
        assertTrue(f.reason().startsWith("not UTF-8 text") || f.reason().startsWith("binary content"), f.reason());
        assertArrayEquals(png, f.original());

        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 'x'; // not gzip magic
        DumpFailure n =
                assertInstanceOf(DumpFailure.class, read("noise.txt", noise).get(0));
        assertTrue(n.reason().startsWith("not UTF-8 text") || n.reason().startsWith("binary content"), n.reason());
    }

    @Test
    void aStrayLatin1ByteIsToleratedAsReplacementCharacter() {
        byte[] text = ("Zagreb stock exchange rose on Friday, said the bourse in its report. Caf"
                        + "\u00E9 owners were pleased with it, the report added at the end of the day.")
                .getBytes(StandardCharsets.ISO_8859_1);
        ParsedDump d = parse(read("latin1.txt", text).get(0));
        assertTrue(d.article().paragraphs().get(0).contains("Caf\uFFFD owners"));
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] body = "Paragraph in UTF-16.".getBytes(StandardCharsets.UTF_16LE);
        byte[] all = Arrays.copyOf(bom, 2 + body.length);
        System.arraycopy(body, 0, all, 2, body.length);
        assertEquals(
                List.of("Paragraph in UTF-16."),
                parse(read("win.txt", all).get(0)).article().paragraphs());
    }

    @Test
    void utf8BomDoesNotHideJsonLines() {
        byte[] bytes = "\uFEFF{\"text\": \"Paragraph.\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("x.jsonl:1", ((RawDump) read("x.jsonl", bytes).get(0)).sourceId());
    }

    @Test
    void sizeLimitForFilesStreamsAndBytes() throws IOException {
        DumpReader small = new DumpReader(100);
        byte[] big = "A sentence of text.\n".repeat(10).getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("big.txt");
        Files.write(file, big);
        DumpFailure f = assertInstanceOf(DumpFailure.class, small.read(file).get(0));
        assertEquals("input of 200 bytes is larger than the limit of 100 bytes", f.reason());
        assertEquals(200, f.originalSize());
        assertEquals(FailureClass.TOO_LARGE, f.failureClass());
        DumpFailure s = assertInstanceOf(
                DumpFailure.class,
                small.read("stdin", new ByteArrayInputStream(big), Samples.MTIME)
                        .get(0));
        assertEquals("input larger than the limit of 100 bytes; stopped reading", s.reason());
        assertInstanceOf(
                RawDump.class,
                small.read("ok", Arrays.copyOf(big, 100), Samples.MTIME).get(0));
    }

    @Test
    void gzipBombStopsAtTheLimit() throws IOException {
        DumpReader reader1MiB = new DumpReader(1 << 20);
        byte[] bomb = gzip(new byte[8 << 20]); // 8 MiB of zeros compress to a few KiB
        assertTrue(bomb.length < 64 * 1024);
        DumpFailure f = assertInstanceOf(
                DumpFailure.class,
                reader1MiB.read("bomb.gz", bomb, Samples.MTIME).get(0));
        assertTrue(f.reason().startsWith("gzip data expands beyond the limit of 1 MiB"), f.reason());
        assertEquals(FailureClass.TOO_LARGE, f.failureClass());
        assertArrayEquals(bomb, f.original());
    }

    @Test
    void corruptGzipAndUnreadableFilesAreFailures() {
        byte[] corrupt = {0x1F, (byte) 0x8B, 8, 0, 1, 2, 3};
        assertTrue(((DumpFailure) read("c.gz", corrupt).get(0)).reason().startsWith("corrupt gzip data"));
        assertEquals(
                FailureClass.UNREADABLE, ((DumpFailure) read("c.gz", corrupt).get(0)).failureClass());
        DumpFailure missing =
                (DumpFailure) reader.read(dir.resolve("absent.txt")).get(0);
        assertTrue(
                missing.reason().startsWith("cannot read file: java.nio.file.NoSuchFileException"), missing.reason());
        assertEquals(FailureClass.UNREADABLE, missing.failureClass());
        assertEquals(
                "empty input: 0 bytes",
                ((DumpFailure) read("e.txt", new byte[0]).get(0)).reason());
    }

    private List<ReadOutcome> read(String name, byte[] bytes) {
        return reader.read(name, bytes, Samples.MTIME);
    }

    private ParsedDump parse(ReadOutcome outcome) {
        return assertInstanceOf(ParsedDump.class, parser.parse(assertInstanceOf(RawDump.class, outcome)));
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
