package io.newsflow.enrich.dedup;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;

/**
 * One occurrence of an item on its way through dedup, fingerprinted once on the input task. The
 * copies sent to the shards carry no {@code item} (the text); the copy sent to the decider does.
 *
 * @param order           its {@link ReorderKey}: the order in which every shard answers
 * @param ref             id, kind and event time
 * @param sourcePartition partition of news.articles or news.briefs it was read from (its kind names the topic)
 * @param full            full-text fingerprint
 * @param lead            an article's headline + lead fingerprint, null for a brief
 * @param item            the Article or Brief, null in a shard's copy
 */
public record Occurrence(
        Bytes order,
        ItemRef ref,
        int sourcePartition,
        ContentFingerprint full,
        ContentFingerprint lead,
        SpecificRecord item) {

    /** The shard's copy: no text. */
    public Occurrence withoutItem() {
        return new Occurrence(order, ref, sourcePartition, full, lead, null);
    }
}
