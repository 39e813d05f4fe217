package io.newsflow.enrich.dedup;

import java.util.List;
import java.util.Optional;

/**
 * Storage behind {@link NearDuplicateIndex}: entries by lookup key (LSH band key or exact-hash key)
 * and the group original of each item, both bounded by event time. Every access is by key, so a
 * Kafka Streams wiring can back it by a windowed/segmented store partitioned by band key.
 */
interface DedupStore {

    /** Stores the entry under each key. */
    void put(long[] keys, IndexEntry entry);

    /** Which entries are stored under the key; {@link #entry} reads one. */
    List<EntryRef> refs(long key);

    /** Whether an entry of the item id is stored (it was indexed and is still within the window). */
    boolean indexed(String itemId);

    /** The entry a ref names, unless it has been evicted. */
    Optional<IndexEntry> entry(EntryRef ref);

    /** Records the current group original of an item. */
    void putOriginal(ItemRef item, ItemRef original);

    /** The group original recorded for the item id, if it is still retained. */
    Optional<ItemRef> original(String itemId);

    /** Drops everything of items whose event time is before the given time. */
    void evictBefore(long eventTime);
}
