package io.newsflow.enrich.bursts;

import io.newsflow.avro.AlertSample;
import io.newsflow.avro.internal.TermBuckets;
import io.newsflow.avro.internal.TermMention;
import io.newsflow.enrich.EnrichedItems;
import io.newsflow.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Burst detection on the enriched originals (io.newsflow.enrich.bursts has the logic):
 * <pre>
 *   enriched originals -> mentions (one per term an item mentions, keyed by Term.key)
 *     -> bursts-terms (repartition: one task sees all of a term's windows)
 *     -> bursts-count (hop windows from per-advance buckets in bursts-term-buckets, handed over once
 *        final: past end + grace; and a term's counts so far after a mention; see TermCounter)
 *     -> detect-bursts (baselines in bursts-baselines; alerts as soon as the counts so far cross,
 *        see BurstDetector#early)                          -> news.alerts.bursts
 * </pre>
 */
public final class BurstStage {
    static final String TERMS = "bursts-terms";

    private BurstStage() {}

    public static void addTo(
            StreamsBuilder builder, KStream<String, SpecificRecord> enriched, BurstSettings settings, Topics topics) {
        Serde<TermMention> mentions = topics.valueSerde(TermMention.class);
        BurstProcessor.addStores(builder);
        TermCounter.addStores(builder, topics.valueSerde(TermBuckets.class));
        enriched.process(Mentions::new, Named.as("bursts-mentions"))
                .repartition(Repartitioned.with(Serdes.String(), mentions).withName(TERMS))
                .process(() -> new TermCounter(settings), Named.as("bursts-count"), TermCounter.STORES)
                .process(() -> new BurstProcessor(settings), Named.as("detect-bursts"), BurstProcessor.STORES)
                .to(
                        Topics.BURSTS_NAME,
                        Produced.with(Serdes.String(), topics.bursts.valueSerde())
                                .withName("write-bursts"));
    }

    /** One mention per term an item mentions; the record timestamp (event time) goes with it. */
    private static final class Mentions implements Processor<String, SpecificRecord, String, TermMention> {
        private ProcessorContext<String, TermMention> context;

        @Override
        public void init(ProcessorContext<String, TermMention> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            AlertSample sample =
                    new AlertSample(record.key(), EnrichedItems.headline(EnrichedItems.itemOf(record.value())));
            TermMention mention = new TermMention(record.timestamp(), sample);
            for (Term term : Term.mentionedBy(EnrichedItems.enrichmentOf(record.value()))) {
                context.forward(record.withKey(term.key()).withValue(mention));
            }
        }
    }
}
