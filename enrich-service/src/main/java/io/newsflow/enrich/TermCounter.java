package io.newsflow.enrich;

import io.newsflow.avro.internal.TermBuckets;
import io.newsflow.avro.internal.TermMention;
import io.newsflow.enrich.bursts.BurstSettings;
import io.newsflow.enrich.bursts.HopBuckets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts each term's mentions in hop windows ({@link HopBuckets}) and forwards, keyed by the term,
 * every window that holds a mention once it is final, like a suppressed windowed aggregation; and,
 * after a mention that leaves a window not final yet with at least the minimum count, the term's
 * counts so far, so the detector can alert before the window closes. Windows become final as stream
 * time passes their end plus grace; {@value #DUE} orders the terms by when their next window does, so
 * only terms with a final window are read.
 */
final class TermCounter implements Processor<String, TermMention, String, TermCounter.Counted> {
    static final String BUCKETS = "bursts-term-buckets";
    static final String DUE = "bursts-due";
    static final String[] STORES = {BUCKETS, DUE};
    private static final byte[] NOTHING = new byte[0];

    /** What the counter hands the detector for a term. */
    sealed interface Counted permits FinalWindow, SoFar {
    }

    /** A window that became final. */
    record FinalWindow(HopBuckets.Window window) implements Counted {
    }

    /** The term's counting state after a mention that may have made a window not final yet cross. */
    record SoFar(TermBuckets buckets) implements Counted {
    }

    private final HopBuckets hops;
    /** No window with fewer mentions starts a burst: counts below it need no look at the baseline. */
    private final long minCount;
    private ProcessorContext<String, Counted> context;
    private KeyValueStore<String, TermBuckets> terms;
    private KeyValueStore<Bytes, byte[]> due;
    /** The earliest key time in {@value #DUE}, kept so most records need no look at it. */
    private long nextDue;

    TermCounter(BurstSettings settings) {
        this.hops = new HopBuckets(settings);
        this.minCount = settings.minCount();
    }

    /** Both stores cached: a term's state is rewritten per mention, and reaches the changelog once per commit. */
    static void addStores(StreamsBuilder builder, Serde<TermBuckets> buckets) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUCKETS), Serdes.String(), buckets)
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled());
    }

    @Override
    public void init(ProcessorContext<String, Counted> context) {
        this.context = context;
        this.terms = context.getStateStore(BUCKETS);
        this.due = context.getStateStore(DUE);
        this.nextDue = firstDue();
    }

    @Override
    public void process(Record<String, TermMention> record) {
        long streamTime = context.currentStreamTimeMs();
        if (streamTime >= nextDue) {
            handOverDue(streamTime);
        }
        TermBuckets state = terms.get(record.key());
        hops.add(state == null ? HopBuckets.empty() : state, record.value(), record.timestamp(), streamTime)
                .ifPresent(updated -> {
                    save(record.key(), state, updated);
                    if (hops.open(updated).stream().anyMatch(w -> w.count() >= minCount)) {
                        context.forward(record.withValue(new SoFar(updated)));
                    }
                });
    }

    /** Forwards every window final at {@code streamTime}, in (window start, term) order. */
    private void handOverDue(long streamTime) {
        List<String> dueTerms = new ArrayList<>();
        // Keys of one due time sort after its bare 8-byte prefix: the next time's prefix bounds the range.
        try (KeyValueIterator<Bytes, byte[]> it = due.range(null, dueKey(streamTime + 1, ""))) {
            while (it.hasNext()) {
                Bytes key = it.next().key;
                if (dueTime(key) <= streamTime) {
                    dueTerms.add(term(key));
                }
            }
        }
        List<KeyValue<String, HopBuckets.Window>> windows = new ArrayList<>();
        for (String term : dueTerms) {
            TermBuckets state = terms.get(term);
            HopBuckets.Handover handover = hops.handOver(state, streamTime);
            handover.windows().forEach(window -> windows.add(KeyValue.pair(term, window)));
            save(term, state, handover.state());
        }
        windows.sort(Comparator.comparingLong((KeyValue<String, HopBuckets.Window> w) -> w.value.start()).thenComparing(w -> w.key));
        for (KeyValue<String, HopBuckets.Window> w : windows) {
            context.forward(new Record<>(w.key, new FinalWindow(w.value), w.value.end() - 1));
        }
        nextDue = firstDue();
    }

    private void save(String term, TermBuckets before, TermBuckets after) {
        long dueBefore = before == null ? HopBuckets.NONE : hops.due(before);
        long dueAfter = hops.due(after);
        if (dueBefore != dueAfter) {
            if (dueBefore != HopBuckets.NONE) {
                due.delete(dueKey(dueBefore, term));
            }
            if (dueAfter != HopBuckets.NONE) {
                due.put(dueKey(dueAfter, term), NOTHING);
                nextDue = Math.min(nextDue, dueAfter);
            }
        }
        if (after.getBuckets().isEmpty()) {
            terms.delete(term);
        } else {
            terms.put(term, after);
        }
    }

    private long firstDue() {
        try (KeyValueIterator<Bytes, byte[]> all = due.all()) {
            return all.hasNext() ? dueTime(all.next().key) : HopBuckets.NONE;
        }
    }

    /** Due time (sign bit flipped, so byte order is numeric order) then the term. */
    private static Bytes dueKey(long time, String term) {
        byte[] text = term.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + text.length).putLong(time ^ Long.MIN_VALUE).put(text).array());
    }

    private static long dueTime(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong() ^ Long.MIN_VALUE;
    }

    private static String term(Bytes key) {
        byte[] bytes = key.get();
        return new String(bytes, Long.BYTES, bytes.length - Long.BYTES, StandardCharsets.UTF_8);
    }
}
