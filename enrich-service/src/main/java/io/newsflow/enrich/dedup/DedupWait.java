package io.newsflow.enrich.dedup;

import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Why the dedup stage's waiting items are not decided yet, in words for the log: which input
 * partition holds the low watermark back and how far it has got. An operator who sees no output after
 * a restart learns from it whether the instance waits for an input partition (a lagging upstream, a
 * partition nothing has been read from yet) or for the reorder grace to pass.
 */
final class DedupWait {
    private DedupWait() {}

    /**
     * @param earliest   event time of the earliest waiting item
     * @param inputs     every input partition, in the order of {@code watermarks}
     * @param watermarks largest event time read from each, {@link Long#MIN_VALUE} if none yet
     * @param idle       input partitions caught up at the last check (they count as at {@code streamTime})
     * @param graceMs    the reorder grace
     */
    static String reason(
            long earliest,
            List<TopicPartition> inputs,
            long[] watermarks,
            Set<TopicPartition> idle,
            long streamTime,
            long graceMs) {
        int holding = -1;
        long low = Long.MAX_VALUE;
        for (int i = 0; i < watermarks.length; i++) {
            long effective = idle.contains(inputs.get(i)) ? Math.max(streamTime, watermarks[i]) : watermarks[i];
            if (effective < low) {
                low = effective;
                holding = i;
            }
        }
        String waiting = "items wait from event time " + Instant.ofEpochMilli(earliest);
        if (holding < 0) {
            return waiting + ": no input partitions known";
        }
        TopicPartition tp = inputs.get(holding);
        String state = idle.contains(tp)
                ? "caught up"
                : "not caught up (records of it not yet processed, committed or received)";
        if (low == Long.MIN_VALUE) {
            return waiting + " until every input partition has been read from or is caught up; " + tp
                    + " has had nothing read from it yet and is " + state;
        }
        return waiting + " until every input partition is " + graceMs + " ms of reorder grace past them; " + tp
                + " holds them back at event time " + Instant.ofEpochMilli(low) + ", " + state
                + (idle.size() == inputs.size()
                        ? "; all are caught up, so they go once no item arrived for the idle flush time"
                        : "");
    }
}
