package io.newsflow.ingest.parse;

import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DumpEventsTest {

    private static final Instant NOW = Instant.parse("2017-04-07T20:00:00.123456Z");

    @Test
    void deadLetterKeepsSmallOriginalsWhole() {
        DumpFailure f = Samples.failed("Latest news\n");
        DeadLetter dl = DumpEvents.deadLetter(f, NOW);
        assertEquals("test", dl.getSourceId());
        assertEquals("ingest.parse", dl.getStage());
        assertEquals(f.reason(), dl.getReason());
        assertEquals(12, dl.getOriginalSize());
        assertEquals(12, dl.getOriginal().remaining());
        assertFalse(dl.getTruncated());
        assertEquals(Instant.parse("2017-04-07T20:00:00.123Z"), dl.getFailedAt());
        assertNull(dl.getErrorClass());
    }

    @Test
    void deadLetterCapsLargeOriginals() {
        DumpFailure f = DumpFailure.of("big", FailureClass.TOO_LARGE, "too big", new byte[(1 << 20) + 10]);
        DeadLetter dl = DumpEvents.deadLetter(f, NOW);
        assertEquals(256 << 10, dl.getOriginal().remaining());
        assertEquals((1 << 20) + 10, dl.getOriginalSize());
        assertTrue(dl.getTruncated());
        DeadLetter small = DumpEvents.deadLetter(f, NOW, 16);
        assertEquals(16, small.getOriginal().remaining());
    }

    @Test
    void sizeOnlyFailuresAreTruncatedToo() {
        DumpFailure f = new DumpFailure("huge.txt", FailureClass.TOO_LARGE, "too big", new byte[10], 1000);
        assertTrue(DumpEvents.deadLetter(f, NOW).getTruncated());
    }

    @Test
    void timesAreKeptToTheMillisecondAsAvroStoresThem() {
        ParsedDump d = Samples.parsed("Captured: 2017-04-07T10:15:30.123456Z\nTitle: T\n\nT\n\nBody.\n");
        Article a = DumpEvents.article(d).orElseThrow();
        assertEquals(Instant.parse("2017-04-07T10:15:30.123Z"), a.getOrigin().getCapturedAt());
        assertEquals("T", a.getTitle());
        assertEquals(1, a.getParagraphs().size());
        assertEquals(a, roundTrip(a));
    }

    private static Article roundTrip(Article a) {
        try {
            return Article.fromByteBuffer(a.toByteBuffer());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
