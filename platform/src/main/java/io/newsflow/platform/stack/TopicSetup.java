package io.newsflow.platform.stack;

import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Creates Newsflow's topics when they are missing; existing topics are left exactly as they are. */
public final class TopicSetup {
    private TopicSetup() {
    }

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
        Set<String> created = ensure(stack.kafkaClientProperties(), Topics.ALL_NAMES,
                config.intValue(NewsflowConfig.PARTITIONS), (short) config.intValue(NewsflowConfig.REPLICATION_FACTOR));
        new Topics(registry, stack.registryProperties()).registerValueSchemas();
        return created;
    }

    /** @return the names that were created now */
    public static Set<String> ensure(Map<String, Object> kafkaClientProperties, Collection<String> names,
                                     int partitions, short replicationFactor) {
        try (Admin admin = Admin.create(kafkaClientProperties)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, partitions, replicationFactor)).toList();
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
            throw new IllegalStateException("Cannot create topics " + names + ": " + e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topics " + names + ": " + e, e);
        }
    }
}
