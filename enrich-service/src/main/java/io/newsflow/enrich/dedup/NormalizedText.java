package io.newsflow.enrich.dedup;

import java.util.List;

/**
 * A text after dedup normalisation.
 *
 * @param text    the normalised tokens joined by single spaces; what the exact content hash covers
 * @param tokens  the normalised word tokens in order
 * @param numbers distinct numeric tokens (sorted), for the formulaic-story guard
 * @param names   distinct capitalised mid-sentence words of the body (sorted, normalised), a cheap
 *                stand-in for named entities, for the same guard
 */
record NormalizedText(String text, List<String> tokens, List<String> numbers, List<String> names) {}
