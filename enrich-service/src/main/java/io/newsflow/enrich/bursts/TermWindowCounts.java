package io.newsflow.enrich.bursts;

import io.newsflow.avro.AlertSample;
import io.newsflow.avro.internal.TermMention;
import io.newsflow.avro.internal.TermWindowCount;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The samples a window keeps, and a window's hand-over to the detector. */
final class TermWindowCounts {
    /** Earliest first: event time, then item id, so the kept samples do not depend on arrival order. */
    private static final Comparator<TermMention> EARLIEST = Comparator.comparingLong(TermMention::getEventTime)
            .thenComparing(m -> m.getSample().getItemId().toString());

    private TermWindowCounts() {}

    /** The {@link BurstSettings#MAX_SAMPLES} earliest of two sets of samples. */
    public static List<TermMention> earliest(List<TermMention> these, List<TermMention> those) {
        List<TermMention> samples = new ArrayList<>(these);
        samples.addAll(those);
        samples.sort(EARLIEST);
        return List.copyOf(samples.subList(0, Math.min(BurstSettings.MAX_SAMPLES, samples.size())));
    }

    public static WindowCount toWindowCount(long windowStart, long windowEnd, TermWindowCount count) {
        List<AlertSample> samples =
                count.getSamples().stream().map(TermMention::getSample).toList();
        return new WindowCount(windowStart, windowEnd, count.getCount(), samples);
    }
}
