package io.newsflow.enrich.dedup;

import io.newsflow.avro.DuplicateMethod;
import io.newsflow.enrich.dedup.EvaluationScore.Prediction;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sharded dedup rule on the labelled set (src/test/resources/dedup/dedup-eval.jsonl): the same
 * verdict for every occurrence with 1 or 6 shards and any arrival order at the decider, exact copies
 * decided by id, and precision and recall as the reference {@link NearDuplicateIndex}'s.
 */
class ShardedDedupTest {
    private static final DedupSettings SETTINGS = DedupSettings.defaults();
    private static List<LabelledItem> items;
    private static List<Occurrence> occurrences;

    @BeforeAll
    static void load() {
        items = LabelledItem.load();
        occurrences = new ArrayList<>();
        for (LabelledItem labelled : items) {
            occurrences.add(ShardedDedup.occurrence(SETTINGS, labelled.item(), 0));
        }
        // Every tenth item scraped again later on another page: the same id, an exact copy.
        for (int i = 0; i < items.size(); i += 10) {
            DedupItem item = items.get(i).item();
            DedupItem again = new DedupItem(
                    item.id(), item.kind(), item.eventTime() + 3_600_000L, item.headline(), item.paragraphs());
            occurrences.add(ShardedDedup.occurrence(SETTINGS, again, 1));
        }
    }

    @Test
    void verdictsDoNotDependOnShardCountOrArrivalOrder() {
        Map<Bytes, ShardedDedup.Decided> one = new TreeMap<>(ShardedDedup.run(SETTINGS, occurrences, 1, 1));
        assertEquals(occurrences.size(), one.size(), "every occurrence decided once");
        for (int shards : new int[] {2, 6, 7}) {
            for (long seed = 1; seed <= 3; seed++) {
                List<Occurrence> shuffled = new ArrayList<>(occurrences);
                Collections.shuffle(shuffled, new Random(seed));
                assertEquals(
                        one,
                        new TreeMap<>(ShardedDedup.run(SETTINGS, shuffled, shards, seed)),
                        shards + " shards, arrival order " + seed);
            }
        }
    }

    @Test
    void exactCopiesNameWhatTheirFirstOccurrenceWasAndNoIdIsPublishedTwice() {
        Map<Bytes, ShardedDedup.Decided> decided = ShardedDedup.run(SETTINGS, occurrences, 6, 42);
        Map<String, String> firstVerdict = new TreeMap<>();
        List<String> published = new ArrayList<>();
        int copies = 0;
        for (ShardedDedup.Decided d : new TreeMap<>(decided).values()) {
            String before = firstVerdict.putIfAbsent(d.id(), d.originalId());
            if (before != null) {
                copies++;
                assertEquals(before, d.originalId(), "a copy of " + d.id() + " names what its first occurrence was");
                assertTrue(
                        d.method() == DuplicateMethod.EXACT
                                || d.method() == DuplicateMethod.BRIEF_OF_ARTICLE
                                || d.method() == DuplicateMethod.ARTICLE_OF_BRIEF,
                        "copy method " + d.method());
            }
            if (d.originalId().equals(d.id()) && d.method() == null) {
                published.add(d.id());
            }
        }
        assertTrue(copies >= items.size() / 10, "the copies were decided as copies: " + copies);
        assertEquals(published.size(), published.stream().distinct().count(), "no id published twice");
    }

    /**
     * Duplicate or original, item by item, as the reference index decides; and the scores. The named
     * original may differ in a chain (C verified against B, B against A, C not against A: C names B,
     * where the reference followed the chain to A); the scores say what that costs.
     */
    @Test
    void sameDuplicatesAsTheReferenceIndexAndItsPrecisionAndRecall() {
        List<Occurrence> firsts = occurrences.subList(0, items.size());
        Map<Bytes, ShardedDedup.Decided> decided = ShardedDedup.run(SETTINGS, firsts, 6, 7);
        NearDuplicateIndex reference = new NearDuplicateIndex(SETTINGS, new InMemoryDedupStore());
        List<Prediction> referencePredictions = new ArrayList<>();
        List<Prediction> shardedPredictions = new ArrayList<>();
        int differentOriginal = 0;
        for (int i = 0; i < items.size(); i++) {
            LabelledItem labelled = items.get(i);
            Optional<DuplicateMatch> match = reference.observe(labelled.item());
            ShardedDedup.Decided sharded = decided.get(firsts.get(i).order());
            assertEquals(match.isPresent(), sharded.method() != null, "duplicate or not: " + labelled.id());
            referencePredictions.add(new Prediction(
                    labelled,
                    match.map(m -> m.original().id()).orElse(labelled.id()),
                    match.map(DuplicateMatch::method).orElse(null)));
            shardedPredictions.add(new Prediction(labelled, sharded.originalId(), sharded.method()));
            differentOriginal +=
                    match.isPresent() && !match.get().original().id().equals(sharded.originalId()) ? 1 : 0;
        }
        EvaluationScore refAll = DedupEvaluationTest.overall(referencePredictions);
        EvaluationScore all = DedupEvaluationTest.overall(shardedPredictions);
        EvaluationScore refNear = DedupEvaluationTest.nearOnly(referencePredictions);
        EvaluationScore near = DedupEvaluationTest.nearOnly(shardedPredictions);
        System.out.printf(
                "sharded dedup, %d items, 6 shards: %d duplicates name another original than the reference%n"
                        + "  overall:   %s   (reference %s)%n  near-only: %s   (reference %s)%n",
                items.size(), differentOriginal, all, refAll, near, refNear);
        assertAll(
                () -> assertTrue(all.precision() >= 0.95, "overall precision " + all),
                () -> assertTrue(all.recall() >= 0.90, "overall recall " + all),
                () -> assertTrue(near.precision() >= 0.95, "near-only precision " + near),
                () -> assertTrue(near.recall() >= 0.90, "near-only recall " + near));
    }
}
