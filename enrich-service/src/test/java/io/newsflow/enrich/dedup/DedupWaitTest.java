package io.newsflow.enrich.dedup;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

class DedupWaitTest {
    private static final long T = 1_700_000_000_000L;
    private final List<TopicPartition> inputs = UpstreamProgress.inputs(2);

    @Test
    void namesThePartitionHoldingTheLowWatermarkBack() {
        long[] watermarks = {T + 60_000, T + 5_000, T + 60_000, T + 60_000};
        String reason = DedupWait.reason(T, inputs, watermarks, Set.of(), T + 60_000, 30_000);
        assertTrue(
                reason.contains("news.articles-1 holds them back at event time " + Instant.ofEpochMilli(T + 5_000)),
                reason);
        assertTrue(reason.contains("not caught up"), reason);
    }

    @Test
    void aCaughtUpPartitionCountsAsAtStreamTime() {
        long[] watermarks = {T + 60_000, Long.MIN_VALUE, T + 40_000, T + 60_000};
        String reason = DedupWait.reason(T, inputs, watermarks, Set.of(inputs.get(1)), T + 60_000, 30_000);
        assertTrue(reason.contains("news.briefs-0 holds them back"), reason);
    }

    @Test
    void saysWhenAPartitionHasNothingReadYet() {
        long[] watermarks = {T, Long.MIN_VALUE, T, T};
        String reason = DedupWait.reason(T, inputs, watermarks, Set.of(), T, 30_000);
        assertTrue(reason.contains("news.articles-1 has had nothing read from it yet"), reason);
    }
}
