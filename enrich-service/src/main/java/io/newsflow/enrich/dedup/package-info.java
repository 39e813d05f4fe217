/**
 * Deduplication of news items: the pure core and its Kafka Streams stage.
 *
 * <p>Core, per item: {@link io.newsflow.enrich.dedup.DedupText} (wire prefixes, datelines and credit
 * lines removed, case and diacritics folded) -> {@link io.newsflow.enrich.dedup.Fingerprinter}
 * (SHA-256 content hash; word k-shingles plus single words; a MinHash signature) -> lookup keys
 * ({@link io.newsflow.enrich.dedup.LshBanding}: b bands of r rows, plus the exact-hash key) ->
 * {@link io.newsflow.enrich.dedup.DuplicateVerifier} on the candidates (estimated Jaccard at least
 * the threshold, and the numbers and names of the two texts must agree). Articles are also
 * fingerprinted by headline + lead, which links briefs and articles
 * ({@link io.newsflow.enrich.dedup.BriefOfArticleMatcher}). {@link io.newsflow.enrich.dedup.NearDuplicateIndex}
 * holds what was indexed and judges an item against it; {@link io.newsflow.enrich.dedup.DedupSettings}
 * has the numbers (defaults: 3-shingles, 128 hashes, 42 bands x 3 rows, threshold 0.5, where
 * P(candidate) = 1 - (1 - s^3)^42 is 0.041 at s=0.1, 0.683 at 0.3, 0.996 at 0.5).
 *
 * <p>Streams wiring (docs/dedup-scaleout.md): {@link io.newsflow.enrich.dedup.OccurrenceStage} fingerprints
 * each item once on its input task; every occurrence, without its text, goes to each of S shards
 * ({@link io.newsflow.enrich.dedup.DedupProcessor}: reorder buffer, watermark per input partition, the
 * band index of the 1/S of the lookup keys it owns), which answer with the earliest verified
 * neighbour; {@link io.newsflow.enrich.dedup.DecideProcessor}, keyed by item id, takes the earliest over
 * all answers and decides exact copies by id. Verdicts do not depend on the order or rate the inputs
 * are read at, nor on S or the number of instances. {@link io.newsflow.enrich.dedup.NearDuplicateIndex}
 * is the single-process reference the labelled-set tests compare against.
 */
package io.newsflow.enrich.dedup;
