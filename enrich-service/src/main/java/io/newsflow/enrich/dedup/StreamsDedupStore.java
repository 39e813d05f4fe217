package io.newsflow.enrich.dedup;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link DedupStore} over three Kafka Streams window stores, so the index survives restarts and
 * fail-over (changelogged) and stays bounded by the retention window (old segments are dropped).
 * Band keys hold only small refs; each fingerprint is stored once, under its item.
 */
final class StreamsDedupStore implements DedupStore {
    static final String ENTRIES = "dedup-band-entries";
    static final String FINGERPRINTS = "dedup-fingerprints";
    static final String ORIGINALS = "dedup-originals";

    private final WindowStore<Long, byte[]> entries;
    private final WindowStore<String, byte[]> fingerprints;
    private final WindowStore<String, byte[]> originals;

    StreamsDedupStore(WindowStore<Long, byte[]> entries, WindowStore<String, byte[]> fingerprints,
                      WindowStore<String, byte[]> originals) {
        this.entries = entries;
        this.fingerprints = fingerprints;
        this.originals = originals;
    }

    @Override
    public void put(long[] keys, IndexEntry entry) {
        long time = entry.item().eventTime();
        fingerprints.put(fingerprintKey(entry.item().id(), entry.lead()), IndexCodec.fingerprint(entry.fingerprint()), time);
        byte[] ref = IndexCodec.ref(entry.item(), entry.lead());
        for (long key : keys) {
            entries.put(key, ref, time);
        }
    }

    @Override
    public List<IndexEntry> get(long key) {
        List<IndexEntry> found = new ArrayList<>();
        try (WindowStoreIterator<byte[]> refs = entries.fetch(key, 0L, Long.MAX_VALUE)) {
            while (refs.hasNext()) {
                IndexCodec.StoredRef stored = IndexCodec.storedRef(refs.next().value);
                byte[] fingerprint = fingerprints.fetch(fingerprintKey(stored.ref().id(), stored.lead()), stored.ref().eventTime());
                if (fingerprint != null) {
                    found.add(new IndexEntry(stored.ref(), stored.lead(), IndexCodec.fingerprint(fingerprint)));
                }
            }
        }
        return found;
    }

    @Override
    public void putOriginal(ItemRef item, ItemRef original) {
        originals.put(item.id(), IndexCodec.ref(original), item.eventTime());
    }

    @Override
    public Optional<ItemRef> original(String itemId) {
        ItemRef latest = null;
        try (WindowStoreIterator<byte[]> found = originals.fetch(itemId, 0L, Long.MAX_VALUE)) {
            while (found.hasNext()) {
                KeyValue<Long, byte[]> next = found.next();
                latest = IndexCodec.itemRef(next.value);
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Window stores drop whole segments once they fall out of retention; nothing to do per item. */
    @Override
    public void evictBefore(long eventTime) {
    }

    private static String fingerprintKey(String id, boolean lead) {
        return lead ? id + "#lead" : id;
    }
}
