package io.newsflow.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Test inputs: the repository's sample dump and the dumps under src/test/resources/dumps. */
public final class Samples {

    public static final Instant MTIME = Instant.parse("2017-04-07T18:00:00Z");

    private Samples() {}

    /** The shared sample, found by walking up from the working directory to the repository root. */
    public static String aleppo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("samples/aleppo-page-dump.txt"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("samples/aleppo-page-dump.txt not found above "
                    + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readString(dir.resolve("samples/aleppo-page-dump.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resource(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/dumps/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /dumps/" + name + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ParsedDump parsed(String text) {
        ParseOutcome outcome = new DumpParser().parse(RawDump.of("test", text, MTIME));
        if (outcome instanceof ParsedDump d) {
            return d;
        }
        throw new AssertionError("expected a parsed dump, got " + outcome);
    }

    public static DumpFailure failed(String text) {
        ParseOutcome outcome = new DumpParser().parse(RawDump.of("test", text, MTIME));
        if (outcome instanceof DumpFailure f) {
            return f;
        }
        throw new AssertionError("expected a failure, got " + outcome);
    }
}
