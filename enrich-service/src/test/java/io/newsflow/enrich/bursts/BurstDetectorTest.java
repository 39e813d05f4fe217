package io.newsflow.enrich.bursts;

import io.newsflow.avro.AlertSample;
import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.TermKind;
import io.newsflow.avro.internal.TermBuckets;
import io.newsflow.avro.internal.TermMention;
import io.newsflow.enrich.bursts.BurstDetector.Outcome;
import io.newsflow.enrich.bursts.BurstDetector.Step;
import io.newsflow.enrich.bursts.BurstTimelineGenerator.Mention;
import io.newsflow.enrich.bursts.BurstTimelineGenerator.Timeline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BurstDetectorTest {

    private static final BurstSettings SETTINGS = BurstSettings.defaults();
    private static final long T0 = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();
    private static final long HOP = SETTINGS.advance().toMillis();
    private static final long HOPS_PER_DAY = Duration.ofDays(1).toMillis() / HOP;
    private static final Term AGROKOR = new Term(TermKind.KEYWORD, "Agrokor");

    /** Feeds one term's windows; counts are per hop index, null = no mention (window not emitted). */
    private static final class Feed {
        final BurstDetector detector = new BurstDetector(SETTINGS, T0);
        final List<Step> steps = new ArrayList<>();
        TermBaseline baseline;
        long hop;

        Feed counts(long count, long hops) {
            for (long i = 0; i < hops; i++) {
                next(count);
            }
            return this;
        }

        Feed next(long count) {
            if (count > 0) {
                Step step = detector.observe(AGROKOR, baseline, window(hop, count));
                steps.add(step);
                baseline = step.baseline();
            }
            hop++;
            return this;
        }

        List<BurstAlert> alerts() {
            return steps.stream().flatMap(s -> s.alert().stream()).toList();
        }
    }

    private static WindowCount window(long hop, long count) {
        long start = T0 + hop * HOP;
        List<AlertSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new AlertSample("item-" + hop + "-" + i, "Agrokor story " + i));
        }
        return new WindowCount(start, start + SETTINGS.windowSize().toMillis(), count, samples);
    }

    @Test
    void steadyKeywordNeverFires() {
        Feed feed = new Feed().counts(4, 4 * HOPS_PER_DAY);
        assertEquals(List.of(), feed.alerts());
        assertEquals(4.0, feed.baseline.mean(), 1e-3);
    }

    @Test
    void alwaysFrequentTermWithPoissonNoiseAndDailyCycleDoesNotFire() {
        // "government": 20 mentions an hour on average, x0.4 at night to x1.6 in the afternoon, each
        // 1 h window the sum of twelve Poisson 5-minute slots, as hop windows overlap in reality.
        SplittableRandom random = new SplittableRandom(7);
        Feed feed = new Feed();
        long[] slots = new long[12];
        for (long hop = 0; hop < 7 * HOPS_PER_DAY; hop++) {
            double hourOfDay = (hop % HOPS_PER_DAY) / 12.0;
            double mean = 20.0 / 12 * (1 + 0.6 * Math.sin(2 * Math.PI * (hourOfDay - 9) / 24));
            slots[(int) (hop % 12)] = poisson(random, mean);
            feed.next(Arrays.stream(slots).sum());
        }
        assertEquals(List.of(), feed.alerts());
    }

    @Test
    void spikeFiresOnceAndEndsWhenTheScoreFallsBelowTheLowerThreshold() {
        Feed feed = new Feed().counts(1, 2 * HOPS_PER_DAY).counts(12, 12).counts(1, 24);
        List<BurstAlert> alerts = feed.alerts();
        assertEquals(1, alerts.size(), "one alert per burst, not one per hop");
        BurstAlert alert = alerts.get(0);
        assertEquals(12, alert.getCount());
        // 1, not quite: a new term counted zero before its first window, 6 half-lives ago.
        assertEquals(1.0, alert.getBaselineMean(), 0.02);
        assertEquals(5, alert.getSamples().size(), "samples are capped at 5");
        assertEquals(Instant.ofEpochMilli(T0 + 2 * HOPS_PER_DAY * HOP), alert.getWindowStart());
        List<Outcome> outcomes = feed.steps.stream().map(Step::outcome).toList();
        int started = outcomes.indexOf(Outcome.STARTED);
        assertEquals(
                List.of(Outcome.CONTINUES),
                outcomes.subList(started + 1, started + 12).stream().distinct().toList());
        assertEquals(Outcome.ENDED, outcomes.get(started + 12));
        assertFalse(feed.baseline.bursting());
    }

    @Test
    void aBurstDoesNotBecomeTheNewNormal() {
        Feed feed = new Feed().counts(1, 2 * HOPS_PER_DAY).counts(12, 24);
        assertEquals(1, feed.alerts().size());
        assertTrue(feed.baseline.bursting(), "two hours at 12x is still a burst");
        assertTrue(feed.baseline.mean() < 3, "capped learning keeps the mean low: " + feed.baseline.mean());
    }

    @Test
    void aLaterSecondBurstFiresAgain() {
        Feed feed = new Feed()
                .counts(1, 2 * HOPS_PER_DAY)
                .counts(12, 12)
                .counts(1, HOPS_PER_DAY)
                .counts(12, 12);
        List<BurstAlert> alerts = feed.alerts();
        assertEquals(2, alerts.size());
        assertEquals(
                Duration.ofDays(1).plus(SETTINGS.advance().multipliedBy(12)),
                Duration.between(alerts.get(0).getWindowStart(), alerts.get(1).getWindowStart()));
    }

    @Test
    void aBrandNewTermDoesNotFireOnItsFirstTwoMentionsButDoesOnAHandful() {
        Feed quiet = new Feed().counts(0, 2 * HOPS_PER_DAY).next(1).next(2).next(2);
        assertEquals(List.of(), quiet.alerts());
        Feed handful = new Feed().counts(0, 2 * HOPS_PER_DAY).next(3);
        assertEquals(1, handful.alerts().size());
        assertEquals(0.0, handful.alerts().get(0).getBaselineMean());
    }

    @Test
    void nothingFiresDuringTheWarmUp() {
        Feed feed = new Feed().counts(50, HOPS_PER_DAY - 12);
        assertEquals(List.of(), feed.alerts());
        assertEquals(Outcome.QUIET, feed.steps.get(0).outcome());
    }

    @Test
    void anIdleTermExpiresAndRestartsFromAnEmptyBaseline() {
        BurstDetector detector = new BurstDetector(SETTINGS, T0);
        TermBaseline frequent = new TermBaseline(5, 0, 0, 4, T0 + 1000 * HOP, false, TermBaseline.NEVER);
        long expiryHops = SETTINGS.idleExpiry().toMillis() / HOP;
        long justInTime = T0 + (1000 + expiryHops) * HOP;
        assertFalse(detector.expired(frequent, justInTime));
        assertTrue(detector.expired(frequent, justInTime + HOP));

        WindowCount late = window(1000 + expiryHops + 1, 3);
        Step afterExpiry = detector.observe(AGROKOR, frequent, late);
        assertEquals(detector.observe(AGROKOR, null, late), afterExpiry, "an expired entry behaves as a deleted one");
        assertEquals(Outcome.STARTED, afterExpiry.outcome(), "3 mentions of a forgotten term are a burst");
    }

    @Test
    void emptyWindowsDerivedFromTheGapEqualExplicitZeroWindows() {
        long[] counts = new long[3 * (int) HOPS_PER_DAY];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < counts.length; i++) {
            counts[i] = random.nextDouble() < 0.7 ? 0 : poisson(random, 2);
        }
        counts[2 * (int) HOPS_PER_DAY] = 15;
        BurstDetector detector = new BurstDetector(SETTINGS, T0);
        TermBaseline sparse = null;
        TermBaseline dense = null;
        List<BurstAlert> sparseAlerts = new ArrayList<>();
        List<BurstAlert> denseAlerts = new ArrayList<>();
        for (int hop = 0; hop < counts.length; hop++) {
            Step d = detector.observe(AGROKOR, dense, window(hop, counts[hop]));
            dense = d.baseline();
            d.alert().ifPresent(denseAlerts::add);
            if (counts[hop] > 0) {
                Step s = detector.observe(AGROKOR, sparse, window(hop, counts[hop]));
                sparse = s.baseline();
                s.alert().ifPresent(sparseAlerts::add);
                assertEquals(d.baseline().mean(), s.baseline().mean(), 1e-9);
                assertEquals(d.baseline().variance(), s.baseline().variance(), 1e-9);
                assertEquals(d.baseline().bursting(), s.baseline().bursting());
            }
        }
        assertEquals(1, denseAlerts.size());
        assertEquals(denseAlerts, sparseAlerts);
    }

    /** Mentions of Agrokor through the burst stage's logic ({@link BurstEvaluation#detect}), in the order given. */
    private static List<BurstAlert> stage(long... eventTimes) {
        List<Mention> mentions = new ArrayList<>();
        for (long eventTime : eventTimes) {
            mentions.add(new Mention(AGROKOR, eventTime, eventTime, "item-" + mentions.size(), "Agrokor story"));
        }
        return BurstEvaluation.detect(SETTINGS, new Timeline(T0, T0 + 3 * HOPS_PER_DAY * HOP, mentions, List.of()));
    }

    private static long minutes(long n) {
        return Duration.ofMinutes(n).toMillis();
    }

    @Test
    void aBurstAlertsWithTheMentionThatCrossesAndNotAgainWhenItsWindowsAreFinal() {
        long noon = T0 + 2 * HOPS_PER_DAY * HOP + Duration.ofHours(12).toMillis();
        List<BurstAlert> alerts = stage(noon, noon + minutes(1), noon + minutes(2), noon + minutes(3));
        assertEquals(1, alerts.size(), "one alert, early; the final windows only continue the burst: " + alerts);
        BurstAlert alert = alerts.get(0);
        assertEquals(3, alert.getCount(), "a never-seen term crosses at the minimum count");
        assertEquals(Instant.ofEpochMilli(noon + minutes(2)), alert.getDetectedAt());
        assertEquals(
                Instant.ofEpochMilli(noon - minutes(55)),
                alert.getWindowStart(),
                "the first window holding the mentions");
        assertEquals(3, alert.getSamples().size());
    }

    @Test
    void lateMentionsThatMakeAnEarlierWindowCrossOnceFinalDoNotAlertAgain() {
        long noon = T0 + 2 * HOPS_PER_DAY * HOP + Duration.ofHours(12).toMillis();
        // The early alert fires on the window from 11:05; three mentions of 11:58 then come late (within
        // grace) and make the window from 11:00, before it, cross too once final.
        List<BurstAlert> alerts = stage(
                noon, noon + minutes(1), noon + minutes(2), noon - minutes(2), noon - minutes(2), noon - minutes(2));
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(Instant.ofEpochMilli(noon - minutes(55)), alerts.get(0).getWindowStart());
    }

    @Test
    void theAlertedWindowOnceFinalNeverAlertsAgainWhateverItsCount() {
        BurstDetector detector = new BurstDetector(SETTINGS, T0);
        long start = T0 + 2 * HOPS_PER_DAY * HOP;
        TermBaseline alerted = TermBaseline.NEW.withAlertedWindow(start);
        Step weak = detector.observe(AGROKOR, alerted, window(2 * HOPS_PER_DAY, 1));
        assertEquals(Optional.empty(), weak.alert());
        assertEquals(TermBaseline.NEVER, weak.baseline().alertedWindow(), "the early alert's window is done");
        Step strong = detector.observe(AGROKOR, alerted, window(2 * HOPS_PER_DAY, 12));
        assertEquals(Optional.empty(), strong.alert());
        assertTrue(strong.baseline().bursting(), "the burst the early alert told of goes on");
    }

    @Test
    void noEarlyAlertWhileTheTermsBurstHasAlerted() {
        BurstDetector detector = new BurstDetector(SETTINGS, T0);
        HopBuckets hops = new HopBuckets(SETTINGS);
        long now = T0 + 2 * HOPS_PER_DAY * HOP;
        TermBuckets buckets = HopBuckets.empty();
        for (int i = 0; i < 10; i++) {
            buckets = hops.add(buckets, new TermMention(now, new AlertSample("item-" + i, "Agrokor story")), now, now)
                    .orElseThrow();
        }
        Step fired = detector.early(AGROKOR, null, buckets, now).orElseThrow();
        assertTrue(fired.alert().isPresent());
        assertEquals(
                Optional.empty(),
                detector.early(AGROKOR, fired.baseline(), buckets, now),
                "an early alert awaits its window");
        TermBaseline bursting = new TermBaseline(0.1, 0, 0, 0.1, now - HOP, true, TermBaseline.NEVER);
        assertEquals(Optional.empty(), detector.early(AGROKOR, bursting, buckets, now));
        assertFalse(
                detector.expired(
                        fired.baseline().withAlertedWindow(T0),
                        now + SETTINGS.idleExpiry().toMillis() * 2),
                "an entry whose early alert awaits its window is kept");
    }

    private static long poisson(SplittableRandom random, double mean) {
        long k = 0;
        for (double p = Math.exp(-mean), product = random.nextDouble(); product > p; product *= random.nextDouble()) {
            k++;
        }
        return k;
    }
}
