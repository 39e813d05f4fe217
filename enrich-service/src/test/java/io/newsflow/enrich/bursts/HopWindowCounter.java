package io.newsflow.enrich.bursts;

import io.newsflow.avro.AlertSample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plain-Java stand-in for the Streams windowed count, with Kafka's hopping-window rules: windows
 * start at multiples of the advance, and a mention is dropped from a window once stream time (the
 * largest event time seen) has passed that window's end + grace. Keeps the earliest
 * {@link BurstSettings#MAX_SAMPLES} items per window by (event time, item id), a deterministic choice.
 */
final class HopWindowCounter {

    private record Sample(long eventTime, String itemId, String headline) {
    }

    private static final Comparator<Sample> ORDER = Comparator.comparingLong(Sample::eventTime).thenComparing(Sample::itemId);

    private static final class Tally {
        long count;
        final List<Sample> samples = new ArrayList<>();

        void add(Sample sample) {
            count++;
            samples.add(sample);
            samples.sort(ORDER);
            if (samples.size() > BurstSettings.MAX_SAMPLES) {
                samples.remove(samples.size() - 1);
            }
        }
    }

    private final long size;
    private final long advance;
    private final long grace;
    private final Map<Term, TreeMap<Long, Tally>> windows = new HashMap<>();
    private long streamTime = Long.MIN_VALUE;
    private long dropped;

    HopWindowCounter(BurstSettings settings) {
        this.size = settings.windowSize().toMillis();
        this.advance = settings.advance().toMillis();
        this.grace = settings.grace().toMillis();
    }

    /** Counts one item for one term, in arrival order. */
    void add(Term term, long eventTime, String itemId, String headline) {
        streamTime = Math.max(streamTime, eventTime);
        TreeMap<Long, Tally> byStart = windows.computeIfAbsent(term, t -> new TreeMap<>());
        long lastStart = Math.floorDiv(eventTime, advance) * advance;
        for (long start = lastStart; start > eventTime - size && start >= 0; start -= advance) {
            if (start + size + grace <= streamTime) {
                dropped++;
                continue;
            }
            byStart.computeIfAbsent(start, s -> new Tally()).add(new Sample(eventTime, itemId, headline));
        }
    }

    /** Window-count pairs a term missed because they came after the grace period. */
    long dropped() {
        return dropped;
    }

    Map<Term, List<WindowCount>> finalCounts() {
        Map<Term, List<WindowCount>> counts = new TreeMap<>();
        windows.forEach((term, byStart) -> counts.put(term, byStart.entrySet().stream()
                .map(e -> new WindowCount(e.getKey(), e.getKey() + size, e.getValue().count, e.getValue().samples.stream()
                        .map(s -> new AlertSample(s.itemId(), s.headline())).toList()))
                .toList()));
        return counts;
    }
}
