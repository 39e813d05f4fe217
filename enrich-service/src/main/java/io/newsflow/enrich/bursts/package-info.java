/**
 * Keyword, topic and country burst detection, pure Java (the Kafka Streams wiring lives elsewhere).
 *
 * <p>Per enriched original (never a duplicate), {@link io.newsflow.enrich.bursts.Term#mentionedBy}
 * gives the terms it mentions, each once. They are counted in hopping event-time windows
 * ({@link io.newsflow.enrich.bursts.BurstSettings}: 1 h advancing 5 min, 10 min grace). Once a
 * window is final (stream time past its end + grace) its {@link io.newsflow.enrich.bursts.WindowCount}
 * goes, per term and in window order, to {@link io.newsflow.enrich.bursts.BurstDetector#observe}
 * with the term's stored {@link io.newsflow.enrich.bursts.TermBaseline}; the returned baseline is
 * stored back (41 bytes, {@link io.newsflow.enrich.bursts.TermBaseline#toBytes}) and an alert, when
 * there is one, goes to news.alerts.bursts.
 *
 * <p>Wiring notes: windows without mentions are never emitted, and need not be: the detector folds
 * the empty windows in from the gap, N = (window start - last window start) / advance - 1.
 * Repartition by {@link io.newsflow.enrich.bursts.Term#key} so one task sees all of a term's windows. Entries for which {@link io.newsflow.enrich.bursts.BurstDetector#expired} holds may be
 * deleted (e.g. by a punctuator) without changing any alert. The detector needs the stream's start
 * (the first window's start, kept in a store) for the warm-up. Alerts are a function of the windows
 * and the settings, so a replay gives the same alerts as long as the sample items kept per window
 * are chosen deterministically (earliest by event time, then item id).
 */
package io.newsflow.enrich.bursts;
