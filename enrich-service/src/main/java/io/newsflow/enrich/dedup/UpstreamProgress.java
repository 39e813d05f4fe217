package io.newsflow.enrich.dedup;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How far the stage before dedup has got, so the reorder buffer never decides an item while an
 * earlier one may still be on its way through another upstream partition (a lagging or rebalancing
 * instance, say).
 */
public interface UpstreamProgress {

    /** Number of upstream partitions (tasks) feeding the dedup stage. */
    int partitions();

    /**
     * Upstream partitions whose every input record has been processed and committed, checked now;
     * empty when the dedup stage has not yet received everything upstream has forwarded (then no
     * partition can be assumed idle).
     */
    Set<Integer> caughtUp();

    /** For the test driver, which runs every stage synchronously: upstream is always caught up. */
    static UpstreamProgress synchronous(int partitions) {
        Set<Integer> all = IntStream.range(0, partitions).boxed().collect(Collectors.toUnmodifiableSet());
        return new UpstreamProgress() {
            @Override
            public int partitions() {
                return partitions;
            }

            @Override
            public Set<Integer> caughtUp() {
                return all;
            }
        };
    }
}
