/**
 * Deduplication of news items, pure Java (the Kafka Streams wiring lives elsewhere).
 *
 * <p>Pipeline per item: {@link io.newsflow.enrich.dedup.TextNormalizer} ->
 * {@link io.newsflow.enrich.dedup.Fingerprinter} (SHA-256 content hash; word 3-shingles plus single
 * words; 128 MinHash values) -> lookup keys (42 LSH bands x 3 rows, plus the exact-hash key) ->
 * {@link io.newsflow.enrich.dedup.DuplicateVerifier} on the candidates (estimated Jaccard >= 0.5, and
 * the numbers and names of the two texts must agree). Articles are also fingerprinted by headline +
 * lead, which links briefs and articles ({@link io.newsflow.enrich.dedup.BriefOfArticleMatcher}).
 *
 * <p>Band S-curve, P(candidate) = 1 - (1 - s^3)^42: s=0.1: 0.041, 0.2: 0.286, 0.3: 0.683,
 * 0.4: 0.938, 0.5: 0.996, 0.6+: >= 0.9999.
 *
 * <p>Streams wiring (docs/dedup-scaleout.md): {@link io.newsflow.enrich.dedup.OccurrenceStage} fingerprints
 * each item once on its input task; every occurrence, without its text, goes to each of S shards
 * ({@link io.newsflow.enrich.dedup.DedupProcessor}: reorder buffer, watermark per input partition, the
 * band index of the 1/S of the lookup keys it owns), which answer with the earliest verified
 * neighbour; {@link io.newsflow.enrich.dedup.DecideProcessor}, keyed by item id, takes the earliest over
 * all answers and decides exact copies by id. {@link io.newsflow.enrich.dedup.NearDuplicateIndex} is the
 * single-process reference the labelled-set tests compare against.
 */
package io.newsflow.enrich.dedup;
