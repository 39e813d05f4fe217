package io.newsflow.enrich.bursts;

import io.newsflow.avro.AlertSample;
import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.internal.TermBuckets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides, per term and final window, whether a burst starts, continues or ends, and updates the
 * term's baseline ({@link #observe}); and, as mentions come in, whether the windows not final yet
 * already make a burst start, so that it alerts as soon as the evidence is there ({@link #early}).
 * A pure function of (settings, stream start, baseline, window or counts so far): the same mentions in
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
final class BurstDetector {

    /** What a window did to a term. */
    public enum Outcome {
        /** No burst before or after (also every window of the warm-up). */
        QUIET,
        /** A burst starts: the step carries the alert, unless an early alert already gave it. */
        STARTED,
        /** The term stays in a burst that already alerted. */
        CONTINUES,
        /** The score fell below the end threshold: the next crossing alerts again. */
        ENDED
    }

    /** The outcome, the baseline to store for the term, and the alert when a burst started. */
    public record Step(Outcome outcome, TermBaseline baseline, Optional<BurstAlert> alert) {}

    private final BurstSettings settings;
    private final double alpha;
    private final long advanceMs;
    private final long alertsFrom;
    private final long graceMs;
    private final DailyCycleFit cycle;
    private final HopBuckets hops;

    /**
     * @param streamStartMs event time the stream's counting began (the first window's start); windows
     *                      ending within the warm-up after it only train baselines
     */
    public BurstDetector(BurstSettings settings, long streamStartMs) {
        this.settings = settings;
        this.alpha = settings.alpha();
        this.advanceMs = settings.advance().toMillis();
        this.alertsFrom = streamStartMs + settings.warmUp().toMillis();
        this.graceMs = settings.grace().toMillis();
        this.cycle = new DailyCycleFit(alpha, advanceMs);
        this.hops = new HopBuckets(settings);
    }

    /**
     * Folds one final window into a term's baseline.
     *
     * <p>When an early alert fired on this window or an earlier one ({@link TermBaseline#alertedWindow}),
     * the burst counts as started at the alerted window and does not alert again: a window before it
     * that starts a burst (late mentions made it cross after all) starts it silently, and the alerted
     * window itself is taken as bursting, so it continues or ends by the end threshold like any other.
     * A final alert's {@code detectedAt} is when the window became final: its end plus grace.
     *
     * @param previous the term's stored baseline, or null when there is none (never seen, or deleted
     *                 after {@link #expired})
     * @param window   the term's next window with mentions; windows of one term must come in
     *                 window-start order. The empty windows in between are not passed: they are
     *                 derived from the gap, N = (window.start - previous.lastWindowStart) / advance - 1
     */
    public Step observe(Term term, TermBaseline previous, WindowCount window) {
        TermBaseline base = caughtUp(previous, window.windowStart());
        long alerted = base.alertedWindow();
        if (alerted != TermBaseline.NEVER && window.windowStart() >= alerted) {
            base = new TermBaseline(
                    base.mean(),
                    base.cosine(),
                    base.sine(),
                    base.variance(),
                    base.lastWindowStart(),
                    true,
                    TermBaseline.NEVER);
        }
        Step step = decide(
                term,
                base,
                window.windowStart(),
                window.windowEnd(),
                window.count(),
                window::samples,
                window.windowEnd() + graceMs);
        return alerted == TermBaseline.NEVER ? step : new Step(step.outcome(), step.baseline(), Optional.empty());
    }

    /**
     * Early firing: the alert the counts so far already warrant, before the windows are final. The
     * windows not final yet that hold a mention ({@link HopBuckets#open}) are folded into the term's
     * baseline in order, with their counts so far, exactly as {@link #observe} will fold them once
     * final; the first that starts a burst alerts now, with its count so far and {@code detectedAt =
     * now}. Counts only grow, so a window that crosses now crosses once final too, unless late
     * mentions raise an earlier open window and so its baseline; either way {@link #observe} takes the
     * burst as started at the alerted window.
     *
     * @param stored  the term's stored baseline (every window final so far folded in), or null
     * @param buckets the term's counting state after the mention just counted
     * @param now     stream time when that mention was counted: its event time, or later when it came late
     * @return the alert, with the stored baseline marked with the alerted window (store it); empty when
     *         nothing crosses, or when the term's current burst has already alerted
     */
    public Optional<Step> early(Term term, TermBaseline stored, TermBuckets buckets, long now) {
        if (stored != null && stored.alerted()) {
            return Optional.empty();
        }
        TermBaseline base = stored;
        for (HopBuckets.OpenWindow window : hops.open(buckets)) {
            Step step = decide(
                    term,
                    caughtUp(base, window.start()),
                    window.start(),
                    window.end(),
                    window.count(),
                    () -> TermWindowCounts.toWindowCount(
                                    window.start(),
                                    window.end(),
                                    HopBuckets.sum(buckets.getBuckets(), window.start(), window.end()))
                            .samples(),
                    now);
            if (step.alert().isPresent()) {
                TermBaseline marked = (stored == null ? TermBaseline.NEW : stored).withAlertedWindow(window.start());
                return Optional.of(new Step(Outcome.STARTED, marked, step.alert()));
            }
            base = step.baseline();
        }
        return Optional.empty();
    }

    private Step decide(
            Term term,
            TermBaseline base,
            long windowStart,
            long windowEnd,
            long count,
            Supplier<List<AlertSample>> samples,
            long detectedAt) {
        double expected = cycle.forecast(base);
        double stddev = Math.sqrt(Math.max(base.variance(), expected));
        double noise = stddev + settings.noiseFloor();
        double score = (count - expected) / noise;
        if (windowEnd <= alertsFrom) {
            return new Step(Outcome.QUIET, base.learn(count, expected, alpha, windowStart, false), Optional.empty());
        }
        double quietCap = expected + settings.learnCap() * noise;
        double burstCap = expected + settings.endThreshold() * noise;
        if (!base.bursting()) {
            if (score >= settings.fireThreshold() && count >= settings.minCount()) {
                BurstAlert alert = BurstAlert.newBuilder()
                        .setKeyword(term.text())
                        .setKind(term.kind())
                        .setWindowStart(Instant.ofEpochMilli(windowStart))
                        .setWindowEnd(Instant.ofEpochMilli(windowEnd))
                        .setCount(count)
                        .setBaselineMean(expected)
                        .setBaselineStddev(stddev)
                        .setScore(score)
                        .setSamples(samples.get().stream()
                                .limit(BurstSettings.MAX_SAMPLES)
                                .toList())
                        .setDetectedAt(Instant.ofEpochMilli(detectedAt))
                        .build();
                return new Step(
                        Outcome.STARTED, learn(base, windowStart, count, expected, burstCap, true), Optional.of(alert));
            }
            return new Step(
                    Outcome.QUIET, learn(base, windowStart, count, expected, quietCap, false), Optional.empty());
        }
        if (score < settings.endThreshold()) {
            return new Step(
                    Outcome.ENDED, learn(base, windowStart, count, expected, quietCap, false), Optional.empty());
        }
        return new Step(Outcome.CONTINUES, learn(base, windowStart, count, expected, burstCap, true), Optional.empty());
    }

    /**
     * True when a term whose last window started at {@code baseline.lastWindowStart()} has been idle
     * longer than the expiry by the window starting at {@code windowStart}, and no early alert awaits
     * its window. {@link #observe} then starts from an empty baseline, so deleting expired entries from
     * the store (e.g. in a punctuator) changes no alert.
     */
    public boolean expired(TermBaseline baseline, long windowStart) {
        return baseline.alertedWindow() == TermBaseline.NEVER && idle(baseline, windowStart);
    }

    private boolean idle(TermBaseline baseline, long windowStart) {
        return baseline.lastWindowStart() != TermBaseline.NEVER
                && windowStart - baseline.lastWindowStart()
                        > settings.idleExpiry().toMillis();
    }

    /**
     * The baseline just before {@code windowStart}: the empty windows since the last one folded in,
     * one by one (each has its own forecast; a gap is at most the idle expiry). An empty window scores
     * at most 0, below any end threshold, so a burst does not survive a gap. A baseline idle too long
     * starts over, keeping the window of an early alert.
     */
    private TermBaseline caughtUp(TermBaseline previous, long windowStart) {
        if (previous == null || previous.lastWindowStart() == TermBaseline.NEVER) {
            return previous == null ? TermBaseline.NEW : previous;
        }
        if (idle(previous, windowStart)) {
            return TermBaseline.NEW.withAlertedWindow(previous.alertedWindow());
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

    private TermBaseline learn(
            TermBaseline base, long windowStart, long count, double expected, double cap, boolean bursting) {
        return base.learn(Math.min(count, cap), expected, alpha, windowStart, bursting);
    }
}
