package io.newsflow.enrich.dedup;

import io.newsflow.avro.internal.IngestedItem;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;

/** The dedup stage's state stores: names, types and retention in one place. */
public final class DedupStores {
    public static final String[] NAMES = {DedupProcessor.BUFFER, DedupProcessor.CLOCK,
            StreamsDedupStore.ENTRIES, StreamsDedupStore.FINGERPRINTS, StreamsDedupStore.ORIGINALS};

    private DedupStores() {
    }

    /** RocksDB stores; the index stores drop whole one-hour segments once older than {@code retention}. */
    public static void addTo(StreamsBuilder builder, Duration retention, Serde<IngestedItem> ingested) {
        Duration segment = Duration.ofHours(1);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupProcessor.BUFFER),
                Serdes.Bytes(), ingested));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupProcessor.CLOCK),
                Serdes.String(), Serdes.Bytes()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StreamsDedupStore.ENTRIES, retention, segment, true),
                Serdes.Long(), Serdes.ByteArray()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StreamsDedupStore.FINGERPRINTS, retention, segment, false),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StreamsDedupStore.ORIGINALS, retention, segment, false),
                Serdes.String(), Serdes.ByteArray()));
    }

}
