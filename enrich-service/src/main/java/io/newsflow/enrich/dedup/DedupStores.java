package io.newsflow.enrich.dedup;

import io.newsflow.avro.internal.IngestedItem;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.List;

/** The dedup stage's state stores: names, types and retention in one place. */
public final class DedupStores {
    public static final String[] NAMES = {DedupProcessor.BUFFER, DedupProcessor.CLOCK,
            StreamsDedupStore.ENTRIES, StreamsDedupStore.FINGERPRINTS, StreamsDedupStore.ORIGINALS};

    private DedupStores() {
    }

    /** How long the index stores keep an item: the dedup window plus the reorder grace. */
    public static Duration retention(DedupSettings settings, Duration reorderGrace) {
        return settings.retention().plus(reorderGrace);
    }

    /**
     * RocksDB stores; the index stores drop whole segments once older than {@code retention}. The band
     * index is derived data and not changelogged (see StreamsDedupStore).
     */
    public static void addTo(StreamsBuilder builder, Duration retention, Serde<IngestedItem> ingested) {
        builders(retention, ingested).forEach(builder::addStateStore);
    }

    /** The stores {@link #addTo} adds, to open them without a topology (tests, benchmarks). */
    static List<StoreBuilder<?>> builders(Duration retention, Serde<IngestedItem> ingested) {
        // These stores hold points in time, not windows; the size only has to be positive.
        Duration windowSize = Duration.ofHours(1);
        // Cached: an item's buffer entry is written and deleted, and the clock keys rewritten, within
        // one commit interval; the cache turns that into one changelog record per key per commit.
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupProcessor.BUFFER), Serdes.Bytes(), ingested)
                        .withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupProcessor.CLOCK), Serdes.String(), Serdes.Bytes())
                        .withCachingEnabled(),
                Stores.windowStoreBuilder(Stores.persistentWindowStore(StreamsDedupStore.ENTRIES, retention, windowSize, true),
                        Serdes.Long(), Serdes.ByteArray()).withLoggingDisabled(),
                Stores.windowStoreBuilder(Stores.persistentWindowStore(StreamsDedupStore.FINGERPRINTS, retention, windowSize, false),
                        Serdes.String(), Serdes.ByteArray()),
                Stores.windowStoreBuilder(Stores.persistentWindowStore(StreamsDedupStore.ORIGINALS, retention, windowSize, false),
                        Serdes.String(), Serdes.ByteArray()));
    }
}
