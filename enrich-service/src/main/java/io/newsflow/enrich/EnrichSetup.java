package io.newsflow.enrich;

import io.newsflow.enrich.dedup.DedupStores;
import io.newsflow.enrich.reprocess.ReprocessPoint;
import io.newsflow.enrich.reprocess.ReprocessPoints;
import io.newsflow.enrich.tagging.TopicRules;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What enrich-service checks against the broker and the registry before Streams starts: its topics
 * and their configs, the index changelogs' configs, the value schemas, the route topics and schemas
 * of its rules, and the reprocess point. Every check is round trips, independent of the others, so
 * they run at once, through one Admin client; a restart (everything already there) then costs about
 * the slowest check, not their sum.
 */
final class EnrichSetup {
    private static final Logger log = LoggerFactory.getLogger(EnrichSetup.class);

    private EnrichSetup() {}

    /**
     * What the checks found: the reprocess point, and the shard count of the dedup state already on
     * the cluster (the partitions of the shard fingerprints changelog), if there is any.
     */
    record Found(ReprocessPoint reprocess, OptionalInt existingShards) {
        /**
         * The settings to run with: with {@code newsflow.dedup.shards} unset, an installation keeps the
         * shard count its state was made with (the default changed in #16, and Streams refuses
         * changelogs of another partition count); a reprocess deletes that state and moves to the default.
         */
        EnrichSettings settings(EnrichSettings configured, int inputPartitions) {
            if (configured.dedupShards() > 0 || existingShards.isEmpty()) {
                return configured;
            }
            int kept = existingShards.getAsInt();
            if (kept != configured.dedupShards(inputPartitions)) {
                log.info(
                        "Keeping the {} dedup shards this installation's state was made with (the default for {} input "
                                + "partitions is {}; ./newsflow reprocess moves to it, or set {})",
                        kept,
                        inputPartitions,
                        configured.dedupShards(inputPartitions),
                        EnrichSettings.DEDUP_SHARDS);
            }
            return configured.withDedupShards(kept);
        }
    }

    /**
     * Runs the checks; the route ones once {@code rules} are loaded. Schemas go through {@code topics}'
     * registry client, which the serializers share: it then has the ids, and no record waits on a
     * registry round trip.
     */
    static Found run(Stack stack, EnrichSettings settings, Topics topics, CompletableFuture<TopicRules> rules) {
        NewsflowConfig config = stack.config();
        int partitions = config.intValue(NewsflowConfig.PARTITIONS);
        short replication = (short) config.intValue(NewsflowConfig.REPLICATION_FACTOR);
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "enrich-setup");
            t.setDaemon(true);
            return t;
        });
        try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
            long began = System.nanoTime();
            CompletableFuture<Void> fixedTopics = CompletableFuture.runAsync(
                    () -> {
                        TopicSetup.ensure(admin, config, Topics.ALL_NAMES, partitions, replication);
                        // Streams creates the index changelogs right; one an older var/ holds is brought up to date.
                        TopicSetup.align(
                                admin,
                                DedupStores.indexChangelogs(settings.applicationId()),
                                DedupStores.INDEX_CHANGELOG_CONFIGS);
                    },
                    pool);
            CompletableFuture<Void> schemas = CompletableFuture.runAsync(topics::registerValueSchemas, pool);
            CompletableFuture<ReprocessPoint> reprocess = CompletableFuture.supplyAsync(
                    () -> ReprocessPoints.read(stack.kafkaClientProperties(), settings.applicationId()), pool);
            CompletableFuture<OptionalInt> existingShards =
                    CompletableFuture.supplyAsync(() -> existingShards(admin, settings.applicationId()), pool);
            CompletableFuture<Void> routeTopics = rules.thenAcceptAsync(
                    loaded -> TopicSetup.ensure(
                            admin,
                            config,
                            slugs(loaded).stream().map(Topics::routeName).toList(),
                            partitions,
                            replication),
                    pool);
            CompletableFuture<Void> routeSchemas =
                    rules.thenAcceptAsync(loaded -> topics.registerRouteSchemas(slugs(loaded)), pool);
            logWhenDone(
                    began,
                    Map.of(
                            "topics and changelog configs", fixedTopics,
                            "value schemas", schemas,
                            "reprocess point", reprocess,
                            "dedup shard count", existingShards,
                            "route topics", routeTopics,
                            "route schemas", routeSchemas));
            joined(CompletableFuture.allOf(fixedTopics, schemas, routeTopics, routeSchemas));
            return new Found(joined(reprocess), joined(existingShards));
        } finally {
            pool.shutdownNow();
        }
    }

    private static OptionalInt existingShards(Admin admin, String applicationId) {
        String changelog = DedupStores.indexChangelogs(applicationId).get(0);
        try {
            TopicDescription found = admin.describeTopics(List.of(changelog))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(changelog);
            return OptionalInt.of(found.partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return OptionalInt.empty();
            }
            throw new IllegalStateException("Cannot describe " + changelog + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot describe " + changelog + ": " + e, e);
        }
    }

    /** Logs at DEBUG as each check ends, so that a slow start says which check held it up. */
    private static void logWhenDone(long began, Map<String, CompletableFuture<?>> checks) {
        checks.forEach((check, step) -> step.whenComplete((result, failure) -> log.debug(
                "Start-up: {} {} {} ms after the checks began",
                check,
                failure == null ? "done" : "failed",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began))));
    }

    private static List<String> slugs(TopicRules rules) {
        return rules.topics().stream().map(t -> t.slug()).toList();
    }

    /** The result of a step run aside, or its own exception (a bad rules file says so, unwrapped). */
    static <T> T joined(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
