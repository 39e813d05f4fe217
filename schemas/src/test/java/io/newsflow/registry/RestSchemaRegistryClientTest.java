package io.newsflow.registry;

import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's HTTP behaviour (retries, backoff, auth, caching) against a scripted HTTP server that
 * answers the way the registry does under failure; the API itself is tested against real registries
 * in SchemaRegistryApiIT.
 */
class RestSchemaRegistryClientTest {
    private static final Schema SCHEMA = SchemaBuilder.record("R")
            .namespace("t")
            .fields()
            .requiredString("id")
            .endRecord();

    private HttpServer server;
    private final List<String> authorizations = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(String path, int... statuses) {
        server.createContext(path, exchange -> {
            int call = calls.getAndIncrement();
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            int status = statuses[Math.min(call, statuses.length - 1)];
            String body = switch (status) {
                case 200 ->
                    path.startsWith("/schemas") ? "{\"schema\": " + jsonString(SCHEMA.toString()) + "}" : "{\"id\": 7}";
                case 500 -> "{\"error_code\": 50001, \"message\": \"Error in the backend data store\"}";
                default -> "{\"error_code\": 40403, \"message\": \"Schema 7 not found\"}";
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    private RestSchemaRegistryClient client(Map<String, String> extra) {
        Map<String, Object> props = new java.util.HashMap<>(extra);
        props.put(
                RegistryClientConfig.URL,
                "http://127.0.0.1:" + server.getAddress().getPort());
        props.put(RegistryClientConfig.BACKOFF_MS, "1");
        return new RestSchemaRegistryClient(RegistryClientConfig.fromMap(props));
    }

    @Test
    void serverErrorsAreRetriedThenSucceed() {
        answer("/subjects/t-value/versions", 500, 500, 200);
        assertEquals(7, client(Map.of()).register("t-value", SCHEMA));
        assertEquals(3, calls.get());
    }

    @Test
    void clientErrorsAreNotRetriedAndKeepConfluentsErrorCode() {
        answer("/schemas/ids/7", 404);
        SchemaRegistryException e = assertThrows(
                SchemaRegistryException.class, () -> client(Map.of()).schemaById(7));
        assertEquals(404, e.status());
        assertEquals(40403, e.errorCode());
        assertEquals(1, calls.get());
    }

    @Test
    void retriesStopAfterTheConfiguredAttempts() {
        answer("/subjects/t-value/versions", 500);
        SchemaRegistryException e = assertThrows(
                SchemaRegistryException.class,
                () -> client(Map.of(RegistryClientConfig.MAX_ATTEMPTS, "3")).register("t-value", SCHEMA));
        assertEquals(50001, e.errorCode());
        assertEquals(3, calls.get());
    }

    @Test
    void idsAndSchemasAreCachedBecauseTheyNeverChange() {
        answer("/schemas/ids/7", 200);
        RestSchemaRegistryClient client = client(Map.of());
        assertEquals(SCHEMA, client.schemaById(7));
        assertEquals(SCHEMA, client.schemaById(7));
        assertEquals(1, calls.get());
    }

    @Test
    void basicAuthIsSentAndNeverShownInToString() {
        answer("/subjects/t-value/versions", 200);
        RestSchemaRegistryClient client = client(Map.of(
                RegistryClientConfig.CREDENTIALS_SOURCE, "USER_INFO", RegistryClientConfig.USER_INFO, "alice:s3cret"));
        client.register("t-value", SCHEMA);
        assertEquals(
                "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)),
                authorizations.get(0));
        assertTrue(!client.toString().contains("s3cret"), client.toString());
    }

    @Test
    void anUnreachableRegistryIsARetriableFailure() {
        int port = server.getAddress().getPort();
        server.stop(0);
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.fromMap(Map.of(
                RegistryClientConfig.URL,
                "http://127.0.0.1:" + port,
                RegistryClientConfig.MAX_ATTEMPTS,
                "2",
                RegistryClientConfig.BACKOFF_MS,
                "1")));
        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.schemaById(1));
        assertTrue(e.retriable());
        assertEquals(0, e.status());
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
