package io.newsflow.platform.testing;

import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.registry.RegistryClientConfig;
import io.newsflow.registry.RestSchemaRegistryClient;
import io.newsflow.registry.SchemaRegistryClient;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A real Kafka broker and Schema Registry for integration tests, from {@link KafkaStackExtension}. */
public record TestStack(String bootstrapServers, String registryUrl, String kind) {
    private static final AtomicInteger counter = new AtomicInteger();

    /** Configuration pointing every command and service at this stack. */
    public NewsflowConfig config() {
        Map<String, String> flags = new HashMap<>();
        flags.put(NewsflowConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        flags.put(NewsflowConfig.REGISTRY_URL, registryUrl);
        return NewsflowConfig.load(flags, null, Map.of());
    }

    public Map<String, Object> kafkaClientProperties() {
        return config().kafkaClientProperties();
    }

    /** Registry client properties as a Confluent serde takes them. */
    public Map<String, Object> registryProperties() {
        return Map.of(NewsflowConfig.REGISTRY_URL, registryUrl);
    }

    public SchemaRegistryClient registryClient() {
        return new RestSchemaRegistryClient(RegistryClientConfig.of(registryUrl));
    }

    /** A name no other test uses, so tests sharing the stack never see each other's records. */
    public static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + counter.incrementAndGet();
    }
}
