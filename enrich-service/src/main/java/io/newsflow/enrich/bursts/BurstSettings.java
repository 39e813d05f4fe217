package io.newsflow.enrich.bursts;

import io.newsflow.platform.config.NewsflowConfig;

import java.time.Duration;

/**
 * Every knob of burst detection in one place, so an alert can be traced to the settings that
 * produced it ({@link #version()}) and a replay with the same settings reproduces it. Defaults were
 * chosen by {@code BurstEvaluationTest} (docs/bursts.md).
 *
 * @param windowSize     event-time window mentions are counted in (default 1 h)
 * @param advance        hop of the windows (default 5 min); one baseline update per hop
 * @param grace          how late (event time) a mention may arrive and still count (default 10 min);
 *                       a window is final, and handed to the detector, once stream time passes its
 *                       end + grace
 * @param halfLife       event time after which an old count weighs half in the baseline (default 8 h):
 *                       short enough to follow a term's changing level, long enough for the daily-cycle
 *                       fit to see most of a day and, with the capped learning, that a burst of an hour
 *                       or two does not become the norm
 * @param fireThreshold  a burst starts when score >= this (default 3.5)
 * @param endThreshold   a burst ends when score < this (default 1.5); the gap stops one burst from
 *                       alerting again on every hop while its count wobbles
 * @param noiseFloor     added to the standard deviation (SigniTrend's beta, default 0.5): a term
 *                       never seen has stddev 0, and without a floor its first mention would score infinity
 * @param minCount       a window with fewer mentions never starts a burst (default 3): with the floor
 *                       alone a brand-new term would fire on its second mention (2 / 0.5 = 4)
 * @param learnCap       outside bursts a count enters the baseline at most this many noise units above
 *                       the expected count (default 2): the first windows of a burst, before it fires,
 *                       would otherwise inflate the variance that decides whether it fires
 * @param idleExpiry     a term without a mention for this long restarts from an empty baseline
 *                       (default 2 days, eight half-lives: what is left of the old baseline is
 *                       below 0.4%), so its state can be deleted
 * @param warmUp         after the stream's first window nothing alerts for this long (default 1 day):
 *                       at first start every term is "new", "government" included
 */
public record BurstSettings(
        Duration windowSize,
        Duration advance,
        Duration grace,
        Duration halfLife,
        double fireThreshold,
        double endThreshold,
        double noiseFloor,
        long minCount,
        double learnCap,
        Duration idleExpiry,
        Duration warmUp) {

    /** The BurstAlert schema carries up to this many sample items. */
    public static final int MAX_SAMPLES = 5;

    public static final String WINDOW_SIZE = "newsflow.bursts.window.size";
    public static final String ADVANCE = "newsflow.bursts.window.advance";
    public static final String GRACE = "newsflow.bursts.window.grace";
    public static final String HALF_LIFE = "newsflow.bursts.baseline.half.life";
    public static final String FIRE_THRESHOLD = "newsflow.bursts.threshold.fire";
    public static final String END_THRESHOLD = "newsflow.bursts.threshold.end";
    public static final String NOISE_FLOOR = "newsflow.bursts.noise.floor";
    public static final String MIN_COUNT = "newsflow.bursts.min.count";
    public static final String LEARN_CAP = "newsflow.bursts.learn.cap";
    public static final String IDLE_EXPIRY = "newsflow.bursts.idle.expiry";
    public static final String WARM_UP = "newsflow.bursts.warm.up";

    public BurstSettings {
        if (!positive(windowSize)
                || !positive(advance)
                || !positive(halfLife)
                || !positive(idleExpiry)
                || grace.isNegative()
                || warmUp.isNegative()) {
            throw new IllegalArgumentException("durations must be positive (grace and warm-up may be zero)");
        }
        if (windowSize.toMillis() % advance.toMillis() != 0) {
            throw new IllegalArgumentException(
                    "window size " + windowSize + " must be a multiple of the advance " + advance);
        }
        // endThreshold > 0: an empty window (score <= 0) always ends a burst, which the fast-forward relies on.
        if (!(0 < endThreshold && endThreshold <= fireThreshold)) {
            throw new IllegalArgumentException("need 0 < endThreshold <= fireThreshold");
        }
        if (!(noiseFloor > 0) || minCount < 1) {
            throw new IllegalArgumentException("need noiseFloor > 0 and minCount >= 1");
        }
        // learnCap >= endThreshold: a quiet window is never learned more timidly than a bursting one.
        if (!(learnCap >= endThreshold)) {
            throw new IllegalArgumentException("need learnCap >= endThreshold");
        }
    }

    public static BurstSettings defaults() {
        return new BurstSettings(
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                Duration.ofMinutes(10),
                Duration.ofHours(8),
                3.5,
                1.5,
                0.5,
                3,
                2.0,
                Duration.ofDays(2),
                Duration.ofDays(1));
    }

    /** Defaults overridden by the {@code newsflow.bursts.*} keys that are set. */
    public static BurstSettings from(NewsflowConfig config) {
        BurstSettings d = defaults();
        return new BurstSettings(
                config.duration(WINDOW_SIZE, d.windowSize),
                config.duration(ADVANCE, d.advance),
                config.duration(GRACE, d.grace),
                config.duration(HALF_LIFE, d.halfLife),
                config.get(FIRE_THRESHOLD).map(Double::parseDouble).orElse(d.fireThreshold),
                config.get(END_THRESHOLD).map(Double::parseDouble).orElse(d.endThreshold),
                config.get(NOISE_FLOOR).map(Double::parseDouble).orElse(d.noiseFloor),
                config.get(MIN_COUNT).map(Long::parseLong).orElse(d.minCount),
                config.get(LEARN_CAP).map(Double::parseDouble).orElse(d.learnCap),
                config.duration(IDLE_EXPIRY, d.idleExpiry),
                config.duration(WARM_UP, d.warmUp));
    }

    public BurstSettings withThresholds(double fire, double end, double floor, long min) {
        return new BurstSettings(
                windowSize, advance, grace, halfLife, fire, end, floor, min, learnCap, idleExpiry, warmUp);
    }

    public BurstSettings withHalfLife(Duration value) {
        return new BurstSettings(
                windowSize,
                advance,
                grace,
                value,
                fireThreshold,
                endThreshold,
                noiseFloor,
                minCount,
                learnCap,
                idleExpiry,
                warmUp);
    }

    public BurstSettings withLearnCap(double value) {
        return new BurstSettings(
                windowSize,
                advance,
                grace,
                halfLife,
                fireThreshold,
                endThreshold,
                noiseFloor,
                minCount,
                value,
                idleExpiry,
                warmUp);
    }

    /** EWMA weight of the newest window: the half-life expressed in hops. */
    public double alpha() {
        return 1 - Math.pow(0.5, (double) advance.toMillis() / halfLife.toMillis());
    }

    /** Compact description of the settings, for logs and alert provenance. */
    public String version() {
        return "bursts:w" + windowSize.toMinutes() + "m/" + advance.toMinutes() + "m:g" + grace.toMinutes()
                + "m:h" + halfLife.toMinutes() + "m:z" + fireThreshold + "/" + endThreshold + ":b" + noiseFloor
                + ":n" + minCount + ":c" + learnCap + ":x" + idleExpiry.toHours() + "h:u" + warmUp.toHours() + "h";
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
