package io.newsflow.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewsflowConfigTest {

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(
                dir.resolve("client.properties"),
                String.join(
                        "\n",
                        "bootstrap.servers=file:9092",
                        "newsflow.topics.partitions=12",
                        "schema.registry.url=http://file:8081"));
        Map<String, String> env =
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "SCHEMA_REGISTRY_URL", "http://env:8081");
        Map<String, String> flags = new HashMap<>();
        flags.put(NewsflowConfig.REGISTRY_URL, "http://flag:8081");
        flags.put(NewsflowConfig.DATA_DIR, null);

        NewsflowConfig config = NewsflowConfig.load(flags, file, env);

        assertEquals("http://flag:8081", config.require(NewsflowConfig.REGISTRY_URL));
        assertEquals("env:9092", config.require(NewsflowConfig.BOOTSTRAP_SERVERS));
        assertEquals(12, config.intValue(NewsflowConfig.PARTITIONS));
        assertEquals("127.0.0.1", config.require(NewsflowConfig.BIND_ADDRESS));
    }

    @Test
    void environmentVariablesMapToClientRegistryAndNewsflowProperties() {
        NewsflowConfig config = NewsflowConfig.load(
                Map.of(),
                null,
                Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required;",
                        "KAFKA_HEAP_OPTS", "-Xmx1g",
                        "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "user:secret",
                        "SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/etc/trust.jks",
                        "NEWSFLOW_DATA_DIR", "/data",
                        "PATH", "/usr/bin"));

        Map<String, Object> client = config.kafkaClientProperties();
        assertEquals("SASL_SSL", client.get("security.protocol"));
        assertTrue(client.containsKey("sasl.jaas.config"));
        assertFalse(client.containsKey("heap.opts"), "Kafka's script variables are not client properties");
        assertFalse(client.containsKey("basic.auth.user.info"));

        Map<String, Object> registry = config.registryProperties();
        assertEquals("user:secret", registry.get("basic.auth.user.info"));
        assertEquals("/etc/trust.jks", registry.get("schema.registry.ssl.truststore.location"));
        assertEquals("/data", config.require(NewsflowConfig.DATA_DIR));
    }

    @Test
    void describeMasksSecretsAndSaysWhereEachValueCameFrom() {
        NewsflowConfig config = NewsflowConfig.load(
                Map.of(NewsflowConfig.BOOTSTRAP_SERVERS, "b:9092"),
                null,
                Map.of(
                        "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "user:secret",
                        "KAFKA_SSL_KEYSTORE_PASSWORD", "hunter2"));
        String shown = config.describe().toString();
        assertFalse(shown.contains("secret"), shown);
        assertFalse(shown.contains("hunter2"), shown);
        assertTrue(config.describe().get("basic.auth.user.info").contains("env SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO"));
        assertTrue(config.describe().get(NewsflowConfig.BOOTSTRAP_SERVERS).contains("(flag)"));
    }

    @Test
    void describeMasksInlinePemKeysAndCredentialsInUrls() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
        NewsflowConfig config = NewsflowConfig.load(
                Map.of(
                        NewsflowConfig.BOOTSTRAP_SERVERS,
                        "b:9092",
                        NewsflowConfig.REGISTRY_URL,
                        "https://alice:s3cr3t@registry.example.com:8081,http://bob:pw2@r2"),
                null,
                Map.of(
                        "KAFKA_SSL_KEYSTORE_KEY",
                        pem,
                        "KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL",
                        "https://client:clientpw@idp.example.com/token",
                        "KAFKA_SOME_FUTURE_SETTING",
                        "x " + pem));
        String shown = config.describe().toString();
        for (String secret : List.of("MIIEvQ", "s3cr3t", "alice", "pw2", "clientpw")) {
            assertFalse(shown.contains(secret), secret + " in " + shown);
        }
        assertTrue(config.describe().get(NewsflowConfig.REGISTRY_URL).contains("registry.example.com:8081"), shown);
    }

    @Test
    void durationsTakeUnitsOrIso8601AndBadValuesSayWhichSetting() {
        NewsflowConfig config = NewsflowConfig.load(
                Map.of("a", "30s", "b", "PT2M", "c", "7d", "d", "500ms", "e", "soon"), null, Map.of());
        assertEquals(Duration.ofSeconds(30), config.duration("a", Duration.ZERO));
        assertEquals(Duration.ofMinutes(2), config.duration("b", Duration.ZERO));
        assertEquals(Duration.ofDays(7), config.duration("c", Duration.ZERO));
        assertEquals(Duration.ofMillis(500), config.duration("d", Duration.ZERO));
        assertEquals(Duration.ofHours(1), config.duration("missing", Duration.ofHours(1)));
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> config.duration("e", Duration.ZERO));
        assertTrue(bad.getMessage().contains("e=soon") && bad.getMessage().contains("flag"), bad.getMessage());
    }

    @Test
    void aBadIntegerNamesTheSettingAndItsOrigin() {
        NewsflowConfig config = NewsflowConfig.load(Map.of(), null, Map.of("NEWSFLOW_TOPICS_PARTITIONS", "six"));
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> config.intValue(NewsflowConfig.PARTITIONS));
        assertTrue(bad.getMessage().contains("env NEWSFLOW_TOPICS_PARTITIONS"), bad.getMessage());
    }
}
