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
 * <p>Streams wiring: repartition each item by each of its lookup keys (the keys are 64-bit
 * deterministic hashes, {@link io.newsflow.enrich.dedup.LshBanding#keyString}), keep a
 * {@link io.newsflow.enrich.dedup.DedupStore} per key partition in a windowed store with the
 * retention window, and reduce per item to the earliest original by (event time, id).
 */
package io.newsflow.enrich.dedup;
