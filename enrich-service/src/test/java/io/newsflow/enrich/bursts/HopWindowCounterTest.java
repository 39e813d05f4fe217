package io.newsflow.enrich.bursts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.avro.TermKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluation's stand-in for the Streams window count keeps Kafka's grace semantics. */
class HopWindowCounterTest {

    private static final Term TERM = new Term(TermKind.KEYWORD, "Agrokor");
    private static final long T = Instant.parse("2024-03-04T12:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private static long countIn(HopWindowCounter counter, long windowStart) {
        return counter.finalCounts().get(TERM).stream().filter(w -> w.windowStart() == windowStart)
                .mapToLong(WindowCount::count).sum();
    }

    @Test
    void aLateDumpWithinGraceCountsAndOneBeyondItDoesNot() {
        HopWindowCounter counter = new HopWindowCounter(BurstSettings.defaults());
        counter.add(TERM, T, "a", null);
        counter.add(TERM, T + 17 * MINUTE, "b", null);   // stream time 12:17: [11:05, 12:05) was final at 12:15
        counter.add(TERM, T + MINUTE, "late", null);       // a dump from 12:01, within grace of [11:10, 12:10)
        assertEquals(2, countIn(counter, T - 50 * MINUTE), "window ending 12:10, final at 12:20");
        assertEquals(1, countIn(counter, T - 55 * MINUTE), "window ending 12:05 was already final");
        assertEquals(1, counter.dropped());
    }

    @Test
    void eachMentionLandsInTwelveHopWindows() {
        HopWindowCounter counter = new HopWindowCounter(BurstSettings.defaults());
        counter.add(TERM, T + 2 * MINUTE, "a", "headline");
        List<WindowCount> windows = counter.finalCounts().get(TERM);
        assertEquals(12, windows.size());
        assertEquals(T - 55 * MINUTE, windows.get(0).windowStart());
        assertEquals(T, windows.get(11).windowStart());
    }
}
