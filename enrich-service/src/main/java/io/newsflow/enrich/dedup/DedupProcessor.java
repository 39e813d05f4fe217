package io.newsflow.enrich.dedup;

import io.newsflow.avro.ItemKind;
import io.newsflow.enrich.metrics.StreamsSensors;
import io.newsflow.schemas.Topics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A dedup shard. Every occurrence of every input partition reaches every shard (compact, without its
 * text: {@link Occurrence}); each shard owns 1/S of the lookup keys ({@link ShardKeys}) and answers,
 * per occurrence, with the earliest earlier item it verifies as a neighbour through them
 * ({@link NeighbourSearch}). The decider ({@link DecideProcessor}) takes the earliest over all shards.
 *
 * <p>Verdicts must not depend on processing order, so items wait in a reorder buffer and are decided in
 * (event time, id) order once no earlier item can still come: when the low watermark, the smallest
 * watermark over every input partition (each partition of news.articles and of news.briefs: the
 * largest event time read from it so far), is more than the reorder grace past their event time. So
 * input partitions read at different rates (a backlog read while it is written, one topic of a task
 * read ahead of the other) only delay decisions, never change them. An input partition whose records
 * have all been processed and received by the shards ({@link UpstreamProgress}) does not hold the watermark back: it counts as
 * being at the stage's stream time, since what it gets next is written later. When all of them are
 * idle and no item arrived for {@code idleFlush}, everything buffered is decided.
 *
 * <p>An item that arrives after a later item was already decided (it reached its input topic more than
 * the grace after a later one) is still decided at once, marked late, against everything indexed: a
 * copy of a published item is its duplicate even when the copy is earlier, so a story never goes out
 * twice (the shard answers with any verified neighbour, the decider keeps an id's first verdict).
 *
 * <p>On start the index is loaded from the stored fingerprints ({@link StreamsDedupStore#load}), a
 * budget at a time in a punctuation so the stream thread keeps polling: rebuilding the band index of
 * a million stored items takes minutes, longer than max.poll.interval.ms. Items wait in the buffer
 * meanwhile and are decided once the index is whole.
 */
public final class DedupProcessor implements Processor<String, Occurrence, String, ShardAnswer> {
    public static final String BUFFER = "dedup-shard-buffer";
    public static final String CLOCK = "dedup-shard-clock";
    private static final String STREAM_TIME = "stream-time";
    private static final String WATERMARK = "watermark-";
    private static final String LAST_DECIDED = "last-decided";
    /** How often a waiting buffer asks the cluster about upstream progress: an Admin round trip on the stream thread. */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(1);
    /** Due items read from the buffer per call, so a long flush does not read the whole buffer every time. */
    private static final int MAX_DUE_PER_CALL = 1000;
    /** How soon decisions left over by the budget go on (after Streams has had its turn to commit). */
    private static final Duration CONTINUE_AFTER = Duration.ofMillis(10);
    /** Items waiting this long without a decision get a log line saying what they wait for, and again as often. */
    private static final Duration REPORT_WAIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(DedupProcessor.class);

    private final DedupSettings settings;
    private final Duration grace;
    private final Duration idleFlush;
    private final UpstreamProgress upstream;
    private final int shards;
    /**
     * Longest one call decides (at least one item) before handing back to Streams. Everything a call
     * does is in the open transaction, and a transaction older than transaction.timeout.ms (10 s under
     * Streams' EOS) is aborted by the broker, the task fenced and the work redone: a flush of thousands
     * of items with one event time (a backlog of files captured together) would never commit.
     */
    private final long decideBudgetNanos;
    /** Input partitions, and the largest event time read from each (an item's event time, not its task's). */
    private List<TopicPartition> inputs;

    private long[] watermarks;
    /** Mirrors of the clock store's values, which every record reads. */
    private long streamTime;
    /** When this task last asked about upstream progress, and its stream time then. */
    private long previousAskNanos = System.nanoTime();

    private long previousAskStreamTime = Long.MIN_VALUE;

    private Bytes lastDecided;
    /**
     * No buffered item has an earlier event time (a lower bound, not exact), so most records need no
     * look at the buffer to learn that nothing is due yet.
     */
    private long bufferedFrom = Long.MIN_VALUE;

    private ProcessorContext<String, ShardAnswer> context;
    private KeyValueStore<Bytes, Occurrence> buffer;
    private KeyValueStore<String, Bytes> clock;
    private NeighbourSearch index;
    /** The index load still in progress, and the punctuation stepping it; null once the index is whole. */
    private StreamsDedupStore.Load loading;

    private Cancellable loadingSteps;
    private long lastArrival;
    /** Wall-clock time of the last decision (or of start), and of the last line saying why items wait. */
    private long lastProgress;

    private long lastWaitReport;
    /** Bound of decisions left over by the budget, and the punctuation that goes on with them. */
    private long leftOverBound = Long.MIN_VALUE;

    private Cancellable continuation;
    private Sensor work;

    public DedupProcessor(
            DedupSettings settings,
            Duration grace,
            Duration idleFlush,
            Duration decideBudget,
            UpstreamProgress upstream,
            int shards) {
        this.settings = settings;
        this.grace = grace;
        this.idleFlush = idleFlush;
        this.decideBudgetNanos = decideBudget.toNanos();
        this.upstream = upstream;
        this.shards = shards;
    }

    @Override
    public void init(ProcessorContext<String, ShardAnswer> context) {
        this.context = context;
        this.buffer = context.getStateStore(BUFFER);
        this.clock = context.getStateStore(CLOCK);
        StreamsDedupStore store = new StreamsDedupStore(
                context.getStateStore(StreamsDedupStore.ENTRIES),
                context.getStateStore(StreamsDedupStore.FINGERPRINTS),
                context.getStateStore(StreamsDedupStore.ORIGINALS),
                DedupStores.retention(settings, grace));
        this.index = new NeighbourSearch(settings, store, context.taskId().partition(), shards);
        this.loading = store.load(index::ownedKeys, context.stateDir().toPath());
        // Per task: how evenly the shards share the work (lookups + verifications), for the bench.
        this.work = StreamsSensors.taskCounter(
                context.metrics(),
                "dedup-shard-work-total",
                "band lookups and verifications of this dedup shard task",
                context.taskId());
        this.lastArrival = context.currentSystemTimeMs();
        this.lastProgress = lastArrival;
        this.inputs = UpstreamProgress.inputs(upstream.partitions());
        this.watermarks = new long[inputs.size()];
        for (int i = 0; i < watermarks.length; i++) {
            watermarks[i] = read(watermarkKey(inputs.get(i)));
        }
        this.streamTime = read(STREAM_TIME);
        this.lastDecided = clock.get(LAST_DECIDED);
        context.schedule(IDLE_CHECK, PunctuationType.WALL_CLOCK_TIME, this::checkUpstream);
        if (!loadStep()) {
            loadingSteps = context.schedule(CONTINUE_AFTER, PunctuationType.WALL_CLOCK_TIME, now -> loadStep());
        }
    }

    /** Loads the index for one decide budget; true once it is whole. */
    private boolean loadStep() {
        if (loading.step(System.nanoTime() + decideBudgetNanos)) {
            loading = null;
            if (loadingSteps != null) {
                loadingSteps.cancel();
                loadingSteps = null;
            }
            return true;
        }
        return false;
    }

    private void checkUpstream(long now) {
        Bytes earliest = earliestWaiting();
        if (earliest == null) {
            lastProgress = now;
            return;
        }
        if (loading != null) {
            reportWait(now, () -> "items wait until the dedup index has been loaded from the stored fingerprints");
            return;
        }
        long askedAt = System.nanoTime();
        UpstreamProgress.CaughtUp answer = upstream.caughtUp();
        Set<TopicPartition> idle = answer.partitions();
        // An idle partition counts at the stream time this task had when the check began: later items
        // of the other partitions may have been written after the check, and so after what the idle
        // one gets next. One answer serves every shard task of the instance for a moment, so the check
        // may have begun before this call; then the stream time of the previous call, if the check came
        // after it, or none.
        long idleAt = answer.checkedAtNanos() - askedAt >= 0
                ? streamTime
                : answer.checkedAtNanos() - previousAskNanos >= 0 ? previousAskStreamTime : Long.MIN_VALUE;
        previousAskNanos = askedAt;
        previousAskStreamTime = streamTime;
        if (idle.containsAll(inputs) && now - lastArrival >= idleFlush.toMillis()) {
            decideUpTo(Long.MAX_VALUE);
        } else {
            decideUpTo(bound(idle, idleAt));
        }
        reportWait(
                now,
                () -> DedupWait.reason(
                        ReorderKey.eventTime(earliest), inputs, watermarks, idle, streamTime, grace.toMillis()));
    }

    /** After a restart, or with a lagging input partition, the operator sees why no output comes. */
    private void reportWait(long now, Supplier<String> reason) {
        if (now - lastProgress >= REPORT_WAIT.toMillis() && now - lastWaitReport >= REPORT_WAIT.toMillis()) {
            log.info("Dedup has decided nothing for {} s: {}", (now - lastProgress) / 1000, reason.get());
            lastWaitReport = now;
        }
    }

    /** Key of the earliest waiting item, null if none waits. */
    private Bytes earliestWaiting() {
        try (KeyValueIterator<Bytes, Occurrence> it = buffer.all()) {
            return it.hasNext() ? it.next().key : null;
        }
    }

    /**
     * The latest event time that can be decided: before the low watermark minus the grace, since an
     * item of an input partition may still come up to the grace before that partition's watermark.
     * Idle input partitions count as being at {@code idleAt}, the stage's stream time when they were
     * found idle.
     */
    private long bound(Set<TopicPartition> idle, long idleAt) {
        long low = Long.MAX_VALUE;
        for (int i = 0; i < watermarks.length; i++) {
            low = Math.min(low, idle.contains(inputs.get(i)) ? Math.max(idleAt, watermarks[i]) : watermarks[i]);
        }
        return low == Long.MIN_VALUE ? Long.MIN_VALUE : low - grace.toMillis() - 1;
    }

    @Override
    public void process(Record<String, Occurrence> record) {
        lastArrival = context.currentSystemTimeMs();
        Occurrence occurrence = record.value();
        Bytes key = occurrence.order();
        if (loading == null && lastDecided != null && key.compareTo(lastDecided) < 0) {
            decide(occurrence, true);
            return;
        }
        buffer.put(key, record.value());
        bufferedFrom = Math.min(bufferedFrom, record.timestamp());
        if (record.timestamp() > streamTime) {
            streamTime = record.timestamp();
            write(STREAM_TIME, streamTime);
        }
        int source = input(occurrence.ref().kind(), occurrence.sourcePartition());
        if (source >= 0 && record.timestamp() > watermarks[source]) {
            watermarks[source] = record.timestamp();
            write(watermarkKey(inputs.get(source)), watermarks[source]);
        }
        decideUpTo(bound(Set.of(), Long.MIN_VALUE));
    }

    /** Index of the input partition an item was read from (articles from news.articles), or -1 if unknown. */
    private int input(ItemKind kind, int partition) {
        return inputs.indexOf(
                new TopicPartition(kind == ItemKind.ARTICLE ? Topics.ARTICLES_NAME : Topics.BRIEFS_NAME, partition));
    }

    private static String watermarkKey(TopicPartition input) {
        return WATERMARK + input.topic() + "-" + input.partition();
    }

    private long read(String key) {
        Bytes stored = clock.get(key);
        return stored == null ? Long.MIN_VALUE : ByteBuffer.wrap(stored.get()).getLong();
    }

    private void write(String key, long value) {
        clock.put(key, Bytes.wrap(ByteBuffer.allocate(8).putLong(value).array()));
    }

    /**
     * Decides, in key order, every buffered item with an event time at or before {@code bound}, as
     * many as fit in the decide budget; the rest go on in a punctuation soon after, with the same order
     * and verdicts.
     */
    private void decideUpTo(long bound) {
        long upTo = Math.max(bound, leftOverBound);
        if (loading != null || upTo == Long.MIN_VALUE || upTo < bufferedFrom) {
            return;
        }
        long deadline = System.nanoTime() + decideBudgetNanos;
        boolean more = false;
        List<KeyValue<Bytes, Occurrence>> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, Occurrence> it =
                upTo == Long.MAX_VALUE ? buffer.all() : buffer.range(null, ReorderKey.after(upTo))) {
            while (it.hasNext() && !more) {
                KeyValue<Bytes, Occurrence> next = it.next();
                if (ReorderKey.eventTime(next.key) <= upTo) {
                    more = due.size() == MAX_DUE_PER_CALL;
                    if (!more) {
                        due.add(next);
                    }
                }
            }
        }
        for (int i = 0; i < due.size(); i++) {
            KeyValue<Bytes, Occurrence> entry = due.get(i);
            // Only an item buffered while the index loaded can sort before one already decided.
            boolean late = lastDecided != null && entry.key.compareTo(lastDecided) < 0;
            decide(entry.value, late);
            buffer.delete(entry.key);
            if (!late) {
                lastDecided = entry.key;
                clock.put(LAST_DECIDED, lastDecided);
            }
            if (i < due.size() - 1 && System.nanoTime() >= deadline) {
                more = true;
                break;
            }
        }
        if (more) {
            leftOverBound = upTo;
            if (continuation == null) {
                continuation = context.schedule(
                        CONTINUE_AFTER, PunctuationType.WALL_CLOCK_TIME, now -> decideUpTo(Long.MIN_VALUE));
            }
        } else {
            // Everything due is decided: what is left is later.
            bufferedFrom = upTo == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(bufferedFrom, upTo + 1);
            leftOverBound = Long.MIN_VALUE;
            if (continuation != null) {
                continuation.cancel();
                continuation = null;
            }
        }
    }

    @Override
    public void close() {
        if (loading != null) {
            loading.close();
        }
    }

    private void decide(Occurrence occurrence, boolean late) {
        lastProgress = context.currentSystemTimeMs();
        long before = index.work();
        ShardAnswer answer = index.answer(occurrence, late);
        work.record(index.work() - before);
        context.forward(
                new Record<>(occurrence.ref().id(), answer, occurrence.ref().eventTime()));
    }
}
