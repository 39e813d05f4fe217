package io.newsflow.platform.stack;

import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.registry.RegistryClientConfig;
import io.newsflow.registry.RestSchemaRegistryClient;
import io.newsflow.registry.SchemaRegistryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The Kafka cluster and Schema Registry a command talks to (docs/configuration.md, "Where values come from"):
 * the ones given by flag, env or config file; with none given, the embedded stack on the default
 * ports, reusing the one {@code ./newsflow up} runs if it answers, else started in-process for the
 * command and stopped when it closes.
 */
public final class Stack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Stack.class);

    private final NewsflowConfig config;
    private final List<AutoCloseable> started;
    private final String description;

    private Stack(NewsflowConfig config, List<AutoCloseable> started, String description) {
        this.config = config;
        this.started = started;
        this.description = description;
    }

    public static Stack resolve(NewsflowConfig config) {
        boolean kafkaGiven = config.get(NewsflowConfig.BOOTSTRAP_SERVERS).isPresent();
        boolean registryGiven = config.get(NewsflowConfig.REGISTRY_URL).isPresent();
        if (kafkaGiven && registryGiven) {
            return new Stack(config, List.of(), "cluster " + config.require(NewsflowConfig.BOOTSTRAP_SERVERS));
        }
        if (kafkaGiven) {
            // An embedded registry would write this cluster's _schemas, beside (or instead of) its real registry.
            if (!Boolean.parseBoolean(config.get(NewsflowConfig.EMBEDDED_REGISTRY_ON_GIVEN_CLUSTER)
                    .orElse("false"))) {
                throw new IllegalStateException("Kafka cluster " + config.require(NewsflowConfig.BOOTSTRAP_SERVERS)
                        + " is given but no Schema Registry: pass --schema-registry-url (env SCHEMA_REGISTRY_URL) with"
                        + " the registry that cluster uses. To run the embedded registry on that cluster's _schemas"
                        + " topic instead, set " + NewsflowConfig.EMBEDDED_REGISTRY_ON_GIVEN_CLUSTER
                        + "=true (env NEWSFLOW_EMBEDDED_REGISTRY_ON_GIVEN_CLUSTER=true).");
            }
            return startEmbedded(config, false);
        }
        String host = config.require(NewsflowConfig.BIND_ADDRESS);
        int kafkaPort = config.intValue(NewsflowConfig.KAFKA_PORT);
        int registryPort = config.intValue(NewsflowConfig.REGISTRY_PORT);
        if (answers(host, kafkaPort)) {
            config = config.with(NewsflowConfig.BOOTSTRAP_SERVERS, host + ":" + kafkaPort, "running embedded stack");
            kafkaGiven = true;
        }
        if (!registryGiven && kafkaGiven && registryAnswers(host, registryPort)) {
            config = config.with(
                    NewsflowConfig.REGISTRY_URL, "http://" + host + ":" + registryPort, "running embedded stack");
            return new Stack(config, List.of(), "the running embedded stack (./newsflow up)");
        }
        return startEmbedded(config, !kafkaGiven);
    }

    /**
     * Starts what is missing in-process: the broker (in {@code <data dir>/kafka}) unless bootstrap
     * servers are given, and the registry unless a registry URL is given. The servers live in the
     * dev-stack module, found through {@link EmbeddedServers}, so a service deployed against a real
     * cluster carries no broker on its class path.
     */
    public static Stack startEmbedded(NewsflowConfig config, boolean startKafka) {
        EmbeddedServers servers = ServiceLoader.load(EmbeddedServers.class)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No Kafka cluster and Schema Registry given, and this build carries no"
                                + " embedded stack (module dev-stack): pass --bootstrap-servers and --schema-registry-url"
                                + " (env KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL)"));
        EmbeddedServers.Started started = servers.start(config, startKafka);
        return new Stack(
                started.config(),
                started.servers(),
                "embedded stack started in-process (data in " + dataDir(started.config()) + ")");
    }

    public static Path dataDir(NewsflowConfig config) {
        return Path.of(config.get(NewsflowConfig.DATA_DIR).orElse("var"));
    }

    /** The configuration with the resolved bootstrap servers and registry URL filled in. */
    public NewsflowConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return config.require(NewsflowConfig.BOOTSTRAP_SERVERS);
    }

    public String registryUrl() {
        return config.require(NewsflowConfig.REGISTRY_URL);
    }

    public Map<String, Object> kafkaClientProperties() {
        return config.kafkaClientProperties();
    }

    public Map<String, Object> registryProperties() {
        Map<String, Object> props = new HashMap<>(config.registryProperties());
        props.put(NewsflowConfig.REGISTRY_URL, registryUrl());
        return props;
    }

    public SchemaRegistryClient registryClient() {
        return new RestSchemaRegistryClient(RegistryClientConfig.fromMap(registryProperties()));
    }

    /** True when this stack started a broker or registry that stops when it closes. */
    public boolean ownsServers() {
        return !started.isEmpty();
    }

    public String description() {
        return description;
    }

    /** True when something accepts connections on host:port (a running broker, or a port taken). */
    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean registryAnswers(String host, int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://" + host + ":" + port + "/subjects")
                    .toURL()
                    .openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Closes each resource in turn, logging (not throwing) what fails, so one failure stops no other. */
    public static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Error while stopping {}", resource, e);
            }
        }
    }

    @Override
    public void close() {
        closeAll(started);
    }
}
