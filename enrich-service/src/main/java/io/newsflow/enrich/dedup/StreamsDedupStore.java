package io.newsflow.enrich.dedup;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link DedupStore} over three Kafka Streams window stores, bounded by the retention window (old
 * segments are dropped whole).
 * <ul>
 *   <li>{@value #FINGERPRINTS}: every indexed entry once, under its item (changelogged: the truth,
 *       and what says an id was indexed);
 *   <li>{@value #ENTRIES}: the LSH band index, small refs under each band key. Not changelogged: it is
 *       derived, and logging 43 to 86 band writes per item would dominate the app's cost. Whenever it
 *       is empty while entries exist (a new instance, restored or wiped state) it is rebuilt from them
 *       ({@link #load}). A {@link BandKeyFilter} in front of it, filled from the entries on start,
 *       spares the lookups of keys it does not hold;
 *   <li>{@value #ORIGINALS}: the group original recorded for an item (changelogged); a shard records
 *       one only for an item that came late ({@link NeighbourSearch}), so it costs nothing per item.
 * </ul>
 */
final class StreamsDedupStore implements DedupStore {
    static final String ENTRIES = "dedup-shard-bands";
    static final String FINGERPRINTS = "dedup-shard-fingerprints";
    static final String ORIGINALS = "dedup-shard-indexed";
    private static final Logger log = LoggerFactory.getLogger(StreamsDedupStore.class);

    private final WindowStore<Long, byte[]> bands;
    private final WindowStore<String, byte[]> entries;
    private final WindowStore<String, byte[]> originals;
    private final BandKeyFilter filter;

    StreamsDedupStore(
            WindowStore<Long, byte[]> bands,
            WindowStore<String, byte[]> entries,
            WindowStore<String, byte[]> originals,
            Duration retention) {
        this.filter = new BandKeyFilter(retention);
        this.bands = bands;
        this.entries = entries;
        this.originals = originals;
    }

    /**
     * Starts loading the index from the stored entries: the key filter always, and the band index too
     * when it is missing (a new instance, restored or wiped state) or a rebuild was left unfinished.
     * The caller steps the load within its time budget, so a task with millions of stored entries
     * does not stop its stream thread from polling while it starts.
     */
    Load load(Function<ContentFingerprint, long[]> keysOf, Path taskDir) {
        Path rebuilding = taskDir.resolve(ENTRIES + ".rebuilding");
        boolean bandsMissing;
        try (KeyValueIterator<Windowed<Long>, byte[]> any = bands.all()) {
            bandsMissing = !any.hasNext() || Files.exists(rebuilding);
        }
        if (bandsMissing) {
            try {
                // A rebuild that stops half way (a clean shutdown) leaves a non-empty band index: the
                // marker says it is not whole, so the next start goes over all the entries again.
                Files.writeString(rebuilding, "");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot mark the dedup band index as being rebuilt", e);
            }
        }
        return new Load(keysOf, bandsMissing ? rebuilding : null);
    }

    /** A load in progress: an iterator over the stored entries, consumed a step at a time. */
    final class Load implements AutoCloseable {
        private final Function<ContentFingerprint, long[]> keysOf;
        /** The rebuild marker, when the band index is rebuilt; null when only the filter is filled. */
        private final Path rebuilding;

        private final KeyValueIterator<Windowed<String>, byte[]> all = entries.all();
        private long loaded;

        private Load(Function<ContentFingerprint, long[]> keysOf, Path rebuilding) {
            this.keysOf = keysOf;
            this.rebuilding = rebuilding;
        }

        /** Loads entries until {@code deadlineNanos} (System.nanoTime()); true once all are loaded. */
        boolean step(long deadlineNanos) {
            while (all.hasNext()) {
                IndexEntry entry = IndexCodec.entry(all.next().value);
                long[] keys = keysOf.apply(entry.fingerprint());
                if (rebuilding != null) {
                    putBands(keys, entry);
                } else {
                    filter.add(keys, entry.item().eventTime());
                }
                loaded++;
                if (System.nanoTime() >= deadlineNanos) {
                    return !all.hasNext() && finish();
                }
            }
            return finish();
        }

        private boolean finish() {
            all.close();
            if (rebuilding != null) {
                // On disk before the marker goes: RocksDB under Streams writes no WAL.
                bands.flush();
                try {
                    Files.deleteIfExists(rebuilding);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot mark the dedup band index as whole", e);
                }
            }
            if (loaded > 0) {
                log.info(
                        "Loaded {} stored fingerprints{}",
                        loaded,
                        rebuilding != null ? " and rebuilt the band index from them" : "");
            }
            return true;
        }

        @Override
        public void close() {
            all.close();
        }
    }

    @Override
    public void put(long[] keys, IndexEntry entry) {
        entries.put(
                entryKey(entry.item().id(), entry.lead()),
                IndexCodec.entry(entry),
                entry.item().eventTime());
        putBands(keys, entry);
    }

    private void putBands(long[] keys, IndexEntry entry) {
        filter.add(keys, entry.item().eventTime());
        byte[] ref = IndexCodec.ref(entry.ref());
        for (long key : keys) {
            bands.put(key, ref, entry.item().eventTime());
        }
    }

    @Override
    public List<EntryRef> refs(long key) {
        if (!filter.mightContain(key)) {
            return List.of();
        }
        List<EntryRef> found = new ArrayList<>(2);
        try (WindowStoreIterator<byte[]> refs = bands.fetch(key, 0L, Long.MAX_VALUE)) {
            while (refs.hasNext()) {
                found.add(IndexCodec.entryRef(refs.next().value));
            }
        }
        return found;
    }

    @Override
    public boolean indexed(String itemId) {
        try (WindowStoreIterator<byte[]> found = entries.fetch(itemId, 0L, Long.MAX_VALUE)) {
            return found.hasNext();
        }
    }

    @Override
    public Optional<IndexEntry> entry(EntryRef ref) {
        byte[] entry =
                entries.fetch(entryKey(ref.item().id(), ref.lead()), ref.item().eventTime());
        return entry == null ? Optional.empty() : Optional.of(IndexCodec.entry(entry));
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
    public void evictBefore(long eventTime) {}

    private static String entryKey(String id, boolean lead) {
        return lead ? id + "#lead" : id;
    }
}
