package io.newsflow.enrich.bursts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class TermBaselineTest {

    private static final double ALPHA = BurstSettings.defaults().alpha();
    private static final long HOP = BurstSettings.defaults().advance().toMillis();

    @Test
    void skippingEmptyWindowsInClosedFormEqualsLearningZeroOneWindowAtATime() {
        TermBaseline start = new TermBaseline(7.3, 4.1, 1_000_000, true);
        for (int n : new int[] {1, 2, 12, 288, 2000}) {
            TermBaseline stepped = start;
            for (int i = 1; i <= n; i++) {
                stepped = stepped.learn(0, ALPHA, start.lastWindowStart() + i * HOP, false);
            }
            TermBaseline skipped = start.skipEmpty(n, ALPHA, HOP);
            assertEquals(stepped.mean(), skipped.mean(), 1e-12 + 1e-9 * stepped.mean(), "mean after " + n);
            assertEquals(stepped.variance(), skipped.variance(), 1e-12 + 1e-9 * stepped.variance(), "variance after " + n);
            assertEquals(stepped.lastWindowStart(), skipped.lastWindowStart());
            assertFalse(skipped.bursting());
        }
        assertEquals(start, start.skipEmpty(0, ALPHA, HOP));
    }

    @Test
    void constantCountsConvergeToThatMeanWithNoVariance() {
        TermBaseline b = TermBaseline.NEW;
        for (int i = 0; i < 5000; i++) {
            b = b.learn(6, ALPHA, i * HOP, false);
        }
        assertEquals(6, b.mean(), 1e-6);
        assertEquals(0, b.variance(), 1e-6);
    }

    @Test
    void bytesRoundTrip() {
        TermBaseline b = new TermBaseline(0.125, 3.5, 1_709_510_400_000L, true);
        assertEquals(25, b.toBytes().length);
        assertEquals(b, TermBaseline.fromBytes(b.toBytes()));
        assertEquals(TermBaseline.NEW, TermBaseline.fromBytes(TermBaseline.NEW.toBytes()));
    }
}
