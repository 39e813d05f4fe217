package io.newsflow.enrich;

import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EnrichedBrief;
import io.newsflow.avro.internal.IngestedItem;
import io.newsflow.enrich.bursts.BurstStage;
import io.newsflow.enrich.dedup.DecideProcessor;
import io.newsflow.enrich.dedup.DedupProcessor;
import io.newsflow.enrich.dedup.DedupStores;
import io.newsflow.enrich.dedup.DedupWire;
import io.newsflow.enrich.dedup.Occurrence;
import io.newsflow.enrich.dedup.OccurrenceStage;
import io.newsflow.enrich.dedup.UpstreamProgress;
import io.newsflow.enrich.dedup.Verdict;
import io.newsflow.enrich.errors.DeadLetterExceptionHandler;
import io.newsflow.enrich.reprocess.ReprocessPoint;
import io.newsflow.enrich.tagging.PendingTagger;
import io.newsflow.enrich.tagging.TagProcessor;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The enrich-service topology:
 * <pre>
 *   news.articles, news.briefs
 *     -> occurrence (stamp input partition + offset, fingerprint once)
 *     -> dedup-shards (repartition, S partitions, every occurrence to every shard, no text)
 *     -> dedup-shard (reorder buffer, 1/S of the band index)  -> dedup-answers (by item id)
 *     -> dedup-decide (by item id: the occurrence + S answers) -> news.duplicates
 *        (after a reprocess, items before its point are context only: ReprocessPoint)
 *     -> tag (regions, topics, keywords)                -> news.enriched.articles, news.enriched.briefs
 *                                                        -> news.topic.&lt;slug&gt;
 *     -> bursts (term counts per hop window, baselines)  -> news.alerts.bursts   (see BurstStage)
 * </pre>
 * Every processor, store and internal topic is named, so the topology can change without renaming
 * state (which would lose it). Why the dedup stages look so: docs/dedup-scaleout.md.
 */
public final class EnrichTopology {
    private EnrichTopology() {}

    /** Name of the topic through which every occurrence reaches every dedup shard. */
    public static String dedupShardsTopic(String applicationId) {
        return applicationId + "-dedup-shards-repartition";
    }

    public static Topology buildTopology(
            EnrichSettings settings,
            Topics topics,
            PendingTagger tagger,
            UpstreamProgress upstream,
            ReprocessPoint reprocess) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<IngestedItem> ingested = topics.valueSerde(IngestedItem.class);
        String rulesVersion = settings.dedup().version() + "+" + tagger.rulesVersion();

        KStream<String, IngestedItem> articles = builder.stream(
                        Topics.ARTICLES_NAME,
                        Consumed.with(Serdes.String(), topics.articles.valueSerde())
                                .withName("read-articles"))
                .mapValues(a -> IngestedItem.newBuilder().setItem(a).build(), Named.as("wrap-articles"));
        KStream<String, IngestedItem> briefs = builder.stream(
                        Topics.BRIEFS_NAME,
                        Consumed.with(Serdes.String(), topics.briefs.valueSerde())
                                .withName("read-briefs"))
                .mapValues(b -> IngestedItem.newBuilder().setItem(b).build(), Named.as("wrap-briefs"));

        DedupWire wire = new DedupWire(ingested);
        int shards = settings.dedupShards(upstream.partitions());
        DedupStores.addTo(builder, DedupStores.retention(settings.dedup(), settings.reorderGrace()), wire);
        KStream<String, Occurrence> occurrences = articles.merge(briefs, Named.as("merge-items"))
                .processValues(() -> new OccurrenceStage(settings.dedup()), Named.as("occurrence"))
                // The decider meets an occurrence and its answers by item id, whatever the input key was.
                .selectKey((key, occurrence) -> occurrence.ref().id(), Named.as("key-by-id"));
        KStream<String, DecideProcessor.Input> answers = occurrences
                .mapValues(Occurrence::withoutItem, Named.as("shard-copy"))
                .repartition(Repartitioned.with(Serdes.String(), wire.occurrences)
                        .withName("dedup-shards")
                        .withNumberOfPartitions(shards)
                        .withStreamPartitioner(new EveryPartition<>()))
                .process(
                        () -> new DedupProcessor(
                                settings.dedup(),
                                settings.reorderGrace(),
                                settings.idleFlush(),
                                settings.decideBudget(),
                                upstream,
                                shards),
                        Named.as("dedup-shard"),
                        DedupStores.NAMES)
                .repartition(Repartitioned.with(Serdes.String(), wire.answers)
                        .withName("dedup-answers")
                        .withNumberOfPartitions(shards))
                .mapValues(DecideProcessor.Input::of, Named.as("answer-input"));
        KStream<String, Verdict> verdicts = occurrences
                .repartition(Repartitioned.with(Serdes.String(), wire.occurrences)
                        .withName("dedup-occurrences")
                        .withNumberOfPartitions(shards))
                .mapValues(DecideProcessor.Input::of, Named.as("occurrence-input"))
                .merge(answers, Named.as("decide-inputs"))
                .process(
                        () -> new DecideProcessor(shards, settings.dedup().retention()),
                        Named.as("dedup-decide"),
                        DedupStores.DECIDER)
                // After a reprocess, items re-read before its point only rebuild the dedup context.
                .filter(
                        (id, verdict) -> reprocess.publishes(verdict.input()),
                        Named.as("publish-from-reprocess-point"));

