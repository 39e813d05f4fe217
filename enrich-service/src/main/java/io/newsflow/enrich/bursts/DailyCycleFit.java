package io.newsflow.enrich.bursts;

import java.util.HashMap;
import java.util.Map;

/**
 * Forecasts a term's count for its next window from the exponentially weighted sums kept in its
 * {@link TermBaseline}: the weighted least-squares fit of count = a + b cos(t) + c sin(t), t the time
 * of day as an angle. News follows the day (quiet at night, busiest in the afternoon); a flat moving
 * mean lags that swing by hours and so reads the afternoon rise of an ordinary term as a burst (and,
 * learning the rise as noise, misses real bursts), while the fit expects the rise.
 *
 * <p>The fit's normal-equation matrix, the weighted sum of x x' with x = (1, cos t, sin t), depends
 * only on the angle of the last window: every term is taken to have counted zero before its first
 * window (as {@link TermBaseline#NEW} says), so the weighted history of x is the same for all terms.
 * A term therefore stores only the three sums, and the matrix is built from two geometric series,
 * once per time of day: the forecast is a fixed weighting of the sums for each time of day (not
 * thread-safe: one instance per detector).
 */
final class DailyCycleFit {

    private static final long DAY_MS = 86_400_000L;

    private final double alpha;
    private final long advanceMs;
    /** Time of day of the last window (ms since midnight) -> weights of (mean, cosine, sine) in the forecast. */
    private final Map<Long, double[]> weightsByTimeOfDay = new HashMap<>();
    /** alpha / (1 - (1 - alpha) e^(-i k w)) for k = 1, 2 (w = the angle of one hop), as re, im. */
    private final double firstRe;

    private final double firstIm;
    private final double secondRe;
    private final double secondIm;

    DailyCycleFit(double alpha, long advanceMs) {
        this.alpha = alpha;
        this.advanceMs = advanceMs;
        double hop = angle(advanceMs);
        double[] first = weightedSeries(hop);
        double[] second = weightedSeries(2 * hop);
        this.firstRe = first[0];
        this.firstIm = first[1];
        this.secondRe = second[0];
        this.secondIm = second[1];
    }

    /** The time of day of {@code epochMs} as an angle, 0 at midnight UTC. */
    static double angle(long epochMs) {
        return 2 * Math.PI * Math.floorMod(epochMs, DAY_MS) / DAY_MS;
    }

    /**
     * Expected count of the window after {@code baseline.lastWindowStart()}; 0 for a term never seen.
     * Never negative.
     */
    double forecast(TermBaseline baseline) {
        if (baseline.lastWindowStart() == TermBaseline.NEVER) {
            return 0;
        }
        double[] w =
                weightsByTimeOfDay.computeIfAbsent(Math.floorMod(baseline.lastWindowStart(), DAY_MS), this::weights);
        return Math.max(0, w[0] * baseline.mean() + w[1] * baseline.cosine() + w[2] * baseline.sine());
    }

    /** x' G^-1 with x = (1, cos, sin) of the next window and G the normal-equation matrix after the last one. */
    private double[] weights(long lastTimeOfDay) {
        double last = angle(lastTimeOfDay);
        // sum over k of alpha (1-alpha)^k e^(i m (last - k hop)) = e^(i m last) * series(m)
        double c1 = rotatedRe(firstRe, firstIm, last);
        double s1 = rotatedIm(firstRe, firstIm, last);
        double c2 = rotatedRe(secondRe, secondIm, 2 * last);
        double s2 = rotatedIm(secondRe, secondIm, 2 * last);
        double next = angle(lastTimeOfDay + advanceMs);
        // G is symmetric, so x' G^-1 = (G^-1 x)'
        return solveSymmetric(1, c1, s1, (1 + c2) / 2, s2 / 2, (1 - c2) / 2, 1, Math.cos(next), Math.sin(next));
    }

    private double[] weightedSeries(double angle) {
        double re = 1 - (1 - alpha) * Math.cos(angle);
        double im = (1 - alpha) * Math.sin(angle);
        double norm = re * re + im * im;
        return new double[] {alpha * re / norm, -alpha * im / norm};
    }

    private static double rotatedRe(double re, double im, double angle) {
        return re * Math.cos(angle) - im * Math.sin(angle);
    }

    private static double rotatedIm(double re, double im, double angle) {
        return re * Math.sin(angle) + im * Math.cos(angle);
    }

    /** Solves [[a, b, c], [b, d, e], [c, e, f]] x = (p, q, r) by Cramer's rule. */
    private static double[] solveSymmetric(
            double a, double b, double c, double d, double e, double f, double p, double q, double r) {
        double det = a * (d * f - e * e) - b * (b * f - e * c) + c * (b * e - d * c);
        return new double[] {
            (p * (d * f - e * e) - b * (q * f - e * r) + c * (q * e - d * r)) / det,
            (a * (q * f - r * e) - p * (b * f - e * c) + c * (b * r - q * c)) / det,
            (a * (d * r - e * q) - b * (b * r - q * c) + p * (b * e - d * c)) / det
        };
    }
}
