package io.newsflow.enrich.bursts;

import io.newsflow.avro.internal.TermBucket;
import io.newsflow.avro.internal.TermBuckets;
import io.newsflow.avro.internal.TermMention;
import io.newsflow.avro.internal.TermWindowCount;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hop-window counting of one term through buckets one window advance long: a mention updates one
 * bucket, and a window (size a multiple of the advance) is the sum of the buckets it covers, handed
 * over once, when final (stream time at or past its end plus grace). The same windows, counts and
 * samples as a windowed aggregation followed by suppression until the windows close, for one store
 * write per mention instead of one per overlapping window ({@code size / advance} of them). The
 * windows not final yet can be read with their counts so far ({@link #open}).
 */
final class HopBuckets {
    /** {@link #due} of a state with no buckets. */
    public static final long NONE = Long.MAX_VALUE;

    private final long size;
    private final long advance;
    private final long grace;

    public HopBuckets(BurstSettings settings) {
        this.size = settings.windowSize().toMillis();
        this.advance = settings.advance().toMillis();
        this.grace = settings.grace().toMillis();
    }

    /** A final window of a term. */
    public record Window(long start, long end, TermWindowCount count) {}

    /** A term never counted, or whose buckets were all handed over. */
    public static TermBuckets empty() {
        return new TermBuckets(Long.MIN_VALUE, List.of());
    }

    /**
     * Counts a mention made at {@code eventTime}, after {@link #handOver} at the same stream time.
     * Windows already final take no more mentions, as in a windowed aggregation: empty when every
     * window the mention falls in is final (too late to count).
     */
    public Optional<TermBuckets> add(TermBuckets state, TermMention mention, long eventTime, long streamTime) {
        long bucket = Math.floorDiv(eventTime, advance) * advance;
        long next = Math.max(state.getNextWindowStart(), firstOpenWindow(streamTime));
        if (bucket < next) {
            return Optional.empty();
        }
        List<TermBucket> buckets = new ArrayList<>(state.getBuckets());
        int at = 0;
        while (at < buckets.size() && buckets.get(at).getStart() < bucket) {
            at++;
        }
        if (at < buckets.size() && buckets.get(at).getStart() == bucket) {
            TermBucket old = buckets.get(at);
            buckets.set(
                    at,
                    new TermBucket(
                            bucket, old.getCount() + 1, TermWindowCounts.earliest(old.getSamples(), List.of(mention))));
        } else {
            buckets.add(at, new TermBucket(bucket, 1L, List.of(mention)));
        }
        return Optional.of(new TermBuckets(next, buckets));
    }

    /** Start of the earliest window not final at {@code streamTime}. */
    private long firstOpenWindow(long streamTime) {
        if (streamTime < Long.MIN_VALUE / 2) {
            return Long.MIN_VALUE;
        }
        return Math.floorDiv(streamTime - size - grace, advance) * advance + advance;
    }

    /**
     * The windows final at {@code streamTime} that hold any mention, oldest first, and the state
     * left: buckets no later window covers are dropped.
     */
    public Handover handOver(TermBuckets state, long streamTime) {
        List<TermBucket> buckets = state.getBuckets();
        List<Window> windows = new ArrayList<>();
        long next = state.getNextWindowStart();
        if (!buckets.isEmpty()) {
            long start = firstWindow(state);
            long last = buckets.get(buckets.size() - 1).getStart();
            for (; start <= last && start + size + grace <= streamTime; start += advance) {
                TermWindowCount count = sum(buckets, start, start + size);
                if (count.getCount() > 0) {
                    windows.add(new Window(start, start + size, count));
                }
            }
            next = Math.max(next, start);
        }
        long firstKept = next;
        List<TermBucket> kept =
                buckets.stream().filter(b -> b.getStart() >= firstKept).toList();
        return new Handover(windows, new TermBuckets(next, kept));
    }

    /** What {@link #handOver} gives. */
    public record Handover(List<Window> windows, TermBuckets state) {}

    /** A window not final yet, with its count so far. */
    public record OpenWindow(long start, long end, long count) {}

    /**
     * The windows not handed over yet that hold a mention, oldest first, with their counts so far
     * (after {@link #handOver}, the windows not final yet); {@link #sum} gives a window's samples.
     */
    public List<OpenWindow> open(TermBuckets state) {
        List<TermBucket> buckets = state.getBuckets();
        List<OpenWindow> windows = new ArrayList<>();
        if (buckets.isEmpty()) {
            return windows;
        }
        long last = buckets.get(buckets.size() - 1).getStart();
        for (long start = firstWindow(state); start <= last; start += advance) {
            long count = 0;
            for (TermBucket bucket : buckets) {
                if (bucket.getStart() >= start && bucket.getStart() < start + size) {
                    count += bucket.getCount();
                }
            }
            if (count > 0) {
                windows.add(new OpenWindow(start, start + size, count));
            }
        }
        return windows;
    }

    /**
     * Stream time at which the first window not yet handed over that covers a bucket becomes final
     * ({@link #NONE} without buckets): {@link #handOver} has work from then on.
     */
    public long due(TermBuckets state) {
        List<TermBucket> buckets = state.getBuckets();
        if (buckets.isEmpty()) {
            return NONE;
        }
        return firstWindow(state) + size + grace;
    }

    /** Start of the first window not handed over yet that covers a bucket (state with buckets). */
    private long firstWindow(TermBuckets state) {
        return Math.max(state.getNextWindowStart(), state.getBuckets().get(0).getStart() - size + advance);
    }

    /** The count and earliest samples of the buckets in [start, end). */
    public static TermWindowCount sum(List<TermBucket> buckets, long start, long end) {
        long count = 0;
        List<TermMention> samples = List.of();
        for (TermBucket bucket : buckets) {
            if (bucket.getStart() >= start && bucket.getStart() < end) {
                count += bucket.getCount();
                samples = TermWindowCounts.earliest(samples, bucket.getSamples());
            }
        }
        return new TermWindowCount(count, samples);
    }
}
