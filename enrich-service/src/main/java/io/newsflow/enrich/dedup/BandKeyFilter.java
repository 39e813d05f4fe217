package io.newsflow.enrich.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Which lookup keys the dedup index may hold, answered from the heap: Bloom filters over the keys
 * stored, in slices of event time. Most of an item's band keys were never stored, and a store lookup
 * opens a RocksDB iterator on every segment only to find nothing; the filter says "not there" for
 * about 99% of those. It has no false negatives.
 *
 * <p>A slice is dropped once all its event times are a retention period behind the latest one added,
 * the rule by which the window store stops returning entries, so the filter never hides an entry the
 * store would still give. Each slice grows by adding filters of twice the capacity (a scalable Bloom
 * filter, Almeida et al. 2007), so it needs no size up front. About 2 bytes per key.
 */
final class BandKeyFilter {
    private static final int BITS_PER_KEY = 10;
    private static final int HASHES = 7;
    private static final int FIRST_CAPACITY = 1 << 14;

    private final long retentionMillis;
    private final long sliceMillis;
    private final TreeMap<Long, Slice> slices = new TreeMap<>();
    private long latest = Long.MIN_VALUE;

    BandKeyFilter(Duration retention) {
        this.retentionMillis = retention.toMillis();
        this.sliceMillis = Math.max(Duration.ofHours(1).toMillis(), retentionMillis / 8);
    }

    void add(long[] keys, long eventTime) {
        long slice = Math.floorDiv(eventTime, sliceMillis);
        if (eventTime > latest) {
            latest = eventTime;
            // Slice s holds event times up to (s + 1) * sliceMillis - 1: drop those all before latest - retention.
            slices.headMap(Math.floorDiv(latest - retentionMillis, sliceMillis)).clear();
        }
        slices.computeIfAbsent(slice, s -> new Slice()).add(keys);
    }

    boolean mightContain(long key) {
        for (Slice slice : slices.values()) {
            if (slice.mightContain(key)) {
                return true;
            }
        }
        return false;
    }

    /** Slices held; for tests. */
    int slices() {
        return slices.size();
    }

    private static final class Slice {
        private final List<Bloom> filters = new ArrayList<>(1);

        void add(long[] keys) {
            for (long key : keys) {
                Bloom last = filters.isEmpty() ? null : filters.get(filters.size() - 1);
                if (last == null || last.full()) {
                    last = new Bloom(last == null ? FIRST_CAPACITY : 2 * last.capacity);
                    filters.add(last);
                }
                last.add(key);
            }
        }

        boolean mightContain(long key) {
            for (Bloom filter : filters) {
                if (filter.mightContain(key)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A plain Bloom filter; the keys are already well-mixed 64-bit hashes, so their halves serve as the two hashes. */
    private static final class Bloom {
        final int capacity;
        private final long[] words;
        private final int mask;
        private int count;

        Bloom(int capacity) {
            this.capacity = capacity;
            int bits = Integer.highestOneBit(capacity * BITS_PER_KEY - 1) << 1;
            this.words = new long[bits >>> 6];
            this.mask = bits - 1;
        }

        boolean full() {
            return count >= capacity;
        }

        void add(long key) {
            int h1 = (int) key;
            int h2 = (int) (key >>> 32) | 1;
            for (int i = 0; i < HASHES; i++) {
                int bit = (h1 + i * h2) & mask;
                words[bit >>> 6] |= 1L << bit;
            }
            count++;
        }

        boolean mightContain(long key) {
            int h1 = (int) key;
            int h2 = (int) (key >>> 32) | 1;
            for (int i = 0; i < HASHES; i++) {
                int bit = (h1 + i * h2) & mask;
                if ((words[bit >>> 6] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
