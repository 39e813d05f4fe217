package io.newsflow.enrich.dedup;

import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A shard's part of dedup, pure Java: the index of the lookup keys the shard owns, and for each
 * occurrence, taken in (event time, id) order, the earliest earlier item it verifies as a neighbour
 * through those keys. The minimum over every shard's answer is the occurrence's earliest verified
 * neighbour overall, whatever the number of shards ({@link DecideRule}): no answer depends on another
 * shard's, so shards need no serial chain between them.
 *
 * <p>An id the shard has indexed already (the same content again) is answered without a lookup: the
 * decider, keyed by id, makes it an exact copy. Which fingerprints may match is the reference index's
 * rule ({@link NearDuplicateIndex#comparable}).
 */
final class NeighbourSearch {
    private final DedupSettings settings;
    private final Fingerprinter fingerprinter;
    private final DuplicateVerifier verifier;
    private final DedupStore store;
    private final int shard;
    private final int shards;
    private long streamTime = Long.MIN_VALUE;
    /** Band-key lookups plus candidate verifications so far: the shard's work, for the bench's balance figure. */
    private long work;

    NeighbourSearch(DedupSettings settings, DedupStore store, int shard, int shards) {
        this.settings = settings;
        this.fingerprinter = new Fingerprinter(settings);
        this.verifier = new DuplicateVerifier(settings);
        this.store = store;
        this.shard = shard;
        this.shards = shards;
    }

    long work() {
        return work;
    }

    /** The lookup keys of a fingerprint this shard owns: what it stores it under, and loads on start. */
    long[] ownedKeys(ContentFingerprint fingerprint) {
        return ShardKeys.owned(fingerprinter.lookupKeys(fingerprint), shard, shards);
    }

    /**
     * Answers about the occurrence and indexes it. {@code late}: occurrences after it were answered
     * already; then any verified neighbour counts, earlier or not (the #19 rule: a late copy joins
     * what was published).
     */
    ShardAnswer answer(Occurrence occurrence, boolean late) {
        ItemRef self = occurrence.ref();
        if (store.indexed(self.id())) {
            return new ShardAnswer(occurrence.order(), Optional.empty(), late);
        }
        Optional<Neighbour> best = search(self, false, occurrence.full(), late);
        long[] fullKeys = ownedKeys(occurrence.full());
        store.put(fullKeys, new IndexEntry(self, false, occurrence.full()));
        if (occurrence.lead() != null) {
            best = Neighbour.best(best, search(self, true, occurrence.lead(), late));
            store.put(ownedKeys(occurrence.lead()), new IndexEntry(self, true, occurrence.lead()));
        }
        // The stored entries say the id was indexed (store.indexed); only the rare late item needs a
        // record more, read when it is found as a neighbour. A changelogged marker for every item cost
        // one record per item per shard.
        if (late) {
            store.putOriginal(self, lateMark(self));
        }
        if (self.eventTime() > streamTime) {
            streamTime = self.eventTime();
            store.evictBefore(streamTime - settings.retention().toMillis());
        }
        return new ShardAnswer(occurrence.order(), best, late);
    }

    /** What a late item is stored as its own original: the time no item has, so it reads as "came late". */
    private static ItemRef lateMark(ItemRef self) {
        return new ItemRef(self.id(), self.kind(), Long.MIN_VALUE);
    }

    private boolean decidedLate(ItemRef candidate) {
        return store.original(candidate.id())
                .map(o -> o.eventTime() == Long.MIN_VALUE)
                .orElse(false);
    }

    private Optional<Neighbour> search(ItemRef self, boolean lead, ContentFingerprint fingerprint, boolean late) {
        long window = settings.retention().toMillis();
        Set<EntryRef> seen = new HashSet<>();
        Optional<Neighbour> best = Optional.empty();
        for (long key : ownedKeys(fingerprint)) {
            work++;
            for (EntryRef ref : store.refs(key)) {
                ItemRef candidate = ref.item();
                if (candidate.id().equals(self.id())
                        || !NearDuplicateIndex.comparable(self.kind(), lead, ref)
                        || Math.abs(candidate.eventTime() - self.eventTime()) > window
                        || !(late || candidate.isBefore(self))
                        || !seen.add(ref)) {
                    continue;
                }
                work++;
                Optional<IndexEntry> stored = store.entry(ref);
                if (stored.isEmpty()) {
                    continue;
                }
                OptionalDouble similarity = verifier.similarity(
                        fingerprint,
                        stored.get().fingerprint(),
                        self.kind() == candidate.kind() ? settings.nearThreshold() : settings.leadThreshold());
                if (similarity.isPresent()) {
                    best = Neighbour.best(
                            best,
                            Optional.of(new Neighbour(
                                    new DuplicateMatch(
                                            candidate,
                                            NearDuplicateIndex.method(
                                                    self.kind(), candidate.kind(), similarity.getAsDouble()),
                                            similarity.getAsDouble(),
                                            candidate.id()),
                                    decidedLate(candidate))));
                }
            }
        }
        return best;
    }
}
