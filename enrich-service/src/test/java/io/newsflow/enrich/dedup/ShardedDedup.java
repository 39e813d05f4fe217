package io.newsflow.enrich.dedup;

import org.apache.kafka.common.utils.Bytes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The sharded dedup stages without Kafka: S shards ({@link NeighbourSearch} over in-memory stores),
 * each answering every occurrence in (event time, id) order as its reorder buffer would, and the
 * decider ({@link DecideRule}) receiving the answers interleaved as a random scheduler would deliver
 * them (each shard's answers in the order it sent them, the occurrence's own item at any point).
 */
final class ShardedDedup {
    /** A decided occurrence: its id and what it names as original (its own id when published). */
    record Decided(String id, String originalId, io.newsflow.avro.DuplicateMethod method) {}

    private ShardedDedup() {}

    /** The id an answer is about (in Kafka it is the record key). */
    private static String idOf(Map<Bytes, Occurrence> byOrder, Bytes order) {
        return byOrder.get(order).ref().id();
    }

    static Occurrence occurrence(DedupSettings settings, DedupItem item, int copy) {
        return new OccurrenceStage(settings)
                .of(item, ReorderKey.of(item.eventTime(), item.id(), "dump", copy, copy), 0, null);
    }

    /**
     * Decides the occurrences with {@code shards} shards; {@code seed} picks the interleaving at the
     * decider. Returns the verdicts by occurrence order key, in the order the decider made them.
     */
    static Map<Bytes, Decided> run(DedupSettings settings, List<Occurrence> occurrences, int shards, long seed) {
        List<Occurrence> ordered = new ArrayList<>(occurrences);
        ordered.sort((a, b) -> a.order().compareTo(b.order()));
        List<Deque<ShardAnswer>> sent = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            NeighbourSearch shard = new NeighbourSearch(settings, new InMemoryDedupStore(), s, shards);
            Deque<ShardAnswer> answers = new ArrayDeque<>();
            ordered.forEach(o -> answers.add(shard.answer(o, false)));
            sent.add(answers);
        }
        Map<Bytes, Occurrence> byOrder = new HashMap<>();
        ordered.forEach(o -> byOrder.put(o.order(), o));
        Deque<Occurrence> items = new ArrayDeque<>(occurrences);
        Random random = new Random(seed);
        Map<Bytes, DecideRule.Pending> pending = new HashMap<>();
        Map<String, List<DecideRule.FirstOfId>> started = new HashMap<>();
        Map<Bytes, Decided> decided = new LinkedHashMap<>();
        while (!items.isEmpty() || sent.stream().anyMatch(q -> !q.isEmpty())) {
            int pick = random.nextInt(shards + 1);
            Bytes order;
            DecideRule.Pending now;
            if (pick == shards) {
                if (items.isEmpty()) {
                    continue;
                }
                Occurrence item = items.poll();
                order = item.order();
                now = pending.getOrDefault(order, DecideRule.Pending.NONE).withItem();
            } else {
                if (sent.get(pick).isEmpty()) {
                    continue;
                }
                ShardAnswer answer = sent.get(pick).poll();
                order = answer.order();
                now = pending.getOrDefault(order, DecideRule.Pending.NONE).with(answer);
            }
            pending.put(order, now);
            if (!now.complete(shards)) {
                continue;
            }
            // As the decider does: the id's waiting occurrences in order, up to the first incomplete one.
            String id = idOf(byOrder, order);
            List<Bytes> waiting = pending.keySet().stream()
                    .filter(k -> idOf(byOrder, k).equals(id))
                    .sorted()
                    .toList();
            for (Bytes next : waiting) {
                DecideRule.Pending ready = pending.get(next);
                if (!ready.complete(shards)) {
                    break;
                }
                pending.remove(next);
                ItemRef self = byOrder.get(next).ref();
                List<DecideRule.FirstOfId> stories = started.computeIfAbsent(self.id(), k -> new ArrayList<>());
                Optional<ItemRef> first = DecideRule.copied(self, settings.retention(), stories);
                Optional<DuplicateMatch> match = DecideRule.decide(self, ready, first);
                if (first.isEmpty()) {
                    stories.add(DecideRule.firstOfId(self, match));
                }
                decided.put(
                        next,
                        new Decided(
                                self.id(),
                                match.map(m -> m.original().id()).orElse(self.id()),
                                match.map(DuplicateMatch::method).orElse(null)));
            }
        }
        if (!pending.isEmpty()) {
            throw new AssertionError(pending.size() + " occurrences never complete");
        }
        return decided;
    }
}
