package io.newsflow.enrich.dedup;

/**
 * Which stored fingerprint a band key points to: an item's full text, or an article's headline +
 * lead ({@code lead = true}). Small, so candidates are filtered and deduplicated before their
 * fingerprints are read.
 */
record EntryRef(ItemRef item, boolean lead) {}
