package io.newsflow.enrich.dedup;

import io.newsflow.enrich.metrics.StreamsSensors;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The decider, keyed by item id: every occurrence of an id and every shard's answer about it meet
 * here. An occurrence is decided once its item and the answers of all shards are in, and every
 * earlier occurrence of its id is decided ({@link DecideRule}). No timing enters: a shard answers in
 * (event time, id) order, so when one occurrence of an id has all its answers, every earlier
 * occurrence of it has too (unless a shard got it late).
 */
public final class DecideProcessor implements Processor<String, DecideProcessor.Input, String, Verdict> {
    public static final String PENDING = "dedup-decide-pending";
    public static final String WAITING = "dedup-decide-items";
    /** The stories each id started, for its exact copies ({@link DecideRule#copied}). */
    public static final String FIRST_OF_ID = "dedup-first-of-id";

    /** What reaches the decider: an occurrence with its item, or a shard's answer about one. */
    public record Input(Occurrence occurrence, ShardAnswer answer) {
        public static Input of(Occurrence occurrence) {
            return new Input(occurrence, null);
        }

        public static Input of(ShardAnswer answer) {
            return new Input(null, answer);
        }

        Bytes order() {
            return occurrence != null ? occurrence.order() : answer.order();
        }
    }

    private final int shards;
    private final Duration window;
    private ProcessorContext<String, Verdict> context;
    private KeyValueStore<Bytes, DecideRule.Pending> pending;
    private KeyValueStore<Bytes, Occurrence> waiting;
    private WindowStore<String, byte[]> firstOfId;
    private Sensor originals;
    private Sensor duplicates;
    private Sensor late;
    private Sensor decisions;

    /** @param window the dedup window: how far apart in event time an exact copy still copies */
    public DecideProcessor(int shards, Duration window) {
        this.shards = shards;
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<String, Verdict> context) {
        this.context = context;
        this.pending = context.getStateStore(PENDING);
        this.waiting = context.getStateStore(WAITING);
        this.firstOfId = context.getStateStore(FIRST_OF_ID);
        // Exported on /metrics as kafka_stream_newsflow_metrics_<operation>_{total,rate}.
        // Exported on /metrics as newsflow_enrich_<name>.
        originals =
                StreamsSensors.counter(context.metrics(), "original-items-total", "items decided original (published)");
        duplicates = StreamsSensors.counter(context.metrics(), "duplicate-items-total", "items decided duplicates");
        late = StreamsSensors.counter(
                context.metrics(), "late-items-total", "items decided late, past the reorder grace");
        // Per task, for the bench: how the decisions spread over tasks and instances.
        decisions = StreamsSensors.taskCounter(
                context.metrics(),
                "dedup-decisions-total",
                "items decided by this dedup-decide task",
                context.taskId());
    }

    @Override
    public void process(Record<String, Input> record) {
        Input input = record.value();
        Bytes key = pendingKey(record.key(), input.order());
        DecideRule.Pending known = Optional.ofNullable(pending.get(key)).orElse(DecideRule.Pending.NONE);
        DecideRule.Pending now;
        if (input.occurrence() != null) {
            waiting.put(key, input.occurrence());
            now = known.withItem();
        } else {
            now = known.with(input.answer());
        }
        pending.put(key, now);
        if (now.complete(shards)) {
            decideReady(record.key());
        }
    }

    /**
     * Decides the id's waiting occurrences in (event time, id) order up to the first that is not complete:
     * an earlier one every shard answered may still lack its item (the item came another way, in the
     * input partition's order), and must be decided first.
     */
    private void decideReady(String id) {
        List<KeyValue<Bytes, DecideRule.Pending>> ready = new ArrayList<>();
        try (KeyValueIterator<Bytes, DecideRule.Pending> it = pending.prefixScan(idPrefix(id), new BytesSerializer())) {
            while (it.hasNext()) {
                KeyValue<Bytes, DecideRule.Pending> next = it.next();
                if (!next.value.complete(shards)) {
                    break;
                }
                ready.add(next);
            }
        }
        for (KeyValue<Bytes, DecideRule.Pending> entry : ready) {
            Occurrence occurrence = waiting.get(entry.key);
            pending.delete(entry.key);
            waiting.delete(entry.key);
            decide(occurrence, entry.value);
        }
    }

    private void decide(Occurrence occurrence, DecideRule.Pending complete) {
        ItemRef self = occurrence.ref();
        Optional<ItemRef> first = DecideRule.copied(self, window, storiesStarted(self.id()));
        Optional<DuplicateMatch> match = DecideRule.decide(self, complete, first);
        if (first.isEmpty()) {
            // Stamped with the wall clock, not the event time: a window store drops a put dated more than
            // its retention before the newest it holds, and a backfill's items are dated years before
            // live news. The event time that the window is measured on is in the value.
            firstOfId.put(
                    self.id(), IndexCodec.firstOfId(DecideRule.firstOfId(self, match)), context.currentSystemTimeMs());
        }
        emit(
                new Verdict(occurrence.item(), occurrence.full(), match, complete.late(), InputRecord.of(occurrence)),
                self.eventTime());
    }

    private static Bytes idPrefix(String id) {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(Arrays.copyOf(idBytes, idBytes.length + 1));
    }

    /** The id, a zero byte, then the occurrence's order: an id's occurrences together, in order. */
    private static Bytes pendingKey(String id, Bytes order) {
        byte[] prefix = idPrefix(id).get();
        byte[] key = Arrays.copyOf(prefix, prefix.length + order.get().length);
        System.arraycopy(order.get(), 0, key, prefix.length, order.get().length);
        return Bytes.wrap(key);
    }

    private List<DecideRule.FirstOfId> storiesStarted(String id) {
        List<DecideRule.FirstOfId> stories = new ArrayList<>();
        try (WindowStoreIterator<byte[]> it = firstOfId.fetch(id, 0L, Long.MAX_VALUE)) {
            it.forEachRemaining(next -> stories.add(IndexCodec.firstOfId(next.value)));
        }
        return stories;
    }

    /** The one place where a decided occurrence becomes output: an original to publish, or a duplicate notice. */
    private void emit(Verdict verdict, long eventTime) {
        (verdict.duplicate() ? duplicates : originals).record();
        decisions.record();
        if (verdict.late()) {
            late.record();
        }
        context.forward(new Record<>(verdict.id(), verdict, eventTime));
    }
}
