package io.newsflow.enrich.bursts;

import io.newsflow.avro.AlertSample;

import java.util.List;

/**
 * The final count of one term in one hop window, as the windowed aggregation hands it over once
 * stream time has passed the window's end + grace.
 *
 * @param windowStart inclusive, epoch ms
 * @param windowEnd   exclusive, epoch ms
 * @param count       deduplicated items that mention the term in the window
 * @param samples     some of those items; alerts keep the first {@link BurstSettings#MAX_SAMPLES}, so
 *                    for replayable alerts the aggregation should keep a deterministic choice (e.g. the
 *                    earliest by event time, then item id)
 */
record WindowCount(long windowStart, long windowEnd, long count, List<AlertSample> samples) {

    public WindowCount {
        if (windowEnd <= windowStart || count < 0) {
            throw new IllegalArgumentException("need windowStart < windowEnd and count >= 0");
        }
        samples = List.copyOf(samples);
    }
}
