package io.newsflow.devstack;

import io.newsflow.devstack.kafka.EmbeddedKafka;
import io.newsflow.devstack.registry.EmbeddedSchemaRegistry;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.EmbeddedServers;
import io.newsflow.platform.stack.Stack;

import java.util.ArrayList;
import java.util.List;

/** The embedded broker (in {@code <data dir>/kafka}) and registry, started in this JVM for {@link Stack#startEmbedded}. */
public final class InProcessServers implements EmbeddedServers {

    @Override
    public Started start(NewsflowConfig config, boolean startKafka) {
        List<AutoCloseable> started = new ArrayList<>();
        String host = config.require(NewsflowConfig.BIND_ADDRESS);
        try {
            if (startKafka) {
                requireFree(host, config.intValue(NewsflowConfig.KAFKA_PORT), NewsflowConfig.KAFKA_PORT);
                requireFree(host, config.intValue(NewsflowConfig.CONTROLLER_PORT), NewsflowConfig.CONTROLLER_PORT);
                EmbeddedKafka kafka = EmbeddedKafka.start(
                        Stack.dataDir(config).resolve("kafka"),
                        host,
                        config.intValue(NewsflowConfig.KAFKA_PORT),
                        config.intValue(NewsflowConfig.CONTROLLER_PORT));
                started.add(kafka);
                config = config.with(NewsflowConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(), "embedded broker");
            }
            if (config.get(NewsflowConfig.REGISTRY_URL).isEmpty()) {
                requireFree(host, config.intValue(NewsflowConfig.REGISTRY_PORT), NewsflowConfig.REGISTRY_PORT);
                EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                        config.kafkaClientProperties(), host, config.intValue(NewsflowConfig.REGISTRY_PORT));
                started.add(0, registry);
                config = config.with(NewsflowConfig.REGISTRY_URL, registry.url(), "embedded registry");
            }
        } catch (RuntimeException e) {
            Stack.closeAll(started);
            throw e;
        }
        return new Started(config, started);
    }

    /** Kafka's own bind failure is a fatal fault with pages of stack traces; say it in one line instead. */
    private static void requireFree(String host, int port, String setting) {
        if (port != 0 && Stack.answers(host, port)) {
            throw new IllegalStateException(
                    host + ":" + port + " is already in use (is ./newsflow up already running?). "
                            + "Stop it, or choose another port with " + setting);
        }
    }
}
