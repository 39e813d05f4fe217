package io.newsflow.enrich.bursts;

import io.newsflow.avro.BurstAlert;

import java.time.Instant;
import java.util.Optional;

/**
 * Decides, per term and final window, whether a burst starts, continues or ends, and updates the
 * term's baseline. A pure function of (settings, stream start, baseline, window): the same windows in
 * the same order give the same alerts.
 *
 * <p>The expected count of a window is the term's forecast for that time of day ({@link DailyCycleFit});
 * its noise is the standard deviation of past forecast errors, but at least the Poisson noise of the
 * expected count (a term that was quiet for hours has a tiny error variance, yet its count is no less
 * random), plus the noise floor. A burst starts when score = (count - expected) / noise reaches the fire
 * threshold on a window with at least the minimum count; it alerts once and then lasts, silently,
 * until the score falls below the lower end threshold.
 *
 * <p>Windows enter the baseline winsorized: a count above expected + learn cap * noise enters at that
 * level, and during a burst at expected + end threshold * noise. A burst's first windows, still below
 * the fire threshold, would otherwise inflate the variance and mean that decide whether it fires; and
 * a burst does not become the new normal, while a lasting rise is still absorbed within a few
 * half-lives (the burst then ends). The warm-up learns counts as they are.
 */
public final class BurstDetector {

    /** What a window did to a term. */
    public enum Outcome {
        /** No burst before or after (also every window of the warm-up). */
        QUIET,
        /** A burst starts: the step carries the alert. */
        STARTED,
        /** The term stays in a burst that already alerted. */
        CONTINUES,
        /** The score fell below the end threshold: the next crossing alerts again. */
        ENDED
    }

    /** The outcome, the baseline to store for the term, and the alert when a burst started. */
    public record Step(Outcome outcome, TermBaseline baseline, Optional<BurstAlert> alert) {
    }

    private final BurstSettings settings;
    private final double alpha;
    private final long advanceMs;
    private final long alertsFrom;
    private final DailyCycleFit cycle;

    /**
     * @param streamStartMs event time the stream's counting began (the first window's start); windows
     *                      ending within the warm-up after it only train baselines
     */
    public BurstDetector(BurstSettings settings, long streamStartMs) {
        this.settings = settings;
        this.alpha = settings.alpha();
        this.advanceMs = settings.advance().toMillis();
        this.alertsFrom = streamStartMs + settings.warmUp().toMillis();
        this.cycle = new DailyCycleFit(alpha, advanceMs);
    }

    /**
     * Folds one final window into a term's baseline.
     *
     * @param previous the term's stored baseline, or null when there is none (never seen, or deleted
     *                 after {@link #expired})
     * @param window   the term's next window with mentions; windows of one term must come in
     *                 window-start order. The empty windows in between are not passed: they are
     *                 derived from the gap, N = (window.start - previous.lastWindowStart) / advance - 1
     */
    public Step observe(Term term, TermBaseline previous, WindowCount window) {
        TermBaseline base = caughtUp(previous, window.windowStart());
        long count = window.count();
        double expected = cycle.forecast(base);
        double stddev = Math.sqrt(Math.max(base.variance(), expected));
        double noise = stddev + settings.noiseFloor();
        double score = (count - expected) / noise;
        if (window.windowEnd() <= alertsFrom) {
            return new Step(Outcome.QUIET, base.learn(count, expected, alpha, window.windowStart(), false), Optional.empty());
        }
        double quietCap = expected + settings.learnCap() * noise;
        double burstCap = expected + settings.endThreshold() * noise;
        if (!base.bursting()) {
            if (score >= settings.fireThreshold() && count >= settings.minCount()) {
                BurstAlert alert = alert(term, window, expected, stddev, score);
                return new Step(Outcome.STARTED, learn(base, window, expected, burstCap, true), Optional.of(alert));
            }
            return new Step(Outcome.QUIET, learn(base, window, expected, quietCap, false), Optional.empty());
        }
        if (score < settings.endThreshold()) {
            return new Step(Outcome.ENDED, learn(base, window, expected, quietCap, false), Optional.empty());
        }
        return new Step(Outcome.CONTINUES, learn(base, window, expected, burstCap, true), Optional.empty());
    }

    /**
     * True when a term whose last window started at {@code baseline.lastWindowStart()} has been idle
     * longer than the expiry by the window starting at {@code windowStart}. {@link #observe} then starts
     * from an empty baseline, so deleting expired entries from the store (e.g. in a punctuator)
     * changes no alert.
     */
    public boolean expired(TermBaseline baseline, long windowStart) {
        return baseline.lastWindowStart() != TermBaseline.NEVER
                && windowStart - baseline.lastWindowStart() > settings.idleExpiry().toMillis();
    }

    /**
     * The baseline just before {@code windowStart}: the empty windows since the last one folded in,
     * one by one (each has its own forecast; a gap is at most the idle expiry). An empty window scores
     * at most 0, below any end threshold, so a burst does not survive a gap.
     */
    private TermBaseline caughtUp(TermBaseline previous, long windowStart) {
        if (previous == null || previous.lastWindowStart() == TermBaseline.NEVER || expired(previous, windowStart)) {
            return TermBaseline.NEW;
        }
        long gap = windowStart - previous.lastWindowStart();
        if (gap <= 0 || gap % advanceMs != 0) {
            throw new IllegalArgumentException("window starting at " + windowStart + " does not follow the last one, "
                    + previous.lastWindowStart() + ", by a whole number of hops");
        }
        TermBaseline base = previous;
        for (long start = previous.lastWindowStart() + advanceMs; start < windowStart; start += advanceMs) {
            base = base.learn(0, cycle.forecast(base), alpha, start, false);
        }
        return base;
    }

    private TermBaseline learn(TermBaseline base, WindowCount window, double expected, double cap, boolean bursting) {
        return base.learn(Math.min(window.count(), cap), expected, alpha, window.windowStart(), bursting);
    }

    private static BurstAlert alert(Term term, WindowCount window, double expected, double stddev, double score) {
        return BurstAlert.newBuilder()
                .setKeyword(term.text())
                .setKind(term.kind())
                .setWindowStart(Instant.ofEpochMilli(window.windowStart()))
                .setWindowEnd(Instant.ofEpochMilli(window.windowEnd()))
                .setCount(window.count())
                .setBaselineMean(expected)
                .setBaselineStddev(stddev)
                .setScore(score)
                .setSamples(window.samples().subList(0, Math.min(BurstSettings.MAX_SAMPLES, window.samples().size())))
                .build();
    }
}
