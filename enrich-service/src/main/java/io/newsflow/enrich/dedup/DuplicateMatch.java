package io.newsflow.enrich.dedup;

import io.newsflow.avro.DuplicateMethod;

/**
 * The verdict for a duplicate: the original of its group, how it was recognised and the similarity
 * of the direct match ({@code matchedId}) that led to the original.
 */
public record DuplicateMatch(ItemRef original, DuplicateMethod method, double similarity, String matchedId) {}
