package io.newsflow.enrich.dedup;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BandKeyFilterTest {
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final long HOUR = Duration.ofHours(1).toMillis();

    @Test
    void everyKeyAddedIsFoundAndFewOthersAre() {
        BandKeyFilter filter = new BandKeyFilter(RETENTION);
        SplittableRandom random = new SplittableRandom(7);
        long[] added = random.longs(200_000).toArray();
        // Spread over three days, so several slices and several filters per slice take part.
        for (int i = 0; i < added.length; i += 50) {
            filter.add(java.util.Arrays.copyOfRange(added, i, i + 50), i * 1_000L);
        }
        for (long key : added) {
            assertTrue(filter.mightContain(key));
        }
        int falsePositives = 0;
        int probes = 100_000;
        for (int i = 0; i < probes; i++) {
            if (filter.mightContain(random.nextLong())) {
                falsePositives++;
            }
        }
        assertTrue(falsePositives < probes * 0.05, falsePositives + " false positives in " + probes);
    }

    @Test
    void keepsWhatTheStoreStillReturnsAndDropsSlicesPastRetention() {
        BandKeyFilter filter = new BandKeyFilter(RETENTION);
        filter.add(new long[] {1L}, 0L);
        long lastKept = RETENTION.toMillis();
        filter.add(new long[] {2L}, lastKept);
        assertTrue(
                filter.mightContain(1L), "event time 0 is exactly one retention behind: the store may still return it");

        filter.add(new long[] {3L}, lastKept + 30 * 24 * HOUR);
        assertFalse(filter.mightContain(1L));
        assertFalse(filter.mightContain(2L));
        assertTrue(filter.mightContain(3L));
        assertEquals(1, filter.slices());
    }

    @Test
    void aLateAddToAnOldSliceIsKept() {
        BandKeyFilter filter = new BandKeyFilter(RETENTION);
        filter.add(new long[] {1L}, 10 * 24 * HOUR);
        filter.add(new long[] {2L}, 5 * 24 * HOUR);
        assertTrue(filter.mightContain(2L));
    }
}
