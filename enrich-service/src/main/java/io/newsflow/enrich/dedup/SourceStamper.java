package io.newsflow.enrich.dedup;

import io.newsflow.avro.internal.IngestedItem;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Stamps each item, before it leaves its input partition for the dedup stage, with that partition
 * (the item's kind names its topic), so the dedup stage can keep a watermark per input partition,
 * and with its offset there, which a reprocess point is compared with.
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
                .setSourceOffset(context.recordMetadata().map(m -> m.offset()).orElse(-1L))
                .build();
        context.forward(record.withValue(stamped));
    }
}
