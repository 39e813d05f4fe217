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
 * <p>Streams stage (wired by EnrichTopology): {@link io.newsflow.enrich.dedup.SourceStamper} stamps each
 * item with its input partition, and every item goes through one single-partition repartition topic
 * (dedup-input) to one {@link io.newsflow.enrich.dedup.DedupProcessor}, so every item meets every other
 * and duplicate groups are transitive. There items wait in a reorder buffer until the low watermark of
 * the input partitions is past their event time plus the grace (a partition caught up, see
 * {@link io.newsflow.enrich.dedup.UpstreamProgress}, does not hold it back), and are then decided in
 * (event time, id) order, so verdicts do not depend on the order or rate the inputs are read at. The index lives in window stores bounded by the retention window
 * ({@link io.newsflow.enrich.dedup.StreamsDedupStore}, named in {@link io.newsflow.enrich.dedup.DedupStores}):
 * fingerprints and group originals changelogged, the band index derived from them on start.
 */
package io.newsflow.enrich.dedup;
