package io.newsflow.registry;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach a Schema Registry. Built from the same property names Confluent's clients use, so a
 * properties file written for a Confluent serializer works here unchanged:
 * {@code schema.registry.url}, {@code basic.auth.credentials.source=USER_INFO},
 * {@code basic.auth.user.info=user:secret}, {@code schema.registry.ssl.truststore.location}, ...
 */
public record RegistryClientConfig(
        List<String> urls,
        String basicAuthUserInfo,
        String truststoreLocation,
        String truststorePassword,
        String truststoreType,
        String keystoreLocation,
        String keystorePassword,
        String keystoreType,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration requestTimeout) {

    public static final String URL = "schema.registry.url";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String SSL_PREFIX = "schema.registry.ssl.";
    public static final String MAX_ATTEMPTS = "schema.registry.max.attempts";
    public static final String BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String BACKOFF_MAX_MS = "schema.registry.retry.backoff.max.ms";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    public RegistryClientConfig {
        Objects.requireNonNull(urls, "urls");
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(URL + " is required");
        }
        urls = urls.stream()
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .toList();
    }

    public static RegistryClientConfig of(String url) {
        return fromMap(Map.of(URL, url));
    }

    public static RegistryClientConfig fromMap(Map<String, ?> props) {
        Object url = props.get(URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException(URL + " is required");
        }
        String source = string(props, CREDENTIALS_SOURCE, "USER_INFO");
        String userInfo = string(props, USER_INFO, null);
        if (userInfo != null && !"USER_INFO".equalsIgnoreCase(source)) {
            throw new IllegalArgumentException(
                    CREDENTIALS_SOURCE + "=" + source + " is not supported; use USER_INFO with " + USER_INFO);
        }
        return new RegistryClientConfig(
                Arrays.stream(url.toString().split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList(),
                userInfo,
                string(props, SSL_PREFIX + "truststore.location", null),
                string(props, SSL_PREFIX + "truststore.password", null),
                string(props, SSL_PREFIX + "truststore.type", "JKS"),
                string(props, SSL_PREFIX + "keystore.location", null),
                string(props, SSL_PREFIX + "keystore.password", null),
                string(props, SSL_PREFIX + "keystore.type", "JKS"),
                Integer.parseInt(string(props, MAX_ATTEMPTS, "5")),
                Duration.ofMillis(Long.parseLong(string(props, BACKOFF_MS, "100"))),
                Duration.ofMillis(Long.parseLong(string(props, BACKOFF_MAX_MS, "5000"))),
                Duration.ofMillis(Long.parseLong(string(props, REQUEST_TIMEOUT_MS, "30000"))));
    }

    private static String string(Map<String, ?> props, String key, String fallback) {
        Object value = props.get(key);
        return value == null ? fallback : value.toString();
    }

    /** Never print the credentials: this is what logs and error messages show. */
    @Override
    public String toString() {
        return "RegistryClientConfig[urls=" + urls + ", basicAuth=" + (basicAuthUserInfo != null) + ", tls="
                + (truststoreLocation != null) + "]";
    }
}
