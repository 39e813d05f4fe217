package io.newsflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client of the Confluent Schema Registry REST API (v1), over the JDK's HTTP client.
 * Works against Confluent's server and against Newsflow's embedded registry alike.
 *
 * <p>Ids and the schemas behind them are immutable, so they are cached forever; "latest" is not cached.
 * Server errors and unreachable registries are retried with exponential backoff across the configured
 * URLs; client errors (4xx) are not.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final ObjectMapper json = new ObjectMapper();

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final String authorization;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(RegistryClientConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (config.truststoreLocation() != null || config.keystoreLocation() != null) {
            builder.sslContext(sslContext(config));
        }
        this.http = builder.build();
        this.authorization = config.basicAuthUserInfo() == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString(config.basicAuthUserInfo().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int register(String subject, Schema schema) {
        Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = answer.get("id").asInt();
        remember(subject, schema, id);
        return id;
    }

    /**
     * One registration, then GET /schemas/ids/{id}/subjects, then registrations only under the
     * subjects that do not hold the schema yet: on a restart, 2 round trips instead of one per
     * subject. A subject holding the schema would have answered a registration with the same id and
     * no new version, so the outcome is the same.
     */
    @Override
    public void registerAll(List<String> subjects, Schema schema) {
        if (subjects.isEmpty()) {
            return;
        }
        int id = register(subjects.get(0), schema);
        Set<String> holding = new HashSet<>();
        try {
            send("GET", "/schemas/ids/" + id + "/subjects", null).forEach(subject -> holding.add(subject.asText()));
        } catch (SchemaRegistryException e) {
            // A registry without this endpoint (older than Confluent 5.5): one registration per subject then.
            log.debug("GET /schemas/ids/{}/subjects failed ({}); registering under each subject", id, e.getMessage());
        }
        for (String subject : subjects.subList(1, subjects.size())) {
            if (holding.contains(subject)) {
                remember(subject, schema, id);
            } else {
                register(subject, schema);
            }
        }
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        RegisteredSchema found = registered(answer);
        remember(subject, schema, found.id());
        return found;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(
                    422,
                    SchemaRegistryException.INVALID_SCHEMA,
                    "Schema id " + id + " is a " + type + " schema; only AVRO is supported");
        }
        Schema schema = new Schema.Parser().parse(answer.get("schema").asText());
        schemasById.put(id, schema);
        return schema;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return registered(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        JsonNode answer =
                send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema));
        return answer.get("is_compatible").asBoolean();
    }

    private void remember(String subject, Schema schema, int id) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, schema);
    }

    private static RegisteredSchema registered(JsonNode answer) {
        return new RegisteredSchema(
                answer.get("subject").asText(),
                answer.get("id").asInt(),
                answer.get("version").asInt(),
                answer.get("schema").asText());
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = json.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, String body) {
        SchemaRegistryException last = null;
        long backoff = config.initialBackoff().toMillis();
        for (int attempt = 0; attempt < config.maxAttempts(); attempt++) {
            String base = config.urls().get(attempt % config.urls().size());
            try {
                return sendOnce(method, base + path, body);
            } catch (SchemaRegistryException e) {
                if (!e.retriable()) {
                    throw e;
                }
                last = e;
                log.debug("Schema Registry {} {} failed (attempt {}): {}", method, path, attempt + 1, e.getMessage());
            }
            if (attempt + 1 < config.maxAttempts()) {
                sleep(backoff);
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
        throw last;
    }

    private JsonNode sendOnce(String method, String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchemaRegistryException("Schema Registry unreachable at " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while calling the Schema Registry", e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            int code = answer != null && answer.has("error_code")
                    ? answer.get("error_code").asInt()
                    : response.statusCode();
            String message = answer != null && answer.has("message")
                    ? answer.get("message").asText()
                    : response.body();
            throw new SchemaRegistryException(
                    response.statusCode(),
                    code,
                    method + " " + URI.create(url).getPath() + ": " + message + " (error code " + code + ")");
        }
        if (answer == null) {
            throw new SchemaRegistryException(
                    response.statusCode(),
                    SchemaRegistryException.STORE_ERROR,
                    "Schema Registry answered with a body that is not JSON: " + response.body());
        }
        return answer;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while retrying the Schema Registry", e);
        }
    }

    private static SSLContext sslContext(RegistryClientConfig config) {
        try {
            TrustManagerFactory trust = null;
            if (config.truststoreLocation() != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(config.truststoreLocation(), config.truststorePassword(), config.truststoreType()));
            }
            KeyManagerFactory keys = null;
            if (config.keystoreLocation() != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                char[] password = config.keystorePassword() == null
                        ? null
                        : config.keystorePassword().toCharArray();
                keys.init(load(config.keystoreLocation(), config.keystorePassword(), config.keystoreType()), password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("Cannot set up TLS for the Schema Registry: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String location, String password, String type)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        return store;
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + config;
    }
}
