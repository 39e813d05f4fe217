package io.newsflow.enrich.dedup;

import java.util.Comparator;
import java.util.Optional;

/**
 * A verified neighbour of an occurrence, as a shard found it.
 *
 * @param match       the neighbour (as {@link DuplicateMatch#original()}), how it matched and how closely
 * @param decidedLate the neighbour was itself decided late (after later items): it ranks after every
 *                    neighbour that was not, so items after a late copy keep naming the published
 *                    original the late copy joined (#19)
 */
public record Neighbour(DuplicateMatch match, boolean decidedLate) {
    private static final Comparator<Neighbour> RANK = Comparator.comparing(Neighbour::decidedLate)
            .thenComparing(n -> n.match().original());

    /** The better of two neighbours: not decided late first, then the earlier by (event time, id). */
    static Optional<Neighbour> best(Optional<Neighbour> a, Optional<Neighbour> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && RANK.compare(b.get(), a.get()) < 0 ? b : a;
    }
}
