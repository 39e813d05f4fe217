package io.newsflow.enrich.dedup;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The dedup stages' state stores: names, types and retention in one place. */
public final class DedupStores {
    /** A shard's stores ({@link DedupProcessor}). */
    public static final String[] NAMES = {
        DedupProcessor.BUFFER,
        DedupProcessor.CLOCK,
        StreamsDedupStore.ENTRIES,
        StreamsDedupStore.FINGERPRINTS,
        StreamsDedupStore.ORIGINALS
    };
    /** The decider's stores ({@link DecideProcessor}). */
    public static final String[] DECIDER = {
        DecideProcessor.PENDING, DecideProcessor.WAITING, DecideProcessor.FIRST_OF_ID
    };

    /**
     * Configs of the index stores' changelogs. Streams creates a window store's changelog
     * {@code compact,delete} with retention.ms = store retention + 1 day, and its records carry the
     * items' event times: a backfill of old items had its changelog deleted at the next retention
     * check, and a restore (after a crash, under exactly-once) lost the index, so repeats came out as
     * originals. Appended records are stamped with the broker's clock instead: the changelog keeps
     * what was written in the last retention + 1 day of wall-clock time, whatever its event times.
     * The store's own key holds the event time, which restore reads (not the record timestamp).
     */
    public static final Map<String, String> INDEX_CHANGELOG_CONFIGS =
            Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

    private DedupStores() {}

    /** The changelog topics {@link #INDEX_CHANGELOG_CONFIGS} apply to, as Kafka Streams names them. */
    public static List<String> indexChangelogs(String applicationId) {
        return List.of(StreamsDedupStore.FINGERPRINTS, StreamsDedupStore.ORIGINALS, DecideProcessor.FIRST_OF_ID)
                .stream()
                .map(store -> applicationId + "-" + store + "-changelog")
                .toList();
    }

    /** How long the index stores keep an item: the dedup window plus the reorder grace. */
    public static Duration retention(DedupSettings settings, Duration reorderGrace) {
        return settings.retention().plus(reorderGrace);
    }

    /**
     * RocksDB stores; the index stores drop whole segments once older than {@code retention}. The band
     * index is derived data and not changelogged (see StreamsDedupStore).
     */
    public static void addTo(StreamsBuilder builder, Duration retention, DedupWire wire) {
        builders(retention, wire).forEach(builder::addStateStore);
    }

    /** The stores {@link #addTo} adds, to open them without a topology (tests, benchmarks). */
    static List<StoreBuilder<?>> builders(Duration retention, DedupWire wire) {
        // These stores hold points in time, not windows; the size only has to be positive.
        Duration windowSize = Duration.ofHours(1);
        // Cached: an item's buffer entry is written and deleted, and the clock keys rewritten, within
        // one commit interval; the cache turns that into one changelog record per key per commit.
        return List.of(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(DedupProcessor.BUFFER),
                                Serdes.Bytes(),
                                wire == null ? null : wire.occurrences)
                        .withCachingEnabled(),
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(DedupProcessor.CLOCK), Serdes.String(), Serdes.Bytes())
                        .withCachingEnabled(),
                Stores.windowStoreBuilder(
                                Stores.persistentWindowStore(StreamsDedupStore.ENTRIES, retention, windowSize, true),
                                Serdes.Long(),
                                Serdes.ByteArray())
                        .withLoggingDisabled(),
                Stores.windowStoreBuilder(
                                Stores.persistentWindowStore(
                                        StreamsDedupStore.FINGERPRINTS, retention, windowSize, false),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withLoggingEnabled(INDEX_CHANGELOG_CONFIGS),
                Stores.windowStoreBuilder(
                                Stores.persistentWindowStore(StreamsDedupStore.ORIGINALS, retention, windowSize, false),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withLoggingEnabled(INDEX_CHANGELOG_CONFIGS),
                // The decider: an occurrence's answers (S small updates folded by the cache), its item
                // (written once), and
                // the stories each id started, for its exact copies within the window (several per id
                // and wall-clock stamp: duplicates retained).
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(DecideProcessor.PENDING),
                                Serdes.Bytes(),
                                wire == null ? null : wire.pending)
                        .withCachingEnabled(),
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(DecideProcessor.WAITING),
                                Serdes.Bytes(),
                                wire == null ? null : wire.occurrences)
                        .withCachingEnabled(),
                Stores.windowStoreBuilder(
                                Stores.persistentWindowStore(DecideProcessor.FIRST_OF_ID, retention, windowSize, true),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withLoggingEnabled(INDEX_CHANGELOG_CONFIGS));
    }
}
