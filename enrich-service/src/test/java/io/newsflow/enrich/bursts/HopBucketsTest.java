package io.newsflow.enrich.bursts;

import io.newsflow.avro.AlertSample;
import io.newsflow.avro.internal.TermBuckets;
import io.newsflow.avro.internal.TermMention;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HopBucketsTest {
    private static final BurstSettings SETTINGS = BurstSettings.defaults();
    private static final long SIZE = SETTINGS.windowSize().toMillis();
    private static final long ADVANCE = SETTINGS.advance().toMillis();
    private static final long GRACE = SETTINGS.grace().toMillis();
    private static final long T0 = 1_700_000_000_000L - 1_700_000_000_000L % SIZE;

    private final HopBuckets hops = new HopBuckets(SETTINGS);

    /** One window handed over: its start and count. */
    private record Emitted(long start, long count) {}

    /**
     * Kafka's windowed aggregation followed by suppression until the windows close, written out
     * plainly: a mention counts in each window it falls in that is still open at the stream time, and
     * a window is emitted once, when the stream time reaches its end plus grace.
     */
    private static final class Reference {
        private final TreeMap<Long, Long> open = new TreeMap<>();
        private final List<Emitted> emitted = new ArrayList<>();
        private long streamTime = Long.MIN_VALUE;

        void mention(long eventTime) {
            streamTime = Math.max(streamTime, eventTime);
            for (long start = Math.floorDiv(eventTime, ADVANCE) * ADVANCE; start > eventTime - SIZE; start -= ADVANCE) {
                if (start + SIZE + GRACE > streamTime) {
                    open.merge(start, 1L, Long::sum);
                }
            }
            for (Map.Entry<Long, Long> w = open.firstEntry();
                    w != null && w.getKey() + SIZE + GRACE <= streamTime;
                    w = open.firstEntry()) {
                emitted.add(new Emitted(w.getKey(), w.getValue()));
                open.remove(w.getKey());
            }
        }
    }

    /** The same mentions through HopBuckets, the way TermCounter drives it (hand over, then add). */
    private final class Counted {
        private TermBuckets state = HopBuckets.empty();
        private final List<Emitted> emitted = new ArrayList<>();
        private final List<HopBuckets.Window> windows = new ArrayList<>();
        private long streamTime = Long.MIN_VALUE;

        void mention(long eventTime, String id) {
            streamTime = Math.max(streamTime, eventTime);
            if (streamTime >= hops.due(state)) {
                HopBuckets.Handover handover = hops.handOver(state, streamTime);
                handover.windows()
                        .forEach(w ->
                                emitted.add(new Emitted(w.start(), w.count().getCount())));
                windows.addAll(handover.windows());
                state = handover.state();
            }
            Optional<TermBuckets> added = hops.add(
                    state, new TermMention(eventTime, new AlertSample(id, "headline " + id)), eventTime, streamTime);
            added.ifPresent(s -> state = s);
        }
    }

    @Test
    void handsOverTheSameWindowsAndCountsAsAWindowedAggregationOnShuffledLateInput() {
        for (int seed = 1; seed <= 50; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Reference reference = new Reference();
            Counted counted = new Counted();
            long clock = T0;
            for (int i = 0; i < 400; i++) {
                clock += random.nextLong(Duration.ofMinutes(4).toMillis());
                // Mostly on time, some late within grace, a few later than every window they fall in.
                long lateness = random.nextInt(10) < 7
                        ? 0
                        : random.nextLong(Duration.ofMinutes(90).toMillis());
                reference.mention(clock - lateness);
                counted.mention(clock - lateness, "item-" + i);
            }
            long end = clock + SIZE + GRACE + ADVANCE;
            reference.mention(end);
            counted.mention(end, "clock");
            assertEquals(reference.emitted, counted.emitted, "seed " + seed);
            assertTrue(counted.emitted.size() > 100, "the input spans many windows");
        }
    }

    @Test
    void aLateMentionWithinGraceCountsInTheWindowsStillOpen() {
        Counted counted = new Counted();
        counted.mention(T0 + Duration.ofMinutes(70).toMillis(), "on-time");
        // 8 minutes late: its own bucket's latest window (T0+60..T0+120) is still open, earlier ones too.
        counted.mention(T0 + Duration.ofMinutes(62).toMillis(), "late");
        counted.mention(T0 + Duration.ofHours(4).toMillis(), "clock");
        HopBuckets.Window first = counted.windows.get(0);
        assertEquals(T0 + Duration.ofMinutes(5).toMillis(), first.start(), "the first window holding the late mention");
        assertEquals(1, first.count().getCount());
        HopBuckets.Window both = counted.windows.stream()
                .filter(w -> w.count().getCount() == 2)
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("late", "on-time"),
                both.count().getSamples().stream()
                        .map(m -> m.getSample().getItemId())
                        .toList(),
                "samples earliest first by event time");
    }

    @Test
    void keepsNoStateOnceEveryWindowIsHandedOver() {
        Counted counted = new Counted();
        counted.mention(T0, "a");
        counted.mention(T0 + SIZE + GRACE + ADVANCE, "clock");
        assertEquals(
                12,
                counted.emitted.stream().filter(e -> e.start() <= T0).count(),
                "one window per hop covering the mention");
        assertEquals(
                List.of(T0 + SIZE + GRACE + ADVANCE - (T0 + SIZE + GRACE + ADVANCE) % ADVANCE),
                counted.state.getBuckets().stream().map(b -> b.getStart()).toList(),
                "only the clock's bucket is left");
    }
}
