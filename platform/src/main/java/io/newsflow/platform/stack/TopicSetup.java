package io.newsflow.platform.stack;

import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Creates Newsflow's topics when they are missing, with the retention model of {@link TopicRetention}
 * set explicitly, and brings existing ones (an older {@code var/}, a cluster set up by hand) to it.
 */
public final class TopicSetup {
    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {}

    /**
     * Creates Newsflow's fixed topics with the configured partitions and replication factor and
     * registers their value schemas, so `./newsflow up` leaves a cluster subscribers can use at once.
     */
    public static Set<String> prepare(Stack stack) {
        try (SchemaRegistryClient registry = stack.registryClient()) {
            return prepare(stack, registry);
        }
    }

    /** {@link #prepare(Stack)} through a registry client of the caller's, which then has the ids cached. */
    public static Set<String> prepare(Stack stack, SchemaRegistryClient registry) {
        NewsflowConfig config = stack.config();
        Set<String> created = ensure(config, Topics.ALL_NAMES, config.intValue(NewsflowConfig.PARTITIONS), (short)
                config.intValue(NewsflowConfig.REPLICATION_FACTOR));
        new Topics(registry, stack.registryProperties()).registerValueSchemas();
        return created;
    }

    /**
     * Creates the missing topics with {@link TopicRetention#topicConfigs} and aligns the existing ones.
     *
     * @return the names that were created now
     */
    public static Set<String> ensure(
            NewsflowConfig config, Collection<String> names, int partitions, short replicationFactor) {
        try (Admin admin = Admin.create(config.kafkaClientProperties())) {
            return ensure(admin, config, names, partitions, replicationFactor);
        }
    }

    /** {@link #ensure(NewsflowConfig, Collection, int, short)} through the caller's Admin client (thread-safe, shared). */
    public static Set<String> ensure(
            Admin admin, NewsflowConfig config, Collection<String> names, int partitions, short replicationFactor) {
        Map<String, String> configs = TopicRetention.topicConfigs(config);
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            alignExisting(admin, names.stream().filter(existing::contains).toList(), configs);
            List<NewTopic> missing = names.stream()
                    .filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, partitions, replicationFactor).configs(configs))
                    .toList();
            if (missing.isEmpty()) {
                return Set.of();
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Another instance may have created them meanwhile; anything else is real.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return Set.copyOf(missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot create topics " + names + ": " + e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topics " + names + ": " + e, e);
        }
    }

    /**
     * Sets {@code wanted} on those of {@code names} that exist and differ, logging each change (topics
     * that Kafka Streams creates, e.g., are created right by it but an older {@code var/} holds them
     * as they were). A lower size bound that would delete records at once is not applied: a warning
     * says so instead.
     */
    public static void align(
            Map<String, Object> kafkaClientProperties, Collection<String> names, Map<String, String> wanted) {
        try (Admin admin = Admin.create(kafkaClientProperties)) {
            align(admin, names, wanted);
        }
    }

    /** {@link #align(Map, Collection, Map)} through the caller's Admin client. */
    public static void align(Admin admin, Collection<String> names, Map<String, String> wanted) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            alignExisting(admin, names.stream().filter(existing::contains).toList(), wanted);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot configure topics " + names + ": " + e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot configure topics " + names + ": " + e, e);
        }
    }

    private static void alignExisting(Admin admin, List<String> names, Map<String, String> wanted) throws Exception {
        if (names.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                .toList();
        Map<ConfigResource, Config> described =
                admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> ops = new HashMap<>();
        Map<String, Long> sizes = null;
        for (ConfigResource resource : resources) {
            Map<String, String> current = described.get(resource).entries().stream()
                    .filter(e -> e.value() != null)
                    .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
            Map<String, String> changes = TopicRetention.changes(current, wanted);
            String bound = changes.get(TopicConfig.RETENTION_BYTES_CONFIG);
            if (bound != null) {
                sizes = sizes != null ? sizes : largestPartitionBytes(admin);
                long largest = sizes.getOrDefault(resource.name(), 0L);
                if (TopicRetention.boundWouldDelete(current.get(TopicConfig.RETENTION_BYTES_CONFIG), bound, largest)) {
                    log.warn(
                            "Topic {}: not lowering retention.bytes from {} to {}: a partition holds {} bytes, which would be "
                                    + "deleted now. Raise {} or delete records on purpose.",
                            resource.name(),
                            current.get(TopicConfig.RETENTION_BYTES_CONFIG),
                            bound,
                            largest,
                            NewsflowConfig.RETENTION_BYTES);
                    changes.remove(TopicConfig.RETENTION_BYTES_CONFIG);
                }
            }
            if (changes.isEmpty()) {
                continue;
            }
            ops.put(
                    resource,
                    changes.entrySet().stream()
                            .map(c -> new AlterConfigOp(
                                    new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET))
                            .toList());
            log.info(
                    "Topic {}: upgrading to Newsflow's retention model (no time retention, records kept whatever their "
                            + "event time): {}",
                    resource.name(),
                    changes.keySet().stream()
                            .map(k -> k + " " + current.get(k) + " -> " + changes.get(k))
                            .collect(Collectors.joining(", ")));
        }
        if (!ops.isEmpty()) {
            admin.incrementalAlterConfigs(ops).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Size of the largest replica of each topic, over every broker and log dir. */
    private static Map<String, Long> largestPartitionBytes(Admin admin) throws Exception {
        List<Integer> brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
                .map(Node::id)
                .toList();
        Map<String, Long> largest = new HashMap<>();
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers)
                .allDescriptions()
                .get(30, TimeUnit.SECONDS)
                .values()) {
            for (LogDirDescription dir : dirs.values()) {
                dir.replicaInfos().forEach((tp, replica) -> largest.merge(tp.topic(), replica.size(), Math::max));
            }
        }
        return largest;
    }
}
