package io.newsflow.enrich.bursts;

import io.newsflow.avro.BurstAlert;
import io.newsflow.enrich.bursts.BurstTimelineGenerator.Category;
import io.newsflow.enrich.bursts.BurstTimelineGenerator.InjectedBurst;
import io.newsflow.enrich.bursts.BurstTimelineGenerator.Mention;
import io.newsflow.enrich.bursts.BurstTimelineGenerator.Timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs {@link BurstDetector} over a generated timeline the way the Streams wiring will (hop windows
 * with grace, each term's non-empty final windows in order, empty ones derived from the gaps) and
 * scores the alerts against the injected bursts. An alert matches a burst of its term when its
 * window overlaps the burst; precision = matching alerts / alerts, recall = bursts with a matching
 * alert / bursts, delay = end of the first matching alert's window - burst start (event time).
 * {@code BurstEvaluationTest} prints the report.
 */
final class BurstEvaluation {

    /** How one injected burst fared: delay of its first alert (-1 when missed) and how many alerts matched it. */
    record BurstResult(Category category, long delayMs, int alerts) {
        boolean detected() {
            return delayMs >= 0;
        }
    }

    record Report(List<BurstResult> bursts, int alerts, int matchedAlerts) {

        Report plus(Report other) {
            return new Report(Stream.concat(bursts.stream(), other.bursts.stream()).toList(),
                    alerts + other.alerts, matchedAlerts + other.matchedAlerts);
        }

        double precision() {
            return alerts == 0 ? 1.0 : (double) matchedAlerts / alerts;
        }

        double recall() {
            return bursts.isEmpty() ? 1.0 : (double) detected(bursts) / bursts.size();
        }

        double medianDelayMinutes() {
            return delayQuantile(bursts, 0.5);
        }

        double p90DelayMinutes() {
            return delayQuantile(bursts, 0.9);
        }

        /** Alerts beyond the first on detected bursts: each is a re-alert the hysteresis failed to stop. */
        long repeatAlerts() {
            return bursts.stream().filter(BurstResult::detected).mapToLong(b -> b.alerts - 1).sum();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(String.format(
                    "precision %.3f (%d/%d)  recall %.3f (%d/%d)  delay median %.2f min, p90 %.1f min  repeat alerts %d",
                    precision(), matchedAlerts, alerts, recall(), detected(bursts), bursts.size(),
                    medianDelayMinutes(), p90DelayMinutes(), repeatAlerts()));
            for (Category c : Category.values()) {
                List<BurstResult> of = bursts.stream().filter(b -> b.category == c).toList();
                s.append(String.format("%n    %-8s recall %d/%d  delay median %.1f min", c, detected(of), of.size(),
                        delayQuantile(of, 0.5)));
            }
            return s.toString();
        }

        private static long detected(List<BurstResult> results) {
            return results.stream().filter(BurstResult::detected).count();
        }

        private static double delayQuantile(List<BurstResult> results, double q) {
            long[] delays = results.stream().filter(BurstResult::detected).mapToLong(BurstResult::delayMs).sorted().toArray();
            return delays.length == 0 ? Double.NaN : delays[(int) Math.ceil(q * delays.length) - 1] / 60_000.0;
        }
    }

    private BurstEvaluation() {
    }

    /** Every alert the detector raises on the timeline, ordered by window end, then term. */
    static List<BurstAlert> detect(BurstSettings settings, Timeline timeline) {
        HopWindowCounter counter = new HopWindowCounter(settings);
        for (Mention m : timeline.mentions()) {
            counter.add(m.term(), m.eventTime(), m.itemId(), m.headline());
        }
        BurstDetector detector = new BurstDetector(settings, timeline.start());
        List<BurstAlert> alerts = new ArrayList<>();
        for (Map.Entry<Term, List<WindowCount>> e : counter.finalCounts().entrySet()) {
            TermBaseline baseline = null;
            for (WindowCount window : e.getValue()) {
                BurstDetector.Step step = detector.observe(e.getKey(), baseline, window);
                baseline = step.baseline();
                step.alert().ifPresent(alerts::add);
            }
        }
        alerts.sort(Comparator.comparing(BurstAlert::getWindowEnd).thenComparing(BurstAlert::getKind)
                .thenComparing(BurstAlert::getKeyword));
        return alerts;
    }

    static Report score(Timeline timeline, List<BurstAlert> alerts) {
        List<BurstResult> results = new ArrayList<>();
        int matched = 0;
        for (BurstAlert alert : alerts) {
            matched += timeline.bursts().stream().anyMatch(b -> matches(alert, b)) ? 1 : 0;
        }
        for (InjectedBurst burst : timeline.bursts()) {
            List<BurstAlert> mine = alerts.stream().filter(a -> matches(a, burst)).toList();
            long delay = mine.isEmpty() ? -1 : mine.get(0).getWindowEnd().toEpochMilli() - burst.start();
            results.add(new BurstResult(burst.category(), delay, mine.size()));
        }
        return new Report(results, alerts.size(), matched);
    }

    static Report evaluate(BurstSettings settings, long seed, int onsetClump) {
        Timeline timeline = BurstTimelineGenerator.generate(seed, onsetClump);
        return score(timeline, detect(settings, timeline));
    }

    private static boolean matches(BurstAlert alert, InjectedBurst burst) {
        return alert.getKind() == burst.term().kind() && alert.getKeyword().equals(burst.term().text())
                && alert.getWindowEnd().toEpochMilli() > burst.start()
                && alert.getWindowStart().toEpochMilli() < burst.end();
    }
}
