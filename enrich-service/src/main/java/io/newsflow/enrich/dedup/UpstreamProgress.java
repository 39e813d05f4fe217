package io.newsflow.enrich.dedup;

import io.newsflow.schemas.Topics;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How far the stage before dedup has got, so the reorder buffer never decides an item while an
 * earlier one may still be on its way through another input partition (a lagging or rebalancing
 * instance, a topic read behind another).
 */
public interface UpstreamProgress {

    /** Partitions of each input topic (news.articles and news.briefs have as many). */
    int partitions();

    /**
     * Input partitions whose every record has been processed and committed, and whose items the dedup
     * stage has received, at a check that began at {@code checkedAtNanos} ({@link System#nanoTime}):
     * what they get next was written after that.
     */
    record CaughtUp(Set<TopicPartition> partitions, long checkedAtNanos) {}

    /** The latest check's answer; it may have been made for another shard task a moment ago. */
    CaughtUp caughtUp();

    /**
     * Every input partition, each of news.articles and news.briefs: the dedup stage keeps a watermark
     * for each, since the two topics of one upstream task are separate logs, read at their own rates.
     */
    static List<TopicPartition> inputs(int partitions) {
        List<TopicPartition> inputs = new ArrayList<>(2 * partitions);
        for (String topic : List.of(Topics.ARTICLES_NAME, Topics.BRIEFS_NAME)) {
            for (int p = 0; p < partitions; p++) {
                inputs.add(new TopicPartition(topic, p));
            }
        }
        return inputs;
    }

    /** For the test driver, which runs every stage synchronously: upstream is always caught up. */
    static UpstreamProgress synchronous(int partitions) {
        Set<TopicPartition> all = Set.copyOf(inputs(partitions));
        return new UpstreamProgress() {
            @Override
            public int partitions() {
                return partitions;
            }

            @Override
            public CaughtUp caughtUp() {
                return new CaughtUp(all, System.nanoTime());
            }
        };
    }
}
