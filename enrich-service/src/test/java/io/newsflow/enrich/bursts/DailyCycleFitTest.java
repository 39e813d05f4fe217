package io.newsflow.enrich.bursts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DailyCycleFitTest {

    private static final BurstSettings SETTINGS = BurstSettings.defaults();
    private static final double ALPHA = SETTINGS.alpha();
    private static final long HOP = SETTINGS.advance().toMillis();
    private static final long T0 = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();
    private static final long HOPS_PER_DAY = Duration.ofDays(1).toMillis() / HOP;
    private static final DailyCycleFit FIT = new DailyCycleFit(ALPHA, HOP);

    /** Learns {@code days} of counts from a new term on, each with the forecast made for it. */
    private static TermBaseline learn(LongToDoubleFunction count, long days) {
        TermBaseline b = TermBaseline.NEW;
        for (long hop = 0; hop < days * HOPS_PER_DAY; hop++) {
            long start = T0 + hop * HOP;
            b = b.learn(count.applyAsDouble(start), FIT.forecast(b), ALPHA, start, false);
        }
        return b;
    }

    @Test
    void aNewTermIsExpectedToCountZero() {
        assertEquals(0.0, FIT.forecast(TermBaseline.NEW));
    }

    @Test
    void aConstantCountIsForecastAtEveryTimeOfDayWithNoErrorLeft() {
        TermBaseline b = learn(t -> 6, 10);
        assertEquals(0, b.variance(), 1e-6);
        for (long hop = 0; hop < HOPS_PER_DAY; hop++) {
            assertEquals(6, FIT.forecast(b), 1e-6, "after " + Instant.ofEpochMilli(b.lastWindowStart()));
            b = b.learn(6, FIT.forecast(b), ALPHA, b.lastWindowStart() + HOP, false);
        }
    }

    @Test
    void aDailySwingIsForecastWhereAFlatMeanLagsItByHours() {
        // 4 an hour on average, x0.4 at 03:00 to x1.6 at 15:00: the generator's news cycle.
        LongToDoubleFunction swing = t -> 4 * (1 + 0.6 * Math.sin(DailyCycleFit.angle(t) - 2 * Math.PI * 9 / 24));
        TermBaseline b = learn(swing, 10);
        double worstFit = 0;
        double worstMean = 0;
        for (long hop = 0; hop < HOPS_PER_DAY; hop++) {
            long start = b.lastWindowStart() + HOP;
            double actual = swing.applyAsDouble(start);
            double forecast = FIT.forecast(b);
            worstFit = Math.max(worstFit, Math.abs(forecast - actual));
            worstMean = Math.max(worstMean, Math.abs(b.mean() - actual));
            b = b.learn(actual, forecast, ALPHA, start, false);
        }
        assertEquals(0, worstFit, 1e-3);
        assertTrue(worstMean > 1.5, "the flat EWMA misses the afternoon peak by " + worstMean);
    }
}
