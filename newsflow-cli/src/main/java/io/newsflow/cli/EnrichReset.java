package io.newsflow.cli;

import io.newsflow.enrich.EnrichSettings;
import io.newsflow.platform.stack.Stack;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
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
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prepares enrich-service to re-run from a point in time, the way Kafka's application reset tool
 * does (it is that tool, {@link StreamsResetter}): input offsets moved to the time, internal
 * (repartition and changelog) topics deleted, and this machine's local state removed. The instances
 * must be stopped first. The next start re-processes every input record from that time on, with
 * the rules then in force; outputs carry the rules version, so consumers tell the runs apart.
 */
public final class EnrichReset {
    private static final DateTimeFormatter RESETTER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private EnrichReset() {
    }

    public static void resetTo(Stack stack, EnrichSettings settings, Instant from) {
        requireStopped(stack, settings.applicationId());
        Properties client = new Properties();
        client.putAll(stack.kafkaClientProperties());
        int rc = new StreamsResetter().execute(new String[]{
                "--bootstrap-server", stack.bootstrapServers(),
                "--application-id", settings.applicationId(),
                "--input-topics", String.join(",", Topics.ARTICLES_NAME, Topics.BRIEFS_NAME),
                "--to-datetime", RESETTER_TIME.format(from) + "Z"}, client);
        if (rc != 0) {
            throw new IllegalStateException("Kafka's StreamsResetter failed (exit status " + rc + "); see its output above");
        }
        deleteRecursively(Stack.dataDir(stack.config()).resolve("streams").resolve(settings.applicationId()));
    }

    private static void requireStopped(Stack stack, String applicationId) {
        try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).all()
                    .get(30, TimeUnit.SECONDS).get(applicationId);
            if (!group.members().isEmpty()) {
                throw new IllegalStateException(group.members().size() + " enrich-service instance(s) still run in group "
                        + applicationId + " (" + group.members().stream().map(m -> m.host()).distinct().toList()
                        + "): stop them first, then reprocess");
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw new IllegalStateException("Cannot describe group " + applicationId + ": " + e.getCause(), e.getCause());
            }
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
