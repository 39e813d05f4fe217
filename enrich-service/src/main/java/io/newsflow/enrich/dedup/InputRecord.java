package io.newsflow.enrich.dedup;

import io.newsflow.avro.Article;
import io.newsflow.avro.internal.IngestedItem;
import io.newsflow.schemas.Topics;

/**
 * Where an item was read from: its input topic, partition and offset, and its event time (the record
 * timestamp). Offset -1 when unknown (an item stamped before offsets were).
 */
public record InputRecord(String topic, int partition, long offset, long timestamp) {

    public static InputRecord of(IngestedItem stamped, long eventTime) {
        String topic = stamped.getItem() instanceof Article ? Topics.ARTICLES_NAME : Topics.BRIEFS_NAME;
        return new InputRecord(topic, stamped.getSourcePartition(), stamped.getSourceOffset(), eventTime);
    }
}
