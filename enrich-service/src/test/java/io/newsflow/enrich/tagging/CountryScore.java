package io.newsflow.enrich.tagging;

import java.util.Set;
import java.util.TreeSet;

/**
 * Micro-averaged precision, recall and F1 over (item, country) pairs, and how often the primary
 * country is one the labeller gave; errors are listed so a failing figure can be read.
 */
final class CountryScore {

    private int truePositives;
    private int falsePositives;
    private int falseNegatives;
    private int items;
    private int primaryInLabels;
    private int primaryIsFirstLabel;
    private final StringBuilder errors = new StringBuilder();

    /** Scores one item: {@code got} the tagger's countries, {@code primary} its primary (null if none). */
    void add(String id, Set<String> expected, Set<String> got, String primary) {
        items++;
        Set<String> fp = new TreeSet<>(got);
        fp.removeAll(expected);
        Set<String> fn = new TreeSet<>(expected);
        fn.removeAll(got);
        truePositives += got.size() - fp.size();
        falsePositives += fp.size();
        falseNegatives += fn.size();
        if (primary != null && expected.contains(primary)) {
            primaryInLabels++;
        }
        if (primary != null && !expected.isEmpty() && expected.iterator().next().equals(primary)) {
            primaryIsFirstLabel++;
        }
        if (!fp.isEmpty() || !fn.isEmpty() || (primary != null && !expected.contains(primary))) {
            errors.append(String.format("  %s: primary %s, extra %s, missed %s%n", id, primary, fp, fn));
        }
    }

    double precision() {
        return truePositives / (double) (truePositives + falsePositives);
    }

    double recall() {
        return truePositives / (double) (truePositives + falseNegatives);
    }

    double f1() {
        return 2 * precision() * recall() / (precision() + recall());
    }

    /** Share of items whose primary country is one of the labelled countries. */
    double primaryAccuracy() {
        return primaryInLabels / (double) items;
    }

    String errors() {
        return errors.toString();
    }

    String summary() {
        return String.format(
                "%d items: precision %.3f, recall %.3f, F1 %.3f (TP %d, FP %d, FN %d); "
                        + "primary among the labels %.3f, primary = first label %.3f",
                items,
                precision(),
                recall(),
                f1(),
                truePositives,
                falsePositives,
                falseNegatives,
                primaryAccuracy(),
                primaryIsFirstLabel / (double) items);
    }
}
