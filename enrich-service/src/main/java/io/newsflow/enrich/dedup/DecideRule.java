package io.newsflow.enrich.dedup;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The verdict rule, pure Java. An occurrence is decided once every shard answered it:
 * <ol>
 *   <li>an occurrence of the same id was decided that started a story no more than the dedup window
 *       before this one: an exact copy, a duplicate of what the earliest such one was (its original, or
 *       itself when it was published). The same content a window apart is a new story, as a
 *       near-duplicate a window apart is;
 *   <li>else a duplicate of the earliest verified neighbour over all answers, by (event time, id)
 *       (a neighbour that was itself decided late ranks last: {@link Neighbour});
 *   <li>else an original.
 * </ol>
 * Each step is a lookup by id or a minimum, so neither the number of shards nor the order in which
 * answers arrive changes a verdict.
 */
final class DecideRule {
    private DecideRule() {}

    /**
     * What is known of an occurrence so far: whether its item came (the item itself waits in a store
     * of its own, written once) and the answers folded in.
     */
    record Pending(boolean arrived, int answers, Optional<Neighbour> best, boolean late) {
        static final Pending NONE = new Pending(false, 0, Optional.empty(), false);

        Pending withItem() {
            return new Pending(true, answers, best, late);
        }

        Pending with(ShardAnswer answer) {
            return new Pending(arrived, answers + 1, Neighbour.best(best, answer.neighbour()), late || answer.late());
        }

        boolean complete(int shards) {
            return arrived && answers >= shards;
        }
    }

    /**
     * The match of a complete occurrence, empty for an original.
     *
     * @param firstOfId what the id's first decided occurrence was: its original, or itself if published
     */
    static Optional<DuplicateMatch> decide(ItemRef self, Pending pending, Optional<ItemRef> firstOfId) {
        if (firstOfId.isPresent()) {
            ItemRef original = firstOfId.get();
            return Optional.of(new DuplicateMatch(
                    original, NearDuplicateIndex.method(self.kind(), original.kind(), 1.0), 1.0, self.id()));
        }
        return pending.best().map(Neighbour::match);
    }

    /**
     * A story an id started: what the occurrence that started it was (its original, or itself when it
     * was published), and that occurrence's own event time.
     */
    record FirstOfId(ItemRef copiesOf, long eventTime) {}

    /** The story this occurrence started, when {@link #copied} found none for it. */
    static FirstOfId firstOfId(ItemRef self, Optional<DuplicateMatch> match) {
        return new FirstOfId(match.map(DuplicateMatch::original).orElse(self), self.eventTime());
    }

    /**
     * What an occurrence is an exact copy of: of the stories its id started (in any order of
     * decision), the earliest that started no more than {@code window} before it.
     */
    static Optional<ItemRef> copied(ItemRef self, Duration window, Collection<FirstOfId> started) {
        long from = self.eventTime() - window.toMillis();
        return started.stream()
                .filter(story -> story.eventTime() >= from)
                .min(Comparator.comparingLong(FirstOfId::eventTime))
                .map(FirstOfId::copiesOf);
    }
}
