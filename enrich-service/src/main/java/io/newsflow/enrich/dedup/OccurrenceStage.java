package io.newsflow.enrich.dedup;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.ItemKind;
import io.newsflow.avro.Origin;
import io.newsflow.avro.internal.IngestedItem;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * First dedup step, on the input tasks (as many as input partitions): stamps each item with the input
 * partition and offset it was read from, so every shard keeps a watermark per input partition (#19),
 * and fingerprints it once, so the shards and the decider never fingerprint.
 */
public final class OccurrenceStage implements FixedKeyProcessor<String, IngestedItem, Occurrence> {
    private final Fingerprinter fingerprinter;
    private final BriefOfArticleMatcher leads;
    private FixedKeyProcessorContext<String, Occurrence> context;

    public OccurrenceStage(DedupSettings settings) {
        this.fingerprinter = new Fingerprinter(settings);
        this.leads = new BriefOfArticleMatcher(fingerprinter, new DuplicateVerifier(settings));
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Occurrence> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, IngestedItem> record) {
        SpecificRecord item = (SpecificRecord) record.value().getItem();
        long offset = context.recordMetadata().map(m -> m.offset()).orElse(0L);
        context.forward(
                record.withValue(of(item, record.timestamp(), context.taskId().partition(), offset)));
    }

    /** The occurrence of an item read at {@code offset} of input partition {@code partition}. */
    public Occurrence of(SpecificRecord item, long eventTime, int partition, long offset) {
        DedupItem dedupItem = Verdict.dedupItem(item, eventTime);
        Origin origin = item instanceof Article a ? a.getOrigin() : ((Brief) item).getOrigin();
        return of(
                dedupItem,
                ReorderKey.of(eventTime, dedupItem.id(), origin.getDumpId(), origin.getPosition(), offset),
                partition,
                item);
    }

    Occurrence of(DedupItem dedupItem, Bytes order, int partition, SpecificRecord item) {
        ContentFingerprint full = fingerprinter.fingerprint(dedupItem.headline(), dedupItem.body());
        ContentFingerprint lead = dedupItem.kind() == ItemKind.ARTICLE
                ? leads.leadFingerprint(dedupItem.headline(), dedupItem.paragraphs())
                : null;
        return new Occurrence(order, dedupItem.ref(), partition, full, lead, item);
    }
}
