package io.newsflow.enrich.dedup;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.Origin;
import io.newsflow.avro.internal.IngestedItem;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The dedup stage. Every item of every input partition meets here (the stage reads a single-partition
 * repartition topic), so near-duplicates always meet and groups are transitive.
 *
 * <p>Verdicts must not depend on processing order, so items wait in a reorder buffer until stream time
 * (the largest event time seen) passes their event time plus the reorder grace, and are then decided in
 * (event time, id) order. When the input goes idle for {@code idleFlush} of wall-clock time, everything
 * buffered is decided: with no newer records arriving, waiting longer could not change the order. An
 * item that arrives after a later item was already decided is still decided at once, marked late.
 */
public final class DedupProcessor implements Processor<String, IngestedItem, String, Verdict> {
    public static final String BUFFER = "dedup-reorder-buffer";
    public static final String CLOCK = "dedup-clock";
    private static final String STREAM_TIME = "stream-time";
    private static final String LAST_DECIDED = "last-decided";
    private static final Duration IDLE_CHECK = Duration.ofMillis(250);

    private final DedupSettings settings;
    private final Duration grace;
    private final Duration idleFlush;

    private ProcessorContext<String, Verdict> context;
    private KeyValueStore<Bytes, IngestedItem> buffer;
    private KeyValueStore<String, Bytes> clock;
    private NearDuplicateIndex index;
    private long lastArrival;

    public DedupProcessor(DedupSettings settings, Duration grace, Duration idleFlush) {
        this.settings = settings;
        this.grace = grace;
        this.idleFlush = idleFlush;
    }

    @Override
    public void init(ProcessorContext<String, Verdict> context) {
        this.context = context;
        this.buffer = context.getStateStore(BUFFER);
        this.clock = context.getStateStore(CLOCK);
        this.index = new NearDuplicateIndex(settings, new StreamsDedupStore(
                context.getStateStore(StreamsDedupStore.ENTRIES),
                context.getStateStore(StreamsDedupStore.FINGERPRINTS),
                context.getStateStore(StreamsDedupStore.ORIGINALS)));
        this.lastArrival = context.currentSystemTimeMs();
        context.schedule(IDLE_CHECK, PunctuationType.WALL_CLOCK_TIME, now -> {
            if (now - lastArrival >= idleFlush.toMillis()) {
                decideUpTo(Long.MAX_VALUE);
            }
        });
    }

    @Override
    public void process(Record<String, IngestedItem> record) {
        lastArrival = context.currentSystemTimeMs();
        SpecificRecord item = (SpecificRecord) record.value().getItem();
        Origin origin = item instanceof Article a ? a.getOrigin() : ((Brief) item).getOrigin();
        long offset = context.recordMetadata().map(m -> m.offset()).orElse(0L);
        Bytes key = ReorderKey.of(record.timestamp(), record.key(), origin.getDumpId(), origin.getPosition(), offset);
        Bytes lastDecided = clock.get(LAST_DECIDED);
        if (lastDecided != null && key.compareTo(lastDecided) < 0) {
            decide(item, record.timestamp(), true);
            return;
        }
        buffer.put(key, record.value());
        long streamTime = Math.max(record.timestamp(), streamTime());
        clock.put(STREAM_TIME, Bytes.wrap(java.nio.ByteBuffer.allocate(8).putLong(streamTime).array()));
        decideUpTo(streamTime - grace.toMillis());
    }

    private long streamTime() {
        Bytes stored = clock.get(STREAM_TIME);
        return stored == null ? Long.MIN_VALUE : java.nio.ByteBuffer.wrap(stored.get()).getLong();
    }

    /** Decides, in key order, every buffered item with an event time at or before {@code bound}. */
    private void decideUpTo(long bound) {
        List<KeyValue<Bytes, IngestedItem>> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, IngestedItem> it = bound == Long.MAX_VALUE ? buffer.all()
                : buffer.range(null, ReorderKey.after(bound))) {
            while (it.hasNext()) {
                KeyValue<Bytes, IngestedItem> next = it.next();
                if (ReorderKey.eventTime(next.key) <= bound) {
                    due.add(next);
                }
            }
        }
        for (KeyValue<Bytes, IngestedItem> entry : due) {
            decide((SpecificRecord) entry.value.getItem(), ReorderKey.eventTime(entry.key), false);
            buffer.delete(entry.key);
            clock.put(LAST_DECIDED, entry.key);
        }
    }

    private void decide(SpecificRecord item, long eventTime, boolean late) {
        NearDuplicateIndex.Judgement judgement = index.judge(Verdict.dedupItem(item, eventTime));
        Verdict verdict = new Verdict(item, judgement.fingerprint(), judgement.match(), late);
        context.forward(new Record<>(verdict.id(), verdict, eventTime));
    }
}
