package io.newsflow.enrich.bursts;

import io.newsflow.avro.BurstAlert;

import java.time.Instant;
import java.util.Optional;

/**
 * Decides, per term and final window, whether a burst starts, continues or ends, and updates the
 * term's baseline. A pure function of (settings, stream start, baseline, window): the same windows in
 * the same order give the same alerts.
 *
 * <p>A burst starts when score = (count - mean) / (stddev + noise floor) reaches the fire threshold
 * on a window with at least the minimum count; it alerts once and then lasts, silently, until the
 * score falls below the lower end threshold. While a term bursts its counts enter the baseline capped
 * at the end-threshold level (mean + end * (stddev + floor)): the baseline creeps up as for an
 * ordinary high count instead of learning the burst as the new normal, yet a lasting rise is
 * absorbed within a few half-lives and the burst then ends.
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

    /**
     * @param streamStartMs event time the stream's counting began (the first window's start); windows
     *                      ending within the warm-up after it only train baselines
     */
    public BurstDetector(BurstSettings settings, long streamStartMs) {
        this.settings = settings;
        this.alpha = settings.alpha();
        this.advanceMs = settings.advance().toMillis();
        this.alertsFrom = streamStartMs + settings.warmUp().toMillis();
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
        double score = base.score(count, settings.noiseFloor());
        if (window.windowEnd() <= alertsFrom) {
            return new Step(Outcome.QUIET, base.learn(count, alpha, window.windowStart(), false), Optional.empty());
        }
        if (!base.bursting()) {
            if (score >= settings.fireThreshold() && count >= settings.minCount()) {
                BurstAlert alert = alert(term, window, base, score);
                return new Step(Outcome.STARTED, learnCapped(base, window), Optional.of(alert));
            }
            return new Step(Outcome.QUIET, base.learn(count, alpha, window.windowStart(), false), Optional.empty());
        }
        if (score < settings.endThreshold()) {
            return new Step(Outcome.ENDED, base.learn(count, alpha, window.windowStart(), false), Optional.empty());
        }
        return new Step(Outcome.CONTINUES, learnCapped(base, window), Optional.empty());
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

    /** The baseline just before {@code windowStart}: the empty windows since the last one folded in. */
    private TermBaseline caughtUp(TermBaseline previous, long windowStart) {
        if (previous == null || previous.lastWindowStart() == TermBaseline.NEVER || expired(previous, windowStart)) {
            return TermBaseline.NEW;
        }
        long gap = windowStart - previous.lastWindowStart();
        if (gap <= 0 || gap % advanceMs != 0) {
            throw new IllegalArgumentException("window starting at " + windowStart + " does not follow the last one, "
                    + previous.lastWindowStart() + ", by a whole number of hops");
        }
        return previous.skipEmpty(gap / advanceMs - 1, alpha, advanceMs);
    }

    private TermBaseline learnCapped(TermBaseline base, WindowCount window) {
        double cap = base.mean() + settings.endThreshold() * (base.stddev() + settings.noiseFloor());
        return base.learn(Math.min(window.count(), cap), alpha, window.windowStart(), true);
    }

    private static BurstAlert alert(Term term, WindowCount window, TermBaseline base, double score) {
        return BurstAlert.newBuilder()
                .setKeyword(term.text())
                .setKind(term.kind())
                .setWindowStart(Instant.ofEpochMilli(window.windowStart()))
                .setWindowEnd(Instant.ofEpochMilli(window.windowEnd()))
                .setCount(window.count())
                .setBaselineMean(base.mean())
                .setBaselineStddev(base.stddev())
                .setScore(score)
                .setSamples(window.samples().subList(0, Math.min(BurstSettings.MAX_SAMPLES, window.samples().size())))
                .build();
    }
}
