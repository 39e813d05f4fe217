package io.newsflow.cli;

import io.newsflow.platform.config.NewsflowConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The options every command takes to say which cluster and registry to use. */
public final class ClusterOptions {
    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,...]",
            description =
                    "Kafka cluster to use (env KAFKA_BOOTSTRAP_SERVERS). Default: the embedded broker on 127.0.0.1:9092.")
    String bootstrapServers;

    @Option(
            names = "--schema-registry-url",
            paramLabel = "URL",
            description =
                    "Confluent-compatible Schema Registry (env SCHEMA_REGISTRY_URL). Default: the embedded one on 127.0.0.1:8081; required with --bootstrap-servers.")
    String registryUrl;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "Properties file: Kafka client properties (security.protocol, sasl.*, ssl.*), "
                            + "registry properties (schema.registry.*, basic.auth.user.info) and newsflow.* settings (env NEWSFLOW_CONFIG).")
    Path configFile;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Where the embedded stack and local state live (env NEWSFLOW_DATA_DIR). Default: var/ in the checkout.")
    Path dataDir;

    /** Flags over environment over config file over defaults. */
    public NewsflowConfig config() {
        Map<String, String> env = System.getenv();
        Map<String, String> flags = new HashMap<>();
        flags.put(NewsflowConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        flags.put(NewsflowConfig.REGISTRY_URL, registryUrl);
        flags.put(NewsflowConfig.DATA_DIR, dataDir == null ? null : dataDir.toString());
        Path file = configFile != null
                ? configFile
                : env.containsKey("NEWSFLOW_CONFIG") ? Path.of(env.get("NEWSFLOW_CONFIG")) : null;
        return NewsflowConfig.load(flags, file, env);
    }
}
