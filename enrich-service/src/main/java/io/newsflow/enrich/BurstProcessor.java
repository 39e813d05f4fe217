package io.newsflow.enrich;

import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.internal.TermWindowCount;
import io.newsflow.enrich.bursts.BurstDetector;
import io.newsflow.enrich.bursts.BurstSettings;
import io.newsflow.enrich.bursts.Term;
import io.newsflow.enrich.bursts.TermBaseline;
import io.newsflow.enrich.bursts.TermWindowCounts;
import io.newsflow.enrich.metrics.StreamsSensors;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Windowed;
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
 * Hands each final window to {@link BurstDetector#observe} with the term's stored baseline, stores
 * the new baseline and forwards the alert, if any, keyed by the term's text. Windows arrive per term
 * in window order: suppression releases them as stream time passes their ends, and all hop windows
 * have the same size.
 */
final class BurstProcessor implements Processor<Windowed<String>, TermWindowCount, String, BurstAlert> {
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

    static void addStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BASELINES),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STREAM_START),
                Serdes.String(), Serdes.Long()));
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
        alerts = StreamsSensors.counter(context.metrics(), "bursts", "burst-alerts");
    }

    @Override
    public void process(Record<Windowed<String>, TermWindowCount> record) {
        long windowStart = record.key().window().start();
        if (detector == null) {
            streamStart.put(STREAM_START_KEY, windowStart);
            detector = new BurstDetector(settings, windowStart);
        }
        latestWindowStart = Math.max(latestWindowStart, windowStart);
        String key = record.key().key();
        Term term = Term.fromKey(key);
        byte[] stored = baselines.get(key);
        BurstDetector.Step step = detector.observe(term, stored == null ? null : TermBaseline.fromBytes(stored),
                TermWindowCounts.toWindowCount(windowStart, record.key().window().end(), record.value()));
        baselines.put(key, step.baseline().toBytes());
        step.alert().ifPresent(alert -> {
            AlertLog.write(alert);
            alerts.record();
            context.forward(new Record<>(term.text(), alert, record.timestamp()));
        });
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
