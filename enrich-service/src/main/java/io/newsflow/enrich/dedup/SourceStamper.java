package io.newsflow.enrich.dedup;

import io.newsflow.avro.internal.IngestedItem;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Stamps each item, before it leaves its input partition for the dedup stage, with that partition and
 * the upstream task's stream time: the dedup stage's per-partition watermark.
 */
public final class SourceStamper implements FixedKeyProcessor<String, IngestedItem, IngestedItem> {
    private FixedKeyProcessorContext<String, IngestedItem> context;

    @Override
    public void init(FixedKeyProcessorContext<String, IngestedItem> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, IngestedItem> record) {
        IngestedItem stamped = IngestedItem.newBuilder(record.value())
                .setSourcePartition(context.taskId().partition())
                .setSourceWatermark(Math.max(record.timestamp(), context.currentStreamTimeMs()))
                .build();
        context.forward(record.withValue(stamped));
    }
}
