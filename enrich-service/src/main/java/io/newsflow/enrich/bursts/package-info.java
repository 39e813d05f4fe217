/**
 * Keyword, topic and country burst detection: the pure core, and its Kafka Streams stage
 * ({@link io.newsflow.enrich.bursts.BurstStage}: {@link io.newsflow.enrich.bursts.TermCounter} and
 * {@link io.newsflow.enrich.bursts.BurstProcessor}, alert lines by {@link io.newsflow.enrich.bursts.AlertLog},
 * the interactive queries of /api/bursts and /api/keywords/top by
 * {@link io.newsflow.enrich.bursts.BurstQueries}). The core classes import no Kafka.
 *
 * <p>Per enriched original (never a duplicate), {@link io.newsflow.enrich.bursts.Term#mentionedBy}
 * gives the terms it mentions, each once. They are counted in hopping event-time windows
 * ({@link io.newsflow.enrich.bursts.BurstSettings}: 1 h advancing 5 min, 10 min grace). Once a
 * window is final (stream time past its end + grace) its {@link io.newsflow.enrich.bursts.WindowCount}
 * goes, per term and in window order, to {@link io.newsflow.enrich.bursts.BurstDetector#observe}
 * with the term's stored {@link io.newsflow.enrich.bursts.TermBaseline}; the returned baseline is
 * stored back ({@link io.newsflow.enrich.bursts.TermBaseline#toBytes}) and an alert, when
 * there is one, goes to news.alerts.bursts. Before that, after every mention counted, the term's
 * windows not final yet go with their counts so far to
 * {@link io.newsflow.enrich.bursts.BurstDetector#early}, which alerts as soon as they make a burst
 * start and marks the baseline so the final windows do not alert for that burst again.
 *
 * <p>Wiring: windows without mentions are never emitted, and need not be: the detector folds the empty
 * windows in from the gap, N = (window start - last window start) / advance - 1. Mentions are
 * repartitioned by {@link io.newsflow.enrich.bursts.Term#key} (bursts-terms), so one task sees all of a
 * term's windows. Baselines for which {@link io.newsflow.enrich.bursts.BurstDetector#expired} holds are
 * deleted by a stream-time punctuator without changing any alert. The detector needs the stream's
 * start (the first window's start, kept in a store) for the warm-up. Alerts are a function of the mentions
 * in arrival order, the stream time they arrive at and the settings, so a replay of the same input in
 * the same order gives the same alerts as long as the sample items kept per window are chosen
 * deterministically (earliest by event time, then item id).
 */
package io.newsflow.enrich.bursts;
