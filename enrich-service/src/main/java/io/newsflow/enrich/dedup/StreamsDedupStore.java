package io.newsflow.enrich.dedup;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link DedupStore} over three Kafka Streams window stores, bounded by the retention window (old
 * segments are dropped whole).
 * <ul>
 *   <li>{@value #FINGERPRINTS}: every indexed entry once, under its item (changelogged: the truth);
 *   <li>{@value #ENTRIES}: the LSH band index, small refs under each band key. Not changelogged: it is
 *       derived, and logging 43 to 86 band writes per item would dominate the app's cost. Whenever it
 *       is empty while entries exist (a new instance, restored or wiped state) it is rebuilt from them;
 *   <li>{@value #ORIGINALS}: the group original of each item (changelogged).
 * </ul>
 */
final class StreamsDedupStore implements DedupStore {
    static final String ENTRIES = "dedup-band-entries";
    static final String FINGERPRINTS = "dedup-fingerprints";
    static final String ORIGINALS = "dedup-originals";
    private static final Logger log = LoggerFactory.getLogger(StreamsDedupStore.class);

    private final WindowStore<Long, byte[]> bands;
    private final WindowStore<String, byte[]> entries;
    private final WindowStore<String, byte[]> originals;

    StreamsDedupStore(WindowStore<Long, byte[]> bands, WindowStore<String, byte[]> entries,
                      WindowStore<String, byte[]> originals) {
        this.bands = bands;
        this.entries = entries;
        this.originals = originals;
    }

    /** Re-derives the band index from the stored entries when it is missing. */
    void rebuildBandsIfMissing(Function<ContentFingerprint, long[]> keysOf) {
        try (KeyValueIterator<Windowed<Long>, byte[]> any = bands.all()) {
            if (any.hasNext()) {
                return;
            }
        }
        long rebuilt = 0;
        try (KeyValueIterator<Windowed<String>, byte[]> all = entries.all()) {
            while (all.hasNext()) {
                IndexEntry entry = IndexCodec.entry(all.next().value);
                putBands(keysOf.apply(entry.fingerprint()), entry);
                rebuilt++;
            }
        }
        if (rebuilt > 0) {
            log.info("Rebuilt the dedup band index from {} stored fingerprints", rebuilt);
        }
    }

    @Override
    public void put(long[] keys, IndexEntry entry) {
        entries.put(entryKey(entry.item().id(), entry.lead()), IndexCodec.entry(entry), entry.item().eventTime());
        putBands(keys, entry);
    }

    private void putBands(long[] keys, IndexEntry entry) {
        byte[] ref = IndexCodec.ref(entry.item(), entry.lead());
        for (long key : keys) {
            bands.put(key, ref, entry.item().eventTime());
        }
    }

    @Override
    public List<IndexEntry> get(long key) {
        List<IndexEntry> found = new ArrayList<>();
        try (WindowStoreIterator<byte[]> refs = bands.fetch(key, 0L, Long.MAX_VALUE)) {
            while (refs.hasNext()) {
                IndexCodec.StoredRef stored = IndexCodec.storedRef(refs.next().value);
                byte[] entry = entries.fetch(entryKey(stored.ref().id(), stored.lead()), stored.ref().eventTime());
                if (entry != null) {
                    found.add(IndexCodec.entry(entry));
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

    private static String entryKey(String id, boolean lead) {
        return lead ? id + "#lead" : id;
    }
}
