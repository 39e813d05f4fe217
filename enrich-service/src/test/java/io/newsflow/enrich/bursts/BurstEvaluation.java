package io.newsflow.enrich.bursts;

import io.newsflow.avro.AlertSample;
import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.internal.TermBuckets;
import io.newsflow.avro.internal.TermMention;
import io.newsflow.enrich.bursts.BurstTimelineGenerator.Category;
import io.newsflow.enrich.bursts.BurstTimelineGenerator.InjectedBurst;
import io.newsflow.enrich.bursts.BurstTimelineGenerator.Mention;
import io.newsflow.enrich.bursts.BurstTimelineGenerator.Timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs a generated timeline through the burst stage's pure logic the way the Streams wiring does
 * (TermCounter and BurstProcessor): mentions in arrival order counted in {@link HopBuckets}, each
 * term's final windows handed to {@link BurstDetector#observe} before its next mention is counted, and
 * every counted mention followed by {@link BurstDetector#early}; then scores the alerts against the
 * injected bursts. An alert matches a burst of its term when its window overlaps the burst and it was
 * raised at or after the burst's start; precision = matching alerts / alerts, recall = bursts with a
 * matching alert / bursts, delay = detectedAt of the first matching alert - burst start (event time).
 * {@code BurstEvaluationTest} prints the report.
 */
final class BurstEvaluation {

    /** How one injected burst fared: delay of its first alert (-1 when missed) and how many alerts matched it. */
    record BurstResult(Category category, long delayMs, int alerts) {
        boolean detected() {
            return delayMs >= 0;
        }
    }

    /** {@code earlyAlerts}: alerts raised before their window was final. */
    record Report(List<BurstResult> bursts, int alerts, int matchedAlerts, int earlyAlerts) {

        Report plus(Report other) {
            return new Report(
                    Stream.concat(bursts.stream(), other.bursts.stream()).toList(),
                    alerts + other.alerts,
                    matchedAlerts + other.matchedAlerts,
                    earlyAlerts + other.earlyAlerts);
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
            return bursts.stream()
                    .filter(BurstResult::detected)
                    .mapToLong(b -> b.alerts - 1)
                    .sum();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(String.format(
                    "precision %.3f (%d/%d)  recall %.3f (%d/%d)  delay median %.2f min, p90 %.1f min  repeat alerts %d"
                            + "  early alerts %d/%d",
                    precision(),
                    matchedAlerts,
                    alerts,
                    recall(),
                    detected(bursts),
                    bursts.size(),
                    medianDelayMinutes(),
                    p90DelayMinutes(),
                    repeatAlerts(),
                    earlyAlerts,
                    alerts));
            for (Category c : Category.values()) {
                List<BurstResult> of =
                        bursts.stream().filter(b -> b.category == c).toList();
                s.append(String.format(
                        "%n    %-8s recall %d/%d  delay median %.1f min",
                        c, detected(of), of.size(), delayQuantile(of, 0.5)));
            }
            return s.toString();
        }

        private static long detected(List<BurstResult> results) {
            return results.stream().filter(BurstResult::detected).count();
        }

        private static double delayQuantile(List<BurstResult> results, double q) {
            long[] delays = results.stream()
                    .filter(BurstResult::detected)
                    .mapToLong(BurstResult::delayMs)
                    .sorted()
                    .toArray();
            return delays.length == 0 ? Double.NaN : delays[(int) Math.ceil(q * delays.length) - 1] / 60_000.0;
        }
    }

    private BurstEvaluation() {}

    /** Every alert the burst stage raises on the timeline, ordered by detection time, then term. */
    static List<BurstAlert> detect(BurstSettings settings, Timeline timeline) {
        HopBuckets hops = new HopBuckets(settings);
        BurstDetector detector = new BurstDetector(settings, timeline.start());
        Map<Term, TermBuckets> counts = new HashMap<>();
        Map<Term, TermBaseline> baselines = new HashMap<>();
        List<BurstAlert> alerts = new ArrayList<>();
        long streamTime = Long.MIN_VALUE;
        for (Mention m : timeline.mentions()) {
            streamTime = Math.max(streamTime, m.eventTime());
            TermBuckets state = handOver(m.term(), streamTime, hops, detector, counts, baselines, alerts);
            TermMention mention = new TermMention(m.eventTime(), new AlertSample(m.itemId(), m.headline()));
            Optional<TermBuckets> added = hops.add(state, mention, m.eventTime(), streamTime);
            if (added.isPresent()) {
                counts.put(m.term(), added.get());
                detector.early(m.term(), baselines.get(m.term()), added.get(), streamTime)
                        .ifPresent(step -> {
                            baselines.put(m.term(), step.baseline());
                            step.alert().ifPresent(alerts::add);
                        });
            }
        }
        for (Term term : List.copyOf(counts.keySet())) {
            handOver(term, Long.MAX_VALUE, hops, detector, counts, baselines, alerts);
        }
        alerts.sort(Comparator.comparing(BurstAlert::getDetectedAt)
                .thenComparing(BurstAlert::getKind)
                .thenComparing(BurstAlert::getKeyword));
        return alerts;
    }

    /**
     * Hands a term's windows final at {@code streamTime} to the detector, once one is due (as
     * TermCounter does: before then, windows before the first mention's are still open to late ones);
     * its buckets left.
     */
    private static TermBuckets handOver(
            Term term,
            long streamTime,
            HopBuckets hops,
            BurstDetector detector,
            Map<Term, TermBuckets> counts,
            Map<Term, TermBaseline> baselines,
            List<BurstAlert> alerts) {
        TermBuckets state = counts.getOrDefault(term, HopBuckets.empty());
        if (streamTime < hops.due(state)) {
            return state;
        }
        HopBuckets.Handover handover = hops.handOver(state, streamTime);
        for (HopBuckets.Window window : handover.windows()) {
            BurstDetector.Step step = detector.observe(
                    term,
                    baselines.get(term),
                    TermWindowCounts.toWindowCount(window.start(), window.end(), window.count()));
            baselines.put(term, step.baseline());
            step.alert().ifPresent(alerts::add);
        }
        counts.put(term, handover.state());
        return handover.state();
    }

    /** The alerts on the timeline scored against its injected bursts. */
    static Report evaluate(BurstSettings settings, Timeline timeline) {
        List<BurstAlert> alerts = detect(settings, timeline);
        List<BurstResult> results = new ArrayList<>();
        int matched = 0;
        for (BurstAlert alert : alerts) {
            matched += timeline.bursts().stream().anyMatch(b -> matches(alert, b)) ? 1 : 0;
        }
        for (InjectedBurst burst : timeline.bursts()) {
            List<BurstAlert> mine =
                    alerts.stream().filter(a -> matches(a, burst)).toList();
            long delay = mine.isEmpty() ? -1 : mine.get(0).getDetectedAt().toEpochMilli() - burst.start();
            results.add(new BurstResult(burst.category(), delay, mine.size()));
        }
        long grace = settings.grace().toMillis();
        int early = (int) alerts.stream()
                .filter(a -> a.getDetectedAt().toEpochMilli() < a.getWindowEnd().toEpochMilli() + grace)
                .count();
        return new Report(results, alerts.size(), matched, early);
    }

    private static boolean matches(BurstAlert alert, InjectedBurst burst) {
        return alert.getKind() == burst.term().kind()
                && alert.getKeyword().equals(burst.term().text())
                && alert.getWindowEnd().toEpochMilli() > burst.start()
                && alert.getWindowStart().toEpochMilli() < burst.end()
                && alert.getDetectedAt().toEpochMilli() >= burst.start();
    }
}
