package io.newsflow.devstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.platform.http.HttpResponses;
import io.newsflow.registry.CompatibilityLevel;
import io.newsflow.registry.RegisteredSchema;
import io.newsflow.registry.SchemaRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A Schema Registry speaking the Confluent REST API (v1) for Avro: subjects, versions, schemas by id,
 * global and per-subject compatibility (NONE and the BACKWARD / FORWARD / FULL families, enforced by
 * Avro's {@code SchemaCompatibility}). Schemas are kept in the compacted topic {@code _schemas} and
 * survive restarts. Enough for Newsflow's default stack; production uses Confluent's registry.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final ObjectMapper json = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /**
     * The largest request body accepted (413 beyond). A schema must fit one {@code _schemas} record, and
     * producers and brokers cap records at 1 MiB by default; twice that leaves room for the JSON escaping
     * of the body, so no storable schema is refused.
     */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    /** Attempts to claim an id and version before giving up; each loss means another registry just wrote. */
    private static final int MAX_CLAIMS = 10;

    private static final Set<String> ACCEPTED_TYPES = Set.of(
            "application/vnd.schemaregistry.v1+json",
            "application/vnd.schemaregistry+json",
            "application/json",
            "application/octet-stream");

    /** Guards {@link #store}: reads share it, a change takes it only while being applied. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Serialises writers, so each plans against the state the previous one left. */
    private final Object writer = new Object();

    private final SchemaStore store;
    private final KafkaSchemaLog schemaLog;
    private final HttpServer server;
    private final ExecutorService executor;

    private EmbeddedSchemaRegistry(
            SchemaStore store, KafkaSchemaLog schemaLog, HttpServer server, ExecutorService executor) {
        this.store = store;
        this.schemaLog = schemaLog;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Reads {@code _schemas} (creating it if needed) and starts serving on {@code host:port}
     * (port 0 picks a free one).
     *
     * @param kafkaClientConfig how to reach the Kafka cluster that holds {@code _schemas}
     */
    public static EmbeddedSchemaRegistry start(Map<String, Object> kafkaClientConfig, String host, int port) {
        SchemaStore store = new SchemaStore(CompatibilityLevel.BACKWARD);
        KafkaSchemaLog schemaLog = new KafkaSchemaLog(kafkaClientConfig);
        try {
            schemaLog.catchUp(store::apply);
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "schema-registry-http");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(store, schemaLog, server, executor);
            server.createContext("/", registry::handle);
            server.start();
            log.info(
                    "Schema Registry ready on {} with {} subjects",
                    registry.url(),
                    store.subjects().size());
            return registry;
        } catch (IOException | RuntimeException e) {
            schemaLog.close();
            throw new IllegalStateException(
                    "Cannot start the Schema Registry on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            List<String> path = Arrays.stream(
                            exchange.getRequestURI().getRawPath().split("/"))
                    .filter(s -> !s.isEmpty())
                    .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
                    .toList();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            try {
                JsonNode body = "POST".equals(method) || "PUT".equals(method) ? readBody(exchange) : null;
                respond(
                        exchange,
                        200,
                        isWrite(method, path) ? write(method, path, query, body) : read(method, path, query, body));
            } catch (SchemaRegistryException e) {
                respond(exchange, e.status(), error(e.errorCode(), e.getMessage()));
            } catch (RuntimeException e) {
                log.warn("Schema Registry request {} {} failed", method, path, e);
                respond(
                        exchange,
                        500,
                        error(
                                SchemaRegistryException.STORE_ERROR,
                                "Error in the backend data store: " + e.getMessage()));
            }
        }
    }

    /** Writes are serialised among themselves, but hold the store's write lock only to apply a decided change. */
    private Object write(String method, List<String> path, Map<String, String> query, JsonNode body) {
        synchronized (writer) {
            return route(method, path, query, body);
        }
    }

    private Object read(String method, List<String> path, Map<String, String> query, JsonNode body) {
        try {
            return readLocked(() -> route(method, path, query, body));
        } catch (SchemaRegistryException e) {
            if (e.status() != 404) {
                throw e;
            }
            // Another registry on the same _schemas may have just written it: read the log, then ask again.
            synchronized (writer) {
                schemaLog.catchUp(this::applyLocked);
            }
            return readLocked(() -> route(method, path, query, body));
        }
    }

    private static boolean isWrite(String method, List<String> path) {
        return "PUT".equals(method)
                || "DELETE".equals(method)
                || ("POST".equals(method) && path.size() == 3 && "subjects".equals(path.get(0)));
    }

    private void applyLocked(SchemaStore.Change change) {
        lock.writeLock().lock();
        try {
            store.apply(change);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <T> T readLocked(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private Object route(String method, List<String> path, Map<String, String> query, JsonNode body) {
        String first = path.isEmpty() ? "" : path.get(0);
        int n = path.size();
        switch (first) {
            case "":
                return json.createObjectNode();
            case "subjects":
                if (n == 1 && "GET".equals(method)) {
                    return store.subjects();
                }
                if (n == 2 && "POST".equals(method)) {
                    return describe(store.lookup(path.get(1), schemaOf(body)));
                }
                if (n == 2 && "DELETE".equals(method)) {
                    return delete(path.get(1), null, query);
                }
                if (n == 4 && "versions".equals(path.get(2)) && "DELETE".equals(method)) {
                    return delete(path.get(1), path.get(3), query).get(0);
                }
                if (n == 3 && "versions".equals(path.get(2))) {
                    if ("GET".equals(method)) {
                        return store.versionNumbers(path.get(1));
                    }
                    if ("POST".equals(method)) {
                        return json.createObjectNode().put("id", register(path.get(1), schemaOf(body)));
                    }
                }
                if (n == 4 && "versions".equals(path.get(2)) && "GET".equals(method)) {
                    return describe(store.version(path.get(1), path.get(3)));
                }
                if (n == 5 && "versions".equals(path.get(2)) && "schema".equals(path.get(4)) && "GET".equals(method)) {
                    return new RawJson(store.version(path.get(1), path.get(3)).schema());
                }
                break;
            case "schemas":
                if (n == 2 && "types".equals(path.get(1)) && "GET".equals(method)) {
                    return List.of("AVRO");
                }
                if (n >= 3 && "ids".equals(path.get(1)) && "GET".equals(method)) {
                    int id = schemaId(path.get(2));
                    if (n == 3) {
                        return json.createObjectNode().put("schema", store.schemaById(id));
                    }
                    if (n == 4 && "schema".equals(path.get(3))) {
                        return new RawJson(store.schemaById(id));
                    }
                    if (n == 4 && "versions".equals(path.get(3))) {
                        ArrayNode uses = json.createArrayNode();
                        store.usesOf(id)
                                .forEach(u -> uses.addObject()
                                        .put("subject", u.subject())
                                        .put("version", u.version()));
                        return uses;
                    }
                    if (n == 4 && "subjects".equals(path.get(3))) {
                        return store.usesOf(id).stream()
                                .map(RegisteredSchema::subject)
                                .distinct()
                                .toList();
                    }
                }
                break;
            case "config":
                // Only /config and /config/{subject}: any longer path must not fall through to the global level.
                if (n <= 2) {
                    return config(method, n == 2 ? path.get(1) : null, query, body);
                }
                break;
            case "mode":
                return json.createObjectNode().put("mode", "READWRITE");
            case "compatibility":
                if (n == 5
                        && "subjects".equals(path.get(1))
                        && "versions".equals(path.get(3))
                        && "POST".equals(method)) {
                    List<String> problems = store.checkAgainst(path.get(2), path.get(4), schemaOf(body));
                    ObjectNode answer = json.createObjectNode().put("is_compatible", problems.isEmpty());
                    if (Boolean.parseBoolean(query.get("verbose"))) {
                        problems.forEach(answer.putArray("messages")::add);
                    }
                    return answer;
                }
                break;
            default:
                break;
        }
        throw new SchemaRegistryException(404, 404, "HTTP 404 Not Found");
    }

    private int register(String subject, String schema) {
        for (int attempt = 1; ; attempt++) {
            schemaLog.catchUp(this::applyLocked);
            // Planning (parsing, compatibility checks) only reads the store, so readers go on meanwhile.
            var planned = readLocked(() -> store.planRegistration(subject, schema));
            if (planned.isEmpty()) {
                return readLocked(() -> store.idOf(subject, schema));
            }
            SchemaStore.NewVersion change = planned.get();
            // The id and version are claimed through the log: another registry on the same _schemas may have
            // claimed them meanwhile, which reading back to the end shows.
            schemaLog.append(change);
            schemaLog.catchUp(this::applyLocked);
            if (readLocked(() -> store.holds(change))) {
                log.info("Registered {} version {} as schema id {}", subject, change.version(), change.id());
                return change.id();
            }
            if (attempt == MAX_CLAIMS) {
                throw new SchemaRegistryException(
                        500,
                        SchemaRegistryException.STORE_ERROR,
                        "Error in the backend data store: " + MAX_CLAIMS + " registrations of " + subject
                                + " lost to concurrent writers of " + KafkaSchemaLog.TOPIC);
            }
            log.warn(
                    "Schema id {} or version {} of {} was claimed meanwhile by another writer of {}; registering again",
                    change.id(),
                    change.version(),
                    subject,
                    KafkaSchemaLog.TOPIC);
        }
    }

    /** The version numbers deleted (Confluent answers one number for a version, the list for a subject). */
    private List<Integer> delete(String subject, String version, Map<String, String> query) {
        schemaLog.catchUp(this::applyLocked);
        List<SchemaStore.Change> changes =
                readLocked(() -> store.planDeletion(subject, version, Boolean.parseBoolean(query.get("permanent"))));
        List<Integer> versions = new ArrayList<>();
        for (SchemaStore.Change change : changes) {
            schemaLog.append(change);
            applyLocked(change);
            versions.add(
                    change instanceof SchemaStore.SoftDeletedVersion d
                            ? d.version()
                            : ((SchemaStore.RemovedVersion) change).version());
        }
        log.info(
                "Deleted {} versions {}{}",
                subject,
                versions,
                Boolean.parseBoolean(query.get("permanent")) ? " permanently" : "");
        return versions;
    }

    private Object config(String method, String subject, Map<String, String> query, JsonNode body) {
        if ("PUT".equals(method)) {
            JsonNode level = body == null ? null : body.get("compatibility");
            if (level == null) {
                throw new SchemaRegistryException(
                        422,
                        SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
                        "Invalid compatibility level: the body must be {\"compatibility\": \"<level>\"}");
            }
            CompatibilityLevel parsed = CompatibilityLevel.parse(level.asText());
            schemaLog.catchUp(this::applyLocked);
            SchemaStore.NewConfig change = new SchemaStore.NewConfig(subject, parsed);
            schemaLog.append(change);
            applyLocked(change);
            return json.createObjectNode().put("compatibility", parsed.name());
        }
        if (!"GET".equals(method)) {
            throw new SchemaRegistryException(405, 405, "HTTP 405 Method Not Allowed");
        }
        return readLocked(() -> json.createObjectNode()
                .put("compatibilityLevel", levelOf(subject, query).name()));
    }

    private CompatibilityLevel levelOf(String subject, Map<String, String> query) {
        CompatibilityLevel level;
        if (subject == null) {
            level = store.globalLevel();
        } else if (Boolean.parseBoolean(query.get("defaultToGlobal"))) {
            level = store.subjectLevel(subject).orElse(store.globalLevel());
        } else {
            level = store.subjectLevel(subject)
                    .orElseThrow(() -> new SchemaRegistryException(
                            404,
                            SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                            "Subject '" + subject + "' does not have subject-level compatibility configured"));
        }
        return level;
    }

    private static ObjectNode describe(RegisteredSchema schema) {
        return json.createObjectNode()
                .put("subject", schema.subject())
                .put("version", schema.version())
                .put("id", schema.id())
                .put("schema", schema.schema());
    }

    private static String schemaOf(JsonNode body) {
        if (body == null || !body.hasNonNull("schema")) {
            throw new SchemaRegistryException(
                    422,
                    SchemaRegistryException.INVALID_SCHEMA,
                    "Invalid schema: the body must be {\"schema\": \"<schema as a JSON string>\"}");
        }
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(
                    422,
                    SchemaRegistryException.INVALID_SCHEMA,
                    "Invalid schema: schema type " + type + " is not supported by this registry, only AVRO");
        }
        if (body.hasNonNull("references") && !body.get("references").isEmpty()) {
            throw new SchemaRegistryException(
                    422,
                    SchemaRegistryException.INVALID_SCHEMA,
                    "Invalid schema: schema references are not supported by this registry");
        }
        return body.get("schema").asText();
    }

    private static int schemaId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(
                    404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
        }
    }

    /**
     * The JSON body, refused unless its media type is one Confluent's registry consumes: a JSON type (or
     * octet-stream) can only be sent cross-site after a CORS preflight, which this server never grants,
     * whereas a web page may POST text/plain or a form to it freely.
     */
    private static JsonNode readBody(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        try (InputStream in = exchange.getRequestBody()) {
            if (!ACCEPTED_TYPES.contains(mediaType)) {
                discard(in);
                throw new SchemaRegistryException(415, 415, "HTTP 415 Unsupported Media Type");
            }
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                discard(in);
                throw new SchemaRegistryException(
                        413, 413, "HTTP 413 Request Entity Too Large: the limit is " + MAX_BODY_BYTES + " bytes");
            }
            return bytes.length == 0 ? null : json.readTree(bytes);
        } catch (IOException e) {
            throw new SchemaRegistryException(400, 400, "Unrecognized JSON in the request body: " + e.getMessage());
        }
    }

    /**
     * Reads and drops what is left of a refused body, up to a bound: closing with unread data resets the
     * connection, and the client would then see the reset instead of the error.
     */
    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        for (long left = 8L * MAX_BODY_BYTES; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }

    private static Map<String, String> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(raw.split("&"))
                .map(p -> p.split("=", 2))
                .collect(java.util.stream.Collectors.toMap(
                        p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "true",
                        (a, b) -> b));
    }

    private static ObjectNode error(int code, String message) {
        return json.createObjectNode().put("error_code", code).put("message", message);
    }

    /** A JSON document already serialised, e.g. a schema returned as is by .../schema endpoints. */
    private record RawJson(String text) {}

    private static void respond(HttpExchange exchange, int status, Object answer) throws IOException {
        byte[] bytes = answer instanceof RawJson raw
                ? raw.text().getBytes(StandardCharsets.UTF_8)
                : json.writeValueAsBytes(answer);
        HttpResponses.send(exchange, status, CONTENT_TYPE, bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        schemaLog.close();
        log.info("Schema Registry stopped");
    }
}
