package io.newsflow.enrich.tagging;

import io.newsflow.avro.Enrichment;
import io.newsflow.enrich.EnrichedItems;
import io.newsflow.enrich.dedup.Verdict;
import io.newsflow.enrich.metrics.StreamsSensors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The tag stage: tags each original and counts what it tagged, as
 * {@code newsflow_enrich_tagged_items_total}, {@code newsflow_enrich_items_with_{region,topic}_total}, and
 * how old items are when they leave it, in seconds since their event time
 * ({@code newsflow_enrich_event_to_enriched_{avg,max}_seconds}): for a live feed, the
 * time from publication to enriched output; for old dumps, their age.
 */
public final class TagProcessor implements FixedKeyProcessor<String, Verdict, SpecificRecord> {
    private final PendingTagger tagger;
    private final String rulesVersion;
    private FixedKeyProcessorContext<String, SpecificRecord> context;
    private Sensor tagged;
    private Sensor withRegion;
    private Sensor withTopic;
    private Sensor eventToEnriched;

    public TagProcessor(PendingTagger tagger, String rulesVersion) {
        this.tagger = tagger;
        this.rulesVersion = rulesVersion;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        tagged = StreamsSensors.counter(context.metrics(), "tagged-items-total", "originals tagged");
        withRegion =
                StreamsSensors.counter(context.metrics(), "items-with-region-total", "originals tagged with a region");
        withTopic =
                StreamsSensors.counter(context.metrics(), "items-with-topic-total", "originals tagged with a topic");
        eventToEnriched = StreamsSensors.avgMax(
                context.metrics(),
                "event-to-enriched",
                "seconds",
                "seconds from an item's event time to its leaving the tag stage");
    }

    @Override
    public void process(FixedKeyRecord<String, Verdict> record) {
        Verdict verdict = record.value();
        SpecificRecord enriched = EnrichedItems.enriched(
                verdict,
                tagger.get().tag(EnrichedItems.headline(verdict.item()), EnrichedItems.paragraphs(verdict.item())),
                rulesVersion);
        Enrichment enrichment = EnrichedItems.enrichmentOf(enriched);
        tagged.record();
        if (!enrichment.getRegions().isEmpty()) {
            withRegion.record();
        }
        if (!enrichment.getTopics().isEmpty()) {
            withTopic.record();
        }
        eventToEnriched.record((context.currentSystemTimeMs() - record.timestamp()) / 1000.0);
        context.forward(record.withValue(enriched));
    }
}
