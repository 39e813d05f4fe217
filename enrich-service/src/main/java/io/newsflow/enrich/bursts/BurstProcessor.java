package io.newsflow.enrich.bursts;

import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.internal.TermBuckets;
import io.newsflow.enrich.metrics.StreamsSensors;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands each final window to {@link BurstDetector#observe}, and each term's counts so far to
 * {@link BurstDetector#early}, with the term's stored baseline; stores the new baseline and forwards
 * the alert, if any, keyed by the term's text and timestamped with its detection time. Final windows
 * arrive per term in window order (the counter hands them over as stream time passes their ends, and
 * all hop windows have the same size), and before the counts so far of any mention that comes after.
 */
final class BurstProcessor implements Processor<String, TermCounter.Counted, String, BurstAlert> {
    static final String BASELINES = "bursts-baselines";
    /** Holds the stream start, the first final window's start, under {@link #STREAM_START_KEY}: it anchors the warm-up. */
    static final String STREAM_START = "bursts-stream-start";

    static final String[] STORES = {BASELINES, STREAM_START};
    private static final String STREAM_START_KEY = "start";

    private final BurstSettings settings;
    private ProcessorContext<String, BurstAlert> context;
    private KeyValueStore<String, byte[]> baselines;
    private KeyValueStore<String, Long> streamStart;
    private BurstDetector detector;
    private Sensor alerts;
    /**
     * Start of the latest final window seen since this task started: no later window starts earlier,
     * so a baseline expired relative to it stays expired. Not stored: until the first window after a
     * restart, nothing is expired.
     */
    private long latestWindowStart = TermBaseline.NEVER;

    BurstProcessor(BurstSettings settings) {
        this.settings = settings;
    }

    /**
     * Cached: a term's baseline is read for every final window and early check of it, and rewritten with
     * every final window; during a backlog or a replay, where stream time runs ahead of the clock, that is
     * many times within one commit interval. The cache answers the reads and writes the baseline to
     * RocksDB and the changelog once per commit.
     */
    static void addStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(BASELINES), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(STREAM_START), Serdes.String(), Serdes.Long())
                .withCachingEnabled());
    }

    @Override
    public void init(ProcessorContext<String, BurstAlert> context) {
        this.context = context;
        this.baselines = context.getStateStore(BASELINES);
        this.streamStart = context.getStateStore(STREAM_START);
        Long start = streamStart.get(STREAM_START_KEY);
        if (start != null) {
            detector = new BurstDetector(settings, start);
        }
        // Once per window size of stream time: often enough for an expiry of days, rare enough that
        // scanning every baseline costs little.
        context.schedule(settings.windowSize(), PunctuationType.STREAM_TIME, now -> expireIdle());
        alerts = StreamsSensors.counter(context.metrics(), "burst-alerts-total", "burst alerts emitted");
    }

    @Override
    public void process(Record<String, TermCounter.Counted> record) {
        if (record.value() instanceof TermCounter.FinalWindow finalWindow) {
            observe(record.key(), finalWindow.window());
        } else if (record.value() instanceof TermCounter.SoFar soFar) {
            early(record.key(), soFar.buckets());
        }
    }

    private void observe(String key, HopBuckets.Window window) {
        if (detector == null) {
            streamStart.put(STREAM_START_KEY, window.start());
            detector = new BurstDetector(settings, window.start());
        }
        latestWindowStart = Math.max(latestWindowStart, window.start());
        Term term = Term.fromKey(key);
        BurstDetector.Step step = detector.observe(
                term, stored(key), TermWindowCounts.toWindowCount(window.start(), window.end(), window.count()));
        baselines.put(key, step.baseline().toBytes());
        step.alert().ifPresent(alert -> send(term, alert));
    }

    /**
     * The detector exists once a window was final (its start anchors the warm-up); until then the
     * counts so far are left to the final windows.
     */
    private void early(String key, TermBuckets buckets) {
        if (detector == null) {
            return;
        }
        Term term = Term.fromKey(key);
        detector.early(term, stored(key), buckets, context.currentStreamTimeMs())
                .ifPresent(step -> {
                    baselines.put(key, step.baseline().toBytes());
                    step.alert().ifPresent(alert -> send(term, alert));
                });
    }

    private TermBaseline stored(String key) {
        byte[] stored = baselines.get(key);
        return stored == null ? null : TermBaseline.fromBytes(stored);
    }

    private void send(Term term, BurstAlert alert) {
        AlertLog.write(alert);
        alerts.record();
        context.forward(new Record<>(term.text(), alert, alert.getDetectedAt().toEpochMilli()));
    }

    private void expireIdle() {
        if (detector == null || latestWindowStart == TermBaseline.NEVER) {
            return;
        }
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = baselines.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                if (detector.expired(TermBaseline.fromBytes(entry.value), latestWindowStart)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(baselines::delete);
    }
}
