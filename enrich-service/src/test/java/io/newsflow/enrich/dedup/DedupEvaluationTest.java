package io.newsflow.enrich.dedup;

import io.newsflow.avro.DuplicateMethod;
import io.newsflow.enrich.dedup.EvaluationScore.Prediction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the labelled set (src/test/resources/dedup/dedup-eval.jsonl, written by make_eval_set.py
 * beside it) through {@link NearDuplicateIndex} in event-time order and scores the verdicts.
 * Prints the scores, the misses, a shingling sweep and the SimHash baseline; asserts the defaults.
 */
@Tag("evaluation")
class DedupEvaluationTest {

    private static List<LabelledItem> items;

    @BeforeAll
    static void load() {
        items = LabelledItem.load();
    }

    static List<Prediction> run(DedupSettings settings) {
        NearDuplicateIndex index = new NearDuplicateIndex(settings, new InMemoryDedupStore());
        List<Prediction> predictions = new ArrayList<>();
        for (LabelledItem labelled : items) {
            Optional<DuplicateMatch> match = index.observe(labelled.item());
            predictions.add(new Prediction(
                    labelled,
                    match.map(m -> m.original().id()).orElse(labelled.id()),
                    match.map(DuplicateMatch::method).orElse(null)));
        }
        return predictions;
    }

    static EvaluationScore overall(List<Prediction> predictions) {
        return EvaluationScore.of(predictions, i -> true, p -> true);
    }

    /** Near duplicates alone: labelled light edits as truth, verdicts by the NEAR method as claims. */
    static EvaluationScore nearOnly(List<Prediction> predictions) {
        return EvaluationScore.of(
                predictions, i -> i.relation().equals("near"), p -> p.method() == DuplicateMethod.NEAR);
    }

    @Test
    void defaultSettingsReachTargetPrecisionAndRecall() {
        DedupSettings settings = DedupSettings.defaults();
        List<Prediction> predictions = run(settings);
        EvaluationScore all = overall(predictions);
        EvaluationScore near = nearOnly(predictions);
        System.out.printf(
                "dedup evaluation, %d items, %s%n  overall:   %s%n  near-only: %s%n",
                items.size(), settings.version(), all, near);
        printMisses(predictions);
        assertAll(
                () -> assertTrue(all.precision() >= 0.95, "overall precision " + all),
                () -> assertTrue(all.recall() >= 0.90, "overall recall " + all),
                () -> assertTrue(near.precision() >= 0.95, "near-only precision " + near),
                () -> assertTrue(near.recall() >= 0.90, "near-only recall " + near));
    }

    /** Documents how the shingling and the guard were chosen; asserts nothing. */
    @Test
    void printShinglingSweepAndSimHashBaseline() {
        System.out.println(
                "shingling sweep (k words per shingle, +1 = single words mixed in), with and without the guard:");
        for (int k = 1; k <= 4; k++) {
            for (boolean unigrams : new boolean[] {false, true}) {
                if (k == 1 && unigrams) {
                    continue;
                }
                DedupSettings shingling = DedupSettings.defaults().withShingles(k, unigrams);
                for (DedupSettings settings : List.of(shingling, shingling.withGuard(0, 0))) {
                    List<Prediction> p = run(settings);
                    System.out.printf(
                            "  k=%d%-2s guard %.2f/%.2f  overall: %s | near-only: %s%n",
                            k,
                            unigrams ? "+1" : "",
                            settings.numberContainment(),
                            settings.nameContainment(),
                            overall(p),
                            nearOnly(p));
                }
            }
        }
        System.out.println("formulaic guard sweep (number containment / name containment):");
        for (double[] guard : new double[][] {{0, 0.5}, {1.0, 0}, {0.75, 0.5}, {1.0, 0.5}, {1.0, 0.75}}) {
            List<Prediction> p = run(DedupSettings.defaults().withGuard(guard[0], guard[1]));
            System.out.printf(
                    "  numbers>=%.2f names>=%.2f overall: %s | near-only: %s%n",
                    guard[0], guard[1], overall(p), nearOnly(p));
        }
        List<DedupItem> dedupItems = items.stream().map(LabelledItem::item).toList();
        List<String> simHashOriginals = new SimHashBaseline().originals(dedupItems);
        List<Prediction> simHash = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            simHash.add(new Prediction(items.get(i), simHashOriginals.get(i), DuplicateMethod.NEAR));
        }
        System.out.printf(
                "SimHash 64 bit, Hamming <= 3 (scan):%n  overall:   %s%n  near-only: %s%n",
                overall(simHash), nearOnly(simHash));
    }

    private static void printMisses(List<Prediction> predictions) {
        Map<String, String> trueOriginal = EvaluationScore.trueOriginals(predictions);
        for (Prediction p : predictions) {
            String expected = trueOriginal.get(p.item().group());
            boolean isDuplicate = !expected.equals(p.item().id());
            if (isDuplicate && !expected.equals(p.originalId())) {
                System.out.printf(
                        "  missed    %-22s (%s: %s) predicted %s%n",
                        p.item().id(), p.item().relation(), p.item().edit(), p.originalId());
            } else if (!isDuplicate && p.duplicate()) {
                System.out.printf("  false dup %-22s -> %s (%s)%n", p.item().id(), p.originalId(), p.method());
            }
        }
    }
}
