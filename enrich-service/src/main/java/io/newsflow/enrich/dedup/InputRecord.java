package io.newsflow.enrich.dedup;

import io.newsflow.avro.ItemKind;
import io.newsflow.schemas.Topics;

/**
 * Where an item was read from: its input topic, partition and offset, and its event time (the record
 * timestamp).
 */
public record InputRecord(String topic, int partition, long offset, long timestamp) {

    static InputRecord of(Occurrence occurrence) {
        String topic = occurrence.ref().kind() == ItemKind.ARTICLE ? Topics.ARTICLES_NAME : Topics.BRIEFS_NAME;
        return new InputRecord(
                topic,
                occurrence.sourcePartition(),
                ReorderKey.offset(occurrence.order()),
                occurrence.ref().eventTime());
    }
}
