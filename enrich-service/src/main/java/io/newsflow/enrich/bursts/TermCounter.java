package io.newsflow.enrich.bursts;

import io.newsflow.avro.internal.TermBuckets;
import io.newsflow.avro.internal.TermMention;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts each term's mentions in hop windows ({@link HopBuckets}) and forwards, keyed by the term,
 * every window that holds a mention once it is final, like a suppressed windowed aggregation; and,
 * after a mention that leaves a window not final yet with at least the minimum count, the term's
 * counts so far, so the detector can alert before the window closes. Windows become final as stream
 * time passes their end plus grace; an index in memory orders the terms by when their next window
 * does, so only terms with a final window are read. It is derived from the buckets ({@link
 * HopBuckets#due}) and rebuilt from them on start: a store for it cost a changelog record per term
 * whose due time moved, about one in five of the app's records.
 */
public final class TermCounter implements Processor<String, TermMention, String, TermCounter.Counted> {
    /** The store of each term's buckets, public for tests that look into it. */
    public static final String BUCKETS = "bursts-term-buckets";

    static final String[] STORES = {BUCKETS};
    /** Terms whose state {@link #recent} keeps decoded. */
    private static final int RECENT = 10_000;

    /** What the counter hands the detector for a term. */
    sealed interface Counted permits FinalWindow, SoFar {}

    /** A window that became final. */
    record FinalWindow(HopBuckets.Window window) implements Counted {}

    /** The term's counting state after a mention that may have made a window not final yet cross. */
    record SoFar(TermBuckets buckets) implements Counted {}

    private final HopBuckets hops;
    /** No window with fewer mentions starts a burst: counts below it need no look at the baseline. */
    private final long minCount;

    private ProcessorContext<String, Counted> context;
    private KeyValueStore<String, TermBuckets> terms;
    /** Terms by the time their next window becomes final. */
    private final TreeMap<Long, Set<String>> due = new TreeMap<>();
    /**
     * The state last saved for the most recently counted terms. The store's cache holds bytes, so every
     * read of a term from it is an Avro decode: a tenth of the stream thread's time before this.
     * HopBuckets never changes a state it is given, so sharing them is safe.
     */
    private final Map<String, TermBuckets> recent = new LinkedHashMap<>(RECENT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TermBuckets> eldest) {
            return size() > RECENT;
        }
    };

    TermCounter(BurstSettings settings) {
        this.hops = new HopBuckets(settings);
        this.minCount = settings.minCount();
    }

    /** Cached: a term's state is rewritten per mention, and reaches the changelog once per commit. */
    static void addStores(StreamsBuilder builder, Serde<TermBuckets> buckets) {
        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUCKETS), Serdes.String(), buckets)
                        .withCachingEnabled());
    }

    @Override
    public void init(ProcessorContext<String, Counted> context) {
        this.context = context;
        this.terms = context.getStateStore(BUCKETS);
        due.clear();
        recent.clear();
        try (KeyValueIterator<String, TermBuckets> all = terms.all()) {
            while (all.hasNext()) {
                KeyValue<String, TermBuckets> term = all.next();
                schedule(term.key, hops.due(term.value));
            }
        }
    }

    @Override
    public void process(Record<String, TermMention> record) {
        long streamTime = context.currentStreamTimeMs();
        if (!due.isEmpty() && streamTime >= due.firstKey()) {
            handOverDue(streamTime);
        }
        TermBuckets state = read(record.key());
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
        due.headMap(streamTime, true).values().forEach(dueTerms::addAll);
        List<KeyValue<String, HopBuckets.Window>> windows = new ArrayList<>();
        for (String term : dueTerms) {
            TermBuckets state = read(term);
            HopBuckets.Handover handover = hops.handOver(state, streamTime);
            handover.windows().forEach(window -> windows.add(KeyValue.pair(term, window)));
            save(term, state, handover.state());
        }
        windows.sort(Comparator.comparingLong((KeyValue<String, HopBuckets.Window> w) -> w.value.start())
                .thenComparing(w -> w.key));
        for (KeyValue<String, HopBuckets.Window> w : windows) {
            context.forward(new Record<>(w.key, new FinalWindow(w.value), w.value.end() - 1));
        }
    }

    private void save(String term, TermBuckets before, TermBuckets after) {
        long dueBefore = before == null ? HopBuckets.NONE : hops.due(before);
        long dueAfter = hops.due(after);
        if (dueBefore != dueAfter) {
            unschedule(term, dueBefore);
            schedule(term, dueAfter);
        }
        if (after.getBuckets().isEmpty()) {
            terms.delete(term);
            recent.remove(term);
        } else {
            terms.put(term, after);
            recent.put(term, after);
        }
    }

    private TermBuckets read(String term) {
        TermBuckets state = recent.get(term);
        return state != null ? state : terms.get(term);
    }

    private void schedule(String term, long dueTime) {
        if (dueTime != HopBuckets.NONE) {
            due.computeIfAbsent(dueTime, t -> new HashSet<>()).add(term);
        }
    }

    private void unschedule(String term, long dueTime) {
        Set<String> scheduled = due.get(dueTime);
        if (scheduled != null && scheduled.remove(term) && scheduled.isEmpty()) {
            due.remove(dueTime);
        }
    }
}
