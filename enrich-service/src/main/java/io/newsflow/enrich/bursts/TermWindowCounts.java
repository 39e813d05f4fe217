package io.newsflow.enrich.bursts;

import io.newsflow.avro.AlertSample;
import io.newsflow.avro.internal.TermMention;
import io.newsflow.avro.internal.TermWindowCount;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The aggregation of a term's mentions in one window, and its hand-over to the detector. */
public final class TermWindowCounts {
    /** Earliest first: event time, then item id, so the kept samples do not depend on arrival order. */
    private static final Comparator<TermMention> EARLIEST =
            Comparator.comparingLong(TermMention::getEventTime).thenComparing(m -> m.getSample().getItemId().toString());

    private TermWindowCounts() {
    }

    public static TermWindowCount empty() {
        return new TermWindowCount(0L, List.of());
    }

    /** Counts one more mention and keeps the {@link BurstSettings#MAX_SAMPLES} earliest. */
    public static TermWindowCount add(TermWindowCount count, TermMention mention) {
        List<TermMention> samples = new ArrayList<>(count.getSamples());
        samples.add(mention);
        samples.sort(EARLIEST);
        return new TermWindowCount(count.getCount() + 1,
                List.copyOf(samples.subList(0, Math.min(BurstSettings.MAX_SAMPLES, samples.size()))));
    }

    public static WindowCount toWindowCount(long windowStart, long windowEnd, TermWindowCount count) {
        List<AlertSample> samples = count.getSamples().stream().map(TermMention::getSample).toList();
        return new WindowCount(windowStart, windowEnd, count.getCount(), samples);
    }
}
