package io.newsflow.enrich.dedup;

import io.newsflow.avro.ItemKind;
import io.newsflow.enrich.dedup.bench.BenchmarkTexts;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What a dedup task does when it starts ({@link StreamsDedupStore#load}) over {@code stored} briefs in
 * RocksDB: with its band index on disk (a restart), it fills the key filter from the stored
 * fingerprints; without (a new instance, a standby taking over: the band index has no changelog),
 * it also rebuilds the band index. The task does not poll meanwhile, so this must stay well under
 * max.poll.interval.ms (5 min).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DedupStartBenchmark {
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final long MINUTE = 60_000L;

    @Param("100000")
    public int stored;

    @Param({"true", "false"})
    public boolean bandsOnDisk;

    private final Fingerprinter fingerprinter = new Fingerprinter(DedupSettings.defaults());
    private Path stateDir;
    private MockProcessorContext<Object, Object> context;
    private WindowStore<Long, byte[]> bands;
    private WindowStore<String, byte[]> entries;
    private WindowStore<String, byte[]> originals;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        stateDir = Files.createTempDirectory("dedup-start-bench");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-start-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        context = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile());
        bands = open(context, StreamsDedupStore.ENTRIES);
        entries = open(context, StreamsDedupStore.FINGERPRINTS);
        originals = open(context, StreamsDedupStore.ORIGINALS);

        BenchmarkTexts texts = new BenchmarkTexts();
        long t0 = 1_491_552_000_000L;
        StreamsDedupStore store = new StreamsDedupStore(bands, entries, originals, RETENTION);
        for (int i = 0; i < stored; i++) {
            ItemRef item = new ItemRef("b" + i, ItemKind.BRIEF, t0 + i * MINUTE / 20);
            ContentFingerprint fingerprint = fingerprinter.fingerprint(texts.words(10), texts.words(30));
            IndexEntry entry = new IndexEntry(item, false, fingerprint);
            if (bandsOnDisk) {
                store.put(fingerprinter.lookupKeys(fingerprint), entry);
            } else {
                entries.put(item.id(), IndexCodec.entry(entry), item.eventTime());
            }
        }
        entries.flush();
        bands.flush();
    }

    @SuppressWarnings("unchecked")
    private static <K> WindowStore<K, byte[]> open(MockProcessorContext<Object, Object> context, String name) {
        StoreBuilder<?> builder = DedupStores.builders(RETENTION, null).stream()
                .filter(b -> b.name().equals(name))
                .findFirst()
                .orElseThrow();
        WindowStore<K, byte[]> store =
                (WindowStore<K, byte[]>) builder.withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    /** Without bands on disk every start must find the band index empty, not the one the last start rebuilt. */
    @Setup(Level.Iteration)
    public void emptyBands() throws IOException {
        if (!bandsOnDisk) {
            bands.close();
            Utils.delete(context.stateDir()
                    .toPath()
                    .resolve(StreamsDedupStore.ENTRIES)
                    .toFile());
            bands = open(context, StreamsDedupStore.ENTRIES);
        }
    }

    @Benchmark
    public StreamsDedupStore start() {
        StreamsDedupStore store = new StreamsDedupStore(bands, entries, originals, RETENTION);
        store.load(fingerprinter::lookupKeys, stateDir).step(Long.MAX_VALUE);
        return store;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        bands.close();
        entries.close();
        originals.close();
        Utils.delete(stateDir.toFile());
    }
}
