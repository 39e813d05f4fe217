package io.newsflow.platform.config;

import io.newsflow.registry.RegistryClientConfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The effective configuration of a command, from (highest precedence first) command-line flags,
 * environment variables, the {@code --config} properties file, and built-in defaults.
 *
 * <p>Kafka client properties (security.protocol, sasl.*, ssl.*, ...) pass through unchanged: from the
 * file as written, from the environment as {@code KAFKA_SECURITY_PROTOCOL} -> {@code security.protocol}.
 * Registry properties use Confluent's names ({@code schema.registry.url}, {@code basic.auth.user.info},
 * {@code schema.registry.ssl.*}); from the environment {@code SCHEMA_REGISTRY_URL},
 * {@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO}, {@code SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION}, ...
 * Newsflow's own settings are {@code newsflow.*} ({@code NEWSFLOW_DATA_DIR} -> {@code newsflow.data.dir}).
 */
public final class NewsflowConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String REGISTRY_URL = RegistryClientConfig.URL;
    public static final String DATA_DIR = "newsflow.data.dir";
    public static final String BIND_ADDRESS = "newsflow.bind.address";
    public static final String KAFKA_PORT = "newsflow.embedded.kafka.port";
    public static final String CONTROLLER_PORT = "newsflow.embedded.controller.port";
    public static final String REGISTRY_PORT = "newsflow.embedded.registry.port";
    /** Allows the embedded registry on a cluster given by the user (false: such a command must name its registry). */
    public static final String EMBEDDED_REGISTRY_ON_GIVEN_CLUSTER = "newsflow.embedded.registry.on.given.cluster";

    public static final String PARTITIONS = "newsflow.topics.partitions";
    public static final String REPLICATION_FACTOR = "newsflow.topics.replication.factor";
    /** Size bound per partition of every news.* topic (there is no time retention: see TopicRetention). */
    public static final String RETENTION_BYTES = "newsflow.topics.retention.bytes";

    private static final Map<String, String> DEFAULTS = Map.of(
            BIND_ADDRESS, "127.0.0.1",
            KAFKA_PORT, "9092",
            CONTROLLER_PORT, "9093",
            REGISTRY_PORT, "8081",
            PARTITIONS, "6",
            REPLICATION_FACTOR, "-1",
            RETENTION_BYTES, String.valueOf(1L << 30));

    /** Environment variables of Kafka's own scripts, not client properties. */
    private static final Set<String> KAFKA_SCRIPT_VARIABLES = Set.of(
            "KAFKA_HEAP_OPTS",
            "KAFKA_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS",
            "KAFKA_LOG4J_OPTS",
            "KAFKA_JMX_OPTS",
            "KAFKA_GC_LOG_OPTS",
            "KAFKA_DEBUG",
            "KAFKA_HOME",
            "KAFKA_VERSION",
            "KAFKA_CLUSTER_ID");

    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(password|secret|jaas|user\\.info|token|credentials|webhook\\.url|private|ssl\\.keystore\\.key).*");
    /** A private key given inline (PEM), under whatever key. */
    private static final Pattern PEM_KEY = Pattern.compile("(?s).*-----BEGIN [A-Z ]*PRIVATE KEY-----.*");
    /** The user:password of a URL ({@code https://user:pw@host}). */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s,]+@");

    private final Map<String, String> values;
    private final Map<String, String> origins;

    private NewsflowConfig(Map<String, String> values, Map<String, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    /**
     * @param flags      values given on the command line (already in property names); nulls ignored
     * @param configFile the {@code --config} file, or null
     * @param env        the process environment
     */
    public static NewsflowConfig load(Map<String, String> flags, Path configFile, Map<String, String> env) {
        Map<String, String> values = new TreeMap<>(DEFAULTS);
        Map<String, String> origins = new TreeMap<>();
        DEFAULTS.keySet().forEach(k -> origins.put(k, "default"));
        if (configFile != null) {
            readFile(configFile).forEach((k, v) -> put(values, origins, k, v, "file " + configFile));
        }
        env.forEach((name, value) ->
                fromEnvironment(name).ifPresent(key -> put(values, origins, key, value, "env " + name)));
        flags.forEach((k, v) -> {
            if (v != null) {
                put(values, origins, k, v, "flag");
            }
        });
        return new NewsflowConfig(Collections.unmodifiableMap(values), Collections.unmodifiableMap(origins));
    }

    public static NewsflowConfig defaults() {
        return load(Map.of(), null, Map.of());
    }

    private static void put(
            Map<String, String> values, Map<String, String> origins, String key, String value, String origin) {
        values.put(key, value.trim());
        origins.put(key, origin);
    }

    static Optional<String> fromEnvironment(String name) {
        if (name.startsWith("KAFKA_") && !KAFKA_SCRIPT_VARIABLES.contains(name)) {
            return Optional.of(dotted(name.substring("KAFKA_".length())));
        }
        if (name.equals("SCHEMA_REGISTRY_URL")) {
            return Optional.of(REGISTRY_URL);
        }
        if (name.startsWith("SCHEMA_REGISTRY_BASIC_AUTH_")) {
            return Optional.of(dotted(name.substring("SCHEMA_REGISTRY_".length())));
        }
        if (name.startsWith("SCHEMA_REGISTRY_")) {
            return Optional.of("schema.registry." + dotted(name.substring("SCHEMA_REGISTRY_".length())));
        }
        if (name.startsWith("NEWSFLOW_") && !name.equals("NEWSFLOW_CONFIG") && !name.equals("NEWSFLOW_LOG_LEVEL")) {
            return Optional.of("newsflow." + dotted(name.substring("NEWSFLOW_".length())));
        }
        return Optional.empty();
    }

    private static String dotted(String envSuffix) {
        return envSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> readFile(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
        return map;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalArgumentException("Missing configuration " + key));
    }

    public int intValue(String key) {
        return integer(key, Integer::parseInt);
    }

    public long longValue(String key) {
        return integer(key, Long::parseLong);
    }

    private <T> T integer(String key, java.util.function.Function<String, T> parse) {
        String value = require(key);
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Configuration " + key + "=" + value + " (from " + origins.get(key) + ") is not an integer");
        }
    }

    /**
     * A duration: ISO-8601 ({@code PT30S}, {@code P7D}) or a number with a unit ({@code 500ms},
     * {@code 30s}, {@code 10m}, {@code 2h}, {@code 7d}).
     */
    public Duration duration(String key, Duration fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().trim().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(text);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(value.get().trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Configuration " + key + "=" + value.get() + " (from " + origins.get(key)
                    + ") is not a duration: use e.g. 30s, 10m, 7d or PT30S");
        }
    }

    /** Kafka client properties: everything that is not Newsflow's own or the registry's. */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> props = new TreeMap<>();
        values.forEach((k, v) -> {
            if (!k.startsWith("newsflow.") && !k.startsWith("schema.registry.") && !k.startsWith("basic.auth.")) {
                props.put(k, v);
            }
        });
        return props;
    }

    /** Registry client properties, in Confluent's names (as a Confluent serializer takes them). */
    public Map<String, Object> registryProperties() {
        Map<String, Object> props = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("schema.registry.") || k.startsWith("basic.auth.")) {
                props.put(k, v);
            }
        });
        return props;
    }

    /** A copy with {@code key} set, e.g. the bootstrap servers of an embedded broker started for this command. */
    public NewsflowConfig with(String key, String value, String origin) {
        Map<String, String> v = new TreeMap<>(values);
        Map<String, String> o = new TreeMap<>(origins);
        put(v, o, key, value, origin);
        return new NewsflowConfig(Collections.unmodifiableMap(v), Collections.unmodifiableMap(o));
    }

    /** Every value with where it came from, secrets masked: safe to print or log. */
    public Map<String, String> describe() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k, masked(k, v) + "  (" + origins.get(k) + ")"));
        return shown;
    }

    private static String masked(String key, String value) {
        if (SECRET.matcher(key).matches() || PEM_KEY.matcher(value).matches()) {
            return "******";
        }
        return withoutCredentials(value);
    }

    /** {@code value} with the user:password of any URL in it masked, safe to print. */
    public static String withoutCredentials(String value) {
        return URL_CREDENTIALS.matcher(value).replaceAll("$1******@");
    }

    @Override
    public String toString() {
        return describe().toString();
    }
}
