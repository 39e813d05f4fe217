package io.newsflow.enrich;

import io.newsflow.enrich.bursts.BurstSettings;
import io.newsflow.enrich.dedup.DedupSettings;
import io.newsflow.platform.config.NewsflowConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * enrich-service's own settings (docs/configuration.md).
 *
 * @param applicationId Kafka Streams application id: instances with the same id share the work
 * @param dedup         dedup knobs; {@code newsflow.dedup.retention} sets the window (default 7 days)
 * @param reorderGrace  how long (event time) an item waits so earlier items can overtake it
 * @param idleFlush     wall-clock idleness after which everything waiting is decided
 * @param decideBudget  wall-clock time one call of the dedup stage may spend deciding waiting items
 *                      before it lets Streams commit; keeps transactions well under their timeout
 * @param topicRules    topic rules file, or empty for the bundled world-news rules
 * @param bursts        burst detection knobs ({@code newsflow.bursts.*})
 * @param dedupShards   dedup shards (partitions of the dedup topics, {@code newsflow.dedup.shards}); 0 for
 *                      the default, three for every four partitions of news.articles ({@link #dedupShards(int)}).
 *                      Changing it needs a reprocess (docs/dedup-scaleout.md)
 */
public record EnrichSettings(
        String applicationId,
        DedupSettings dedup,
        Duration reorderGrace,
        Duration idleFlush,
        Duration decideBudget,
        Optional<Path> topicRules,
        BurstSettings bursts,
        int dedupShards) {
    public static final String APPLICATION_ID = "newsflow.enrich.application.id";
    public static final String RETENTION = "newsflow.dedup.retention";
    public static final String REORDER_GRACE = "newsflow.dedup.reorder.grace";
    public static final String IDLE_FLUSH = "newsflow.dedup.idle.flush";
    public static final String DECIDE_BUDGET = "newsflow.dedup.decide.budget";
    public static final String TOPIC_RULES = "newsflow.topics.rules";
    public static final String DEDUP_SHARDS = "newsflow.dedup.shards";

    public static EnrichSettings from(NewsflowConfig config) {
        DedupSettings dedup = DedupSettings.defaults();
        return new EnrichSettings(
                config.get(APPLICATION_ID).orElse("newsflow-enrich"),
                dedup.withRetention(config.duration(RETENTION, dedup.retention())),
                config.duration(REORDER_GRACE, Duration.ofSeconds(30)),
                config.duration(IDLE_FLUSH, Duration.ofSeconds(2)),
                config.duration(DECIDE_BUDGET, Duration.ofMillis(500)),
                config.get(TOPIC_RULES).map(Path::of),
                BurstSettings.from(config),
                config.get(DEDUP_SHARDS).isPresent() ? config.intValue(DEDUP_SHARDS) : 0);
    }

    /**
     * The dedup shards with {@code inputPartitions} partitions of news.articles: unless set,
     * ceil(3/4 x partitions) (5 for 6). Every occurrence goes to every shard, so records written per
     * item grow with the shard count; with 5 shards for 6 partitions the busiest shard task still
     * does at most a quarter of the dedup work and two instances each decide more than 30% of the
     * items (docs/dedup-scaleout.md).
     */
    public int dedupShards(int inputPartitions) {
        return dedupShards > 0 ? dedupShards : (3 * inputPartitions + 3) / 4;
    }

    /** These settings with {@code shards} dedup shards. */
    public EnrichSettings withDedupShards(int shards) {
        return new EnrichSettings(
                applicationId, dedup, reorderGrace, idleFlush, decideBudget, topicRules, bursts, shards);
    }

    public static EnrichSettings defaults() {
        return from(NewsflowConfig.defaults());
    }
}