        Map<String, KStream<String, Verdict>> branches = verdicts.split(Named.as("verdict-"))
                .branch((id, verdict) -> verdict.duplicate(), Branched.as("duplicate"))
                .defaultBranch(Branched.as("original"));

        branches.get("verdict-duplicate")
                .mapValues(v -> EnrichedItems.notice(v, rulesVersion), Named.as("to-duplicate-notice"))
                .to(
                        Topics.DUPLICATES_NAME,
                        Produced.with(Serdes.String(), topics.duplicates.valueSerde())
                                .withName("write-duplicates"));

        KStream<String, SpecificRecord> enriched = branches.get("verdict-original")
                .processValues(() -> new TagProcessor(tagger, rulesVersion), Named.as("tag"));
        enriched.filter((id, item) -> item instanceof EnrichedArticle, Named.as("articles-only"))
                .mapValues(item -> (EnrichedArticle) item, Named.as("as-article"))
                .to(
                        Topics.ENRICHED_ARTICLES_NAME,
                        Produced.with(Serdes.String(), topics.enrichedArticles.valueSerde())
                                .withName("write-enriched-articles"));
        enriched.filter((id, item) -> item instanceof EnrichedBrief, Named.as("briefs-only"))
                .mapValues(item -> (EnrichedBrief) item, Named.as("as-brief"))
                .to(
                        Topics.ENRICHED_BRIEFS_NAME,
                        Produced.with(Serdes.String(), topics.enrichedBriefs.valueSerde())
                                .withName("write-enriched-briefs"));
        enriched.flatMapValues(EnrichedItems::routes, Named.as("route-by-topic"))
                .to(
                        (id, routed, context) -> Topics.routeName(routed.getSlug()),
                        Produced.with(Serdes.String(), topics.valueSerde(io.newsflow.avro.RoutedItem.class))
                                .withName("write-topic-routes"));
        BurstStage.addTo(builder, enriched, settings.bursts(), topics);
        return builder.build();
    }

    /**
     * Commit interval unless configured: Streams' exactly-once default is 100 ms. Every commit ends a
     * transaction over dozens of partitions and flushes the store caches; at 1 s the caches fold ten
     * times as many updates of a term's counts into one changelog record, which made the enrich
     * topology markedly faster in the bench (docs/benchmarks.md, af9bd91). Results reach read_committed
     * readers up to a second later, small beside the 30 s reorder grace.
     */
    static final int DEFAULT_COMMIT_INTERVAL_MS = 1000;

    /** Streams configuration: exactly-once, dead letters to news.dlq, state under the data directory. */
    public static Properties streamsConfig(
            NewsflowConfig config, EnrichSettings settings, Map<String, Object> registryProperties, Path stateDir) {
        Properties props = new Properties();
        props.putAll(config.kafkaClientProperties());
        props.putAll(registryProperties);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS);
        // Under exactly-once a kill -9 leaves every task's local store ahead of its changelog, so without
        // transactional stores (KIP-892) each restart wipes and restores them all: 20-30 s instead of ~13 s
        // (docs/recovery.md).
        props.putIfAbsent(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.intValue(NewsflowConfig.REPLICATION_FACTOR));
        props.put(
                StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
                config.get("newsflow.enrich.standby.replicas").orElse("1"));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return props;
    }
}
