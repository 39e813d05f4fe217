package io.newsflow.enrich.dedup;

/**
 * One fingerprint of an item as stored in the index: an item's full text, or an article's
 * headline + lead ({@code lead = true}).
 */
record IndexEntry(ItemRef item, boolean lead, ContentFingerprint fingerprint) {

    public EntryRef ref() {
        return new EntryRef(item, lead);
    }
}
