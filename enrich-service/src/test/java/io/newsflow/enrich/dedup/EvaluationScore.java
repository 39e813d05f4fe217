package io.newsflow.enrich.dedup;

import io.newsflow.avro.DuplicateMethod;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Pairwise-to-original scoring: every item predicted to be a duplicate forms the pair (item,
 * predicted original); the pair is right when the predicted original is the labelled group's first
 * item in (event time, id) order. Recall counts right pairs among the selected labelled duplicates,
 * precision right pairs among the selected claims.
 */
record EvaluationScore(int truePairs, int found, int claimed, int correctClaims) {

    /** A prediction for one item: its predicted original id (its own id when original) and method. */
    record Prediction(LabelledItem item, String originalId, DuplicateMethod method) {

        boolean duplicate() {
            return !originalId.equals(item.id());
        }
    }

    double precision() {
        return claimed == 0 ? 1.0 : (double) correctClaims / claimed;
    }

    double recall() {
        return truePairs == 0 ? 1.0 : (double) found / truePairs;
    }

    @Override
    public String toString() {
        return String.format(
                "precision %.3f (%d/%d)  recall %.3f (%d/%d)",
                precision(), correctClaims, claimed, recall(), found, truePairs);
    }

    static EvaluationScore of(
            List<Prediction> predictions, Predicate<LabelledItem> truth, Predicate<Prediction> claim) {
        Map<String, String> trueOriginal = trueOriginals(predictions);
        int truePairs = 0;
        int found = 0;
        int claimed = 0;
        int correctClaims = 0;
        for (Prediction p : predictions) {
            String expected = trueOriginal.get(p.item().group());
            boolean right = p.duplicate() && p.originalId().equals(expected);
            if (!expected.equals(p.item().id()) && truth.test(p.item())) {
                truePairs++;
                found += right ? 1 : 0;
            }
            if (p.duplicate() && claim.test(p)) {
                claimed++;
                correctClaims += right ? 1 : 0;
            }
        }
        return new EvaluationScore(truePairs, found, claimed, correctClaims);
    }

    /** Group -> id of its first item; predictions come in (event time, id) order. */
    static Map<String, String> trueOriginals(List<Prediction> predictions) {
        Map<String, String> trueOriginal = new HashMap<>();
        for (Prediction p : predictions) {
            trueOriginal.putIfAbsent(p.item().group(), p.item().id());
        }
        return trueOriginal;
    }
}
