package io.newsflow.enrich.bursts;

import java.nio.ByteBuffer;

/**
 * What the detector remembers about one term: exponentially weighted sums of its count per window,
 * plain and times the cosine and sine of the window's time of day (from which {@link DailyCycleFit}
 * forecasts the next window), the exponentially weighted variance of its forecast errors (SigniTrend,
 * Schubert et al., KDD 2014, with the forecast in place of the mean), the start of the last window
 * observed, whether the term is in a burst, and the window an early alert fired on that is not final
 * yet. 49 bytes in {@link #toBytes()} form, so one entry per term fits a Kafka Streams key-value store.
 *
 * @param mean            EWMA of the count per window (its average over the day)
 * @param cosine          EWMA of count * cos(time of day)
 * @param sine            EWMA of count * sin(time of day)
 * @param variance        exponentially weighted variance of count - forecast
 * @param lastWindowStart start (epoch ms) of the last window folded in; {@link #NEVER} when none
 * @param bursting        true between the window that started a burst and the one that ended it
 * @param alertedWindow   start of the window an early alert fired on ({@link BurstDetector#early}),
 *                        until that window is final and folded in; {@link #NEVER} when none: the
 *                        final windows then take the burst as started there and do not alert again
 */
record TermBaseline(
        double mean,
        double cosine,
        double sine,
        double variance,
        long lastWindowStart,
        boolean bursting,
        long alertedWindow) {

    /** {@link #lastWindowStart} of a term never observed. */
    public static final long NEVER = Long.MIN_VALUE;

    /** A term never seen: every earlier window counted zero. */
    public static final TermBaseline NEW = new TermBaseline(0, 0, 0, 0, NEVER, false, NEVER);

    private static final int BYTES = 4 * Double.BYTES + 2 * Long.BYTES + 1;
    /** The form before early alerts (no alerted window), still in stores written by that release. */
    private static final int CYCLE_BYTES = 4 * Double.BYTES + Long.BYTES + 1;
    /** The first release's form (mean, variance, last window, bursting), still in stores written by it. */
    private static final int FLAT_BYTES = 2 * Double.BYTES + Long.BYTES + 1;

    public double stddev() {
        return Math.sqrt(variance);
    }

    /** True when the term's current burst has alerted: it is bursting, or an early alert awaits its window. */
    public boolean alerted() {
        return bursting || alertedWindow != NEVER;
    }

    public TermBaseline withAlertedWindow(long windowStart) {
        return new TermBaseline(mean, cosine, sine, variance, lastWindowStart, bursting, windowStart);
    }

    /**
     * Folds in one window's value with weight alpha: the sums, and the error against the forecast
     * the detector made for it into the variance (the incremental EWM variance of Finch 2009). The
     * alerted window is kept.
     */
    public TermBaseline learn(double value, double forecast, double alpha, long windowStart, boolean nowBursting) {
        double angle = DailyCycleFit.angle(windowStart);
        double error = value - forecast;
        return new TermBaseline(
                mean + alpha * (value - mean),
                cosine + alpha * (value * Math.cos(angle) - cosine),
                sine + alpha * (value * Math.sin(angle) - sine),
                (1 - alpha) * (variance + alpha * error * error),
                windowStart,
                nowBursting,
                alertedWindow);
    }

    public byte[] toBytes() {
        return ByteBuffer.allocate(BYTES)
                .putDouble(mean)
                .putDouble(cosine)
                .putDouble(sine)
                .putDouble(variance)
                .putLong(lastWindowStart)
                .put((byte) (bursting ? 1 : 0))
                .putLong(alertedWindow)
                .array();
    }

    /**
     * Reads any form; a first-release baseline becomes one with no daily swing learned yet, and one
     * stored before early alerts one with no alerted window.
     */
    public static TermBaseline fromBytes(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length == FLAT_BYTES) {
            return new TermBaseline(b.getDouble(), 0, 0, b.getDouble(), b.getLong(), b.get() != 0, NEVER);
        }
        if (bytes.length != BYTES && bytes.length != CYCLE_BYTES) {
            throw new IllegalArgumentException("a TermBaseline takes " + BYTES + " (or " + CYCLE_BYTES + " or "
                    + FLAT_BYTES + ") bytes, got " + bytes.length);
        }
        return new TermBaseline(
                b.getDouble(),
                b.getDouble(),
                b.getDouble(),
                b.getDouble(),
                b.getLong(),
                b.get() != 0,
                bytes.length == BYTES ? b.getLong() : NEVER);
    }
}
