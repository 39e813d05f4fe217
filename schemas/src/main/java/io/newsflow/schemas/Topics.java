package io.newsflow.schemas;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EnrichedBrief;
import io.newsflow.avro.RoutedItem;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.serde.AvroSerdes;
import io.newsflow.serde.Subjects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every Newsflow topic, named once, with its key and value serdes (README, "Topics"; docs/contract.md).
 * Keys are plain UTF-8 strings (item id, keyword, source id); values are Avro in Confluent wire format.
 */
public final class Topics {
    public static final String ARTICLES_NAME = "news.articles";
    public static final String BRIEFS_NAME = "news.briefs";
    public static final String ENRICHED_ARTICLES_NAME = "news.enriched.articles";
    public static final String ENRICHED_BRIEFS_NAME = "news.enriched.briefs";
    public static final String DUPLICATES_NAME = "news.duplicates";
    public static final String BURSTS_NAME = "news.alerts.bursts";
    public static final String DLQ_NAME = "news.dlq";
    public static final String TOPIC_ROUTE_PREFIX = "news.topic.";
    /**
     * Control topic, not news: enrich-service's reprocess points (key = application id, value = JSON),
     * compacted, written by {@code reprocess} and read by every instance at start.
     */
    public static final String REPROCESS_POINTS_NAME = "newsflow.enrich.reprocess-points";

    /** The topics every deployment has (the per-topic routes come from the topic rules). */
    public static final List<String> ALL_NAMES = List.of(
            ARTICLES_NAME,
            BRIEFS_NAME,
            ENRICHED_ARTICLES_NAME,
            ENRICHED_BRIEFS_NAME,
            DUPLICATES_NAME,
            BURSTS_NAME,
            DLQ_NAME);

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,100}");

    private final SchemaRegistryClient registry;
    private final Map<String, ?> serdeConfig;
    private final Map<String, Schema> valueSchemas = new HashMap<>();

    public final Topic<String, Article> articles;
    public final Topic<String, Brief> briefs;
    public final Topic<String, EnrichedArticle> enrichedArticles;
    public final Topic<String, EnrichedBrief> enrichedBriefs;
    public final Topic<String, DuplicateNotice> duplicates;
    public final Topic<String, BurstAlert> bursts;
    public final Topic<String, DeadLetter> deadLetters;

    public Topics(SchemaRegistryClient registry, Map<String, ?> serdeConfig) {
        this.registry = registry;
        this.serdeConfig = serdeConfig;
        this.articles = topic(ARTICLES_NAME, Article.class);
        this.briefs = topic(BRIEFS_NAME, Brief.class);
        this.enrichedArticles = topic(ENRICHED_ARTICLES_NAME, EnrichedArticle.class);
        this.enrichedBriefs = topic(ENRICHED_BRIEFS_NAME, EnrichedBrief.class);
        this.duplicates = topic(DUPLICATES_NAME, DuplicateNotice.class);
        this.bursts = topic(BURSTS_NAME, BurstAlert.class);
        this.deadLetters = topic(DLQ_NAME, DeadLetter.class);
    }

    /** The route of a configured topic rule, e.g. slug "agrokor" -> news.topic.agrokor. */
    public static String routeName(String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException(
                    "Invalid topic slug '" + slug + "': use lower-case letters, digits and dashes");
        }
        return TOPIC_ROUTE_PREFIX + slug;
    }

    /**
     * Registers the value schema of every fixed topic under {@code <topic>-value}, so subscribers can
     * look them up before the first record is written. Idempotent.
     */
    public void registerValueSchemas() {
        for (Topic<String, ?> topic :
                List.of(articles, briefs, enrichedArticles, enrichedBriefs, duplicates, bursts, deadLetters)) {
            registry.register(Subjects.topicName(topic.name(), false), valueSchemas.get(topic.name()));
        }
    }

    /** Registers the value schema of the routes of these topic rules, like {@link #registerValueSchemas()}. */
    public void registerRouteSchemas(List<String> slugs) {
        registry.registerAll(
                slugs.stream()
                        .map(slug -> Subjects.topicName(routeName(slug), false))
                        .toList(),
                SpecificData.get().getSchema(RoutedItem.class));
    }

    /** The per-topic route of a configured topic rule. */
    public Topic<String, RoutedItem> route(String slug) {
        return topic(routeName(slug), RoutedItem.class);
    }

    public <V extends SpecificRecord> Serde<V> valueSerde(Class<V> type) {
        return AvroSerdes.specific(registry, type, serdeConfig);
    }

    private <V extends SpecificRecord> Topic<String, V> topic(String name, Class<V> type) {
        valueSchemas.put(name, SpecificData.get().getSchema(type));
        return new Topic<>(name, Serdes.String(), valueSerde(type));
    }
}
