package io.newsflow.enrich.bursts;

import io.newsflow.avro.BurstAlert;
import io.newsflow.enrich.bursts.BurstEvaluation.Report;
import io.newsflow.enrich.bursts.BurstTimelineGenerator.Timeline;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scores the default settings on generated timelines ({@link BurstTimelineGenerator}) and prints the
 * report; {@link #printParameterSweep} documents how the defaults were chosen.
 */
@Tag("evaluation")
class BurstEvaluationTest {

    /** Ten timelines, 500 bursts: three seeds (150 bursts) left the pooled figures a few points apart from seed to seed. */
    private static final List<Long> SEEDS =
            LongStream.rangeClosed(1, 10).boxed().toList();
    /** Bursts open with a dump carrying 1-5 of their items, as in the "five items of one sidebar". */
    private static final int ONSET_CLUMP = 5;

    private static Report pooled(BurstSettings settings, List<Timeline> timelines) {
        return timelines.stream()
                .map(t -> BurstEvaluation.evaluate(settings, t))
                .reduce(Report::plus)
                .orElseThrow();
    }

    private static List<Timeline> timelines(int onsetClump) {
        return SEEDS.stream()
                .map(seed -> BurstTimelineGenerator.generate(seed, onsetClump))
                .toList();
    }

    @Test
    void defaultSettingsDetectInjectedBursts() {
        BurstSettings settings = BurstSettings.defaults();
        List<Timeline> timelines = timelines(ONSET_CLUMP);
        List<Report> perSeed = timelines.stream()
                .map(t -> BurstEvaluation.evaluate(settings, t))
                .toList();
        for (int i = 0; i < SEEDS.size(); i++) {
            System.out.printf("seed %d: %s%n", SEEDS.get(i), perSeed.get(i));
        }
        Report report = perSeed.stream().reduce(Report::plus).orElseThrow();
        System.out.printf(
                "burst evaluation, %s, seeds %s, onset clump 1-%d:%n  %s%n",
                settings.version(), SEEDS, ONSET_CLUMP, report);
        System.out.printf(
                "without onset clump (items spread evenly over the burst):%n  %s%n", pooled(settings, timelines(0)));
        // The targets: precision >= 0.9, recall >= 0.9, median delay <= one window advance (5 min),
        // the delay from burst start to the alert's detectedAt (alerts fire early, as the counts cross).
        assertAll(
                () -> assertTrue(report.precision() >= 0.9, "precision " + report),
                () -> assertTrue(report.recall() >= 0.9, "recall " + report),
                () -> assertTrue(
                        report.medianDelayMinutes()
                                <= BurstSettings.defaults().advance().toMinutes(),
                        "median delay " + report),
                () -> assertTrue(
                        report.repeatAlerts() <= report.bursts().size() / 100, "about one alert per burst " + report));
    }

    @Test
    void replayingTheSameInputGivesTheSameAlerts() {
        BurstSettings settings = BurstSettings.defaults();
        List<BurstAlert> first = BurstEvaluation.detect(settings, BurstTimelineGenerator.generate(4, ONSET_CLUMP));
        List<BurstAlert> replay = BurstEvaluation.detect(settings, BurstTimelineGenerator.generate(4, ONSET_CLUMP));
        assertFalse(first.isEmpty());
        assertEquals(first, replay);
    }

    /**
     * Documents how the half-life, fire threshold and learn cap were chosen; asserts nothing, so it runs
     * only when asked for ({@code -Dburst.sweep=true}, docs/bursts.md): 120 evaluations, most of this class's time.
     */
    @Test
    @EnabledIfSystemProperty(named = "burst.sweep", matches = "true")
    void printParameterSweep() {
        List<Timeline> timelines = timelines(ONSET_CLUMP);
        BurstSettings defaults = BurstSettings.defaults();
        for (Duration halfLife : List.of(Duration.ofHours(6), Duration.ofHours(8), Duration.ofHours(12))) {
            for (double fire : new double[] {3.25, 3.5, 3.75}) {
                printSweepLine(defaults.withHalfLife(halfLife).withThresholds(fire, 1.5, 0.5, 3), timelines);
            }
        }
        // 1.5 = the end threshold, the lowest allowed; 3.5 = the fire threshold, about no cap at all
        for (double cap : new double[] {1.5, 2.5, 3.5}) {
            printSweepLine(defaults.withLearnCap(cap), timelines);
        }
    }

    private static void printSweepLine(BurstSettings s, List<Timeline> timelines) {
        Report r = pooled(s, timelines);
        System.out.printf(
                "half-life %2dh fire %.2f learn cap %.1f: precision %.3f recall %.3f delay median %.1f p90 %.1f min%n",
                s.halfLife().toHours(),
                s.fireThreshold(),
                s.learnCap(),
                r.precision(),
                r.recall(),
                r.medianDelayMinutes(),
                r.p90DelayMinutes());
    }
}
