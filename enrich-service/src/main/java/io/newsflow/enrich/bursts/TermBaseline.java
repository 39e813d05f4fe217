package io.newsflow.enrich.bursts;

import java.nio.ByteBuffer;

/**
 * What the detector remembers about one term: the exponentially weighted mean and variance of its
 * count per window (SigniTrend, Schubert et al., KDD 2014), the start of the last window observed,
 * and whether the term is in a burst. 25 bytes in {@link #toBytes()} form, so one entry per term fits
 * a Kafka Streams key-value store.
 *
 * @param mean            EWMA of the count per window
 * @param variance        exponentially weighted variance of the count per window
 * @param lastWindowStart start (epoch ms) of the last window folded in; {@link #NEVER} when none
 * @param bursting        true between the window that started a burst and the one that ended it
 */
public record TermBaseline(double mean, double variance, long lastWindowStart, boolean bursting) {

    /** {@link #lastWindowStart} of a term never observed. */
    public static final long NEVER = Long.MIN_VALUE;

    /** A term never seen: every earlier window counted zero. */
    public static final TermBaseline NEW = new TermBaseline(0, 0, NEVER, false);

    private static final int BYTES = 2 * Double.BYTES + Long.BYTES + 1;

    public double stddev() {
        return Math.sqrt(variance);
    }

    /** (count - mean) / (stddev + noise floor). */
    public double score(long count, double noiseFloor) {
        return (count - mean) / (stddev() + noiseFloor);
    }

    /**
     * Folds in one window's value with weight alpha (the incremental EWM variance of Finch 2009, the
     * update SigniTrend uses).
     */
    public TermBaseline learn(double value, double alpha, long windowStart, boolean nowBursting) {
        double diff = value - mean;
        double increment = alpha * diff;
        return new TermBaseline(mean + increment, (1 - alpha) * (variance + diff * increment), windowStart, nowBursting);
    }

    /**
     * Folds in {@code n} windows that counted zero, in closed form: with a = 1 - alpha,
     * mean_n = a^n mean and variance_n = a^n (variance + mean^2 (1 - a^n)), which is what n calls of
     * {@code learn(0, ...)} give (up to rounding). An empty window scores at most 0, below any end
     * threshold, so a burst does not survive a gap.
     */
    public TermBaseline skipEmpty(long n, double alpha, long advanceMs) {
        if (n < 0) {
            throw new IllegalArgumentException("negative number of empty windows: " + n);
        }
        if (n == 0) {
            return this;
        }
        double decay = Math.pow(1 - alpha, n);
        return new TermBaseline(decay * mean, decay * (variance + mean * mean * (1 - decay)),
                lastWindowStart + n * advanceMs, false);
    }

    public byte[] toBytes() {
        return ByteBuffer.allocate(BYTES).putDouble(mean).putDouble(variance).putLong(lastWindowStart)
                .put((byte) (bursting ? 1 : 0)).array();
    }

    public static TermBaseline fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a TermBaseline takes " + BYTES + " bytes, got " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new TermBaseline(b.getDouble(), b.getDouble(), b.getLong(), b.get() != 0);
    }
}
