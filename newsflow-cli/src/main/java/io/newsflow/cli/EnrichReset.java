package io.newsflow.cli;

import io.newsflow.enrich.EnrichSettings;
import io.newsflow.enrich.dedup.DedupStores;
import io.newsflow.enrich.reprocess.ReprocessPoint;
import io.newsflow.enrich.reprocess.ReprocessPoints;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.tools.StreamsResetter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prepares enrich-service to re-run from a point in time with Kafka's application reset tool
 * ({@link StreamsResetter}): input offsets moved back, internal (repartition and changelog) topics
 * deleted, and this machine's local state removed. The instances must be stopped first. The offsets
 * go to the time minus the dedup index's retention, and a {@link ReprocessPoint} on the cluster tells
 * every instance which of the re-read items only rebuild the dedup context: the next start publishes
 * every input record dated from that time on again (with the rules then in force; outputs carry the
 * rules version, so consumers tell the runs apart), with the verdicts an undisturbed run gives them.
 */
public final class EnrichReset {
    private static final List<String> INPUTS = List.of(Topics.ARTICLES_NAME, Topics.BRIEFS_NAME);
    private static final DateTimeFormatter RESETTER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private EnrichReset() {}

    /** Resets to {@code from}; returns the point the instances will apply from their next start. */
    public static ReprocessPoint resetTo(Stack stack, EnrichSettings settings, Instant from) {
        String applicationId = settings.applicationId();
        Map<TopicPartition, Long> published = requireStopped(stack, applicationId);
        // Written before the offsets move: if the reset fails half-way, running it again merges with it.
        ReprocessPoint point = new ReprocessPoint(from, published)
                .after(ReprocessPoints.read(stack.kafkaClientProperties(), applicationId));
        ReprocessPoints.write(stack.kafkaClientProperties(), applicationId, point, (short)
                stack.config().intValue(NewsflowConfig.REPLICATION_FACTOR));
        Instant readFrom = point.contextStart(DedupStores.retention(settings.dedup(), settings.reorderGrace()));
        Properties client = new Properties();
        client.putAll(stack.kafkaClientProperties());
        // offsetsForTimes(readFrom): every record at an earlier offset is dated before readFrom, so no
        // item dated after `from` is skipped, wherever it sits in its partition.
        int rc = new StreamsResetter()
                .execute(
                        new String[] {
                            "--bootstrap-server",
                            stack.bootstrapServers(),
                            "--application-id",
                            applicationId,
                            "--input-topics",
                            String.join(",", INPUTS),
                            "--to-datetime",
                            RESETTER_TIME.format(readFrom) + "Z"
                        },
                        client);
        if (rc != 0) {
            throw new IllegalStateException(
                    "Kafka's StreamsResetter failed (exit status " + rc + "); see its output above");
        }
        deleteRecursively(Stack.dataDir(stack.config()).resolve("streams").resolve(applicationId));
        return point;
    }

    /** Refuses while an instance runs; else the group's committed offsets on the input topics. */
    private static Map<TopicPartition, Long> requireStopped(Stack stack, String applicationId) {
        try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(applicationId);
            if (!group.members().isEmpty()) {
                throw new IllegalStateException(group.members().size()
                        + " enrich-service instance(s) still run in group "
                        + applicationId + " ("
                        + group.members().stream().map(m -> m.host()).distinct().toList()
                        + "): stop them first, then reprocess");
            }
            return admin
                    .listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .entrySet()
                    .stream()
                    .filter(e ->
                            e.getValue() != null && INPUTS.contains(e.getKey().topic()))
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw new IllegalStateException(
                        "Cannot describe group " + applicationId + ": " + e.getCause(), e.getCause());
            }
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete local state " + dir + ": " + e.getMessage(), e);
        }
    }
}
