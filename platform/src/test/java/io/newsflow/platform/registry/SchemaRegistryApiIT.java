package io.newsflow.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.registry.RegisteredSchema;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry's REST API as Confluent defines it, through our client and through raw HTTP. Runs
 * against Confluent's own registry when Docker is available, so both implementations are held to the
 * same expectations.
 */
@ExtendWith(KafkaStackExtension.class)
class SchemaRegistryApiIT {
    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();

    private static Schema v1() {
        return SchemaBuilder.record("Item").namespace("test.registry").fields()
                .requiredString("id").endRecord();
    }

    private static Schema v2WithDefault() {
        return SchemaBuilder.record("Item").namespace("test.registry").fields()
                .requiredString("id").name("lang").type().stringType().stringDefault("en").endRecord();
    }

    private static Schema v2WithoutDefault() {
        return SchemaBuilder.record("Item").namespace("test.registry").fields()
                .requiredString("id").requiredLong("size").endRecord();
    }

    @Test
    void registersEvolvesAndRejectsIncompatibleSchemas(TestStack stack) {
        String subject = TestStack.unique("items") + "-value";
        try (SchemaRegistryClient client = stack.registryClient()) {
            int id1 = client.register(subject, v1());
            assertEquals(id1, client.register(subject, v1()), "registering the same schema again gives the same id");

            int id2 = client.register(subject, v2WithDefault());
            assertNotEquals(id1, id2);
            RegisteredSchema latest = client.latest(subject);
            assertEquals(2, latest.version());
            assertEquals(id2, latest.id());
            assertEquals(v2WithDefault(), new Schema.Parser().parse(latest.schema()));

            assertFalse(client.isCompatible(subject, v2WithoutDefault()));
            SchemaRegistryException rejected = assertThrows(SchemaRegistryException.class,
                    () -> client.register(subject, v2WithoutDefault()));
            assertEquals(409, rejected.status());
            assertEquals(409, rejected.errorCode());
            assertEquals(2, client.latest(subject).version(), "a rejected schema adds no version");

            assertEquals(v1(), client.schemaById(id1));
            assertEquals(id1, client.lookup(subject, v1()).id());
            assertEquals(1, client.lookup(subject, v1()).version());
        }
    }

    @Test
    void sameSchemaUnderAnotherSubjectKeepsItsId(TestStack stack) {
        try (SchemaRegistryClient client = stack.registryClient()) {
            Schema schema = SchemaBuilder.record("Shared").namespace("test.registry").fields()
                    .requiredString(TestStack.unique("f").replace('-', '_')).endRecord();
            int a = client.register(TestStack.unique("a") + "-value", schema);
            int b = client.register(TestStack.unique("b") + "-value", schema);
            assertEquals(a, b);
        }
    }

    @Test
    void answersWithConfluentErrorCodes(TestStack stack) throws Exception {
        String missing = TestStack.unique("missing") + "-value";
        try (SchemaRegistryClient client = stack.registryClient()) {
            assertEquals(40401, assertThrows(SchemaRegistryException.class, () -> client.latest(missing)).errorCode());
            assertEquals(40403, assertThrows(SchemaRegistryException.class, () -> client.schemaById(987654)).errorCode());
            String subject = TestStack.unique("known") + "-value";
            client.register(subject, v1());
            assertEquals(40403, assertThrows(SchemaRegistryException.class,
                    () -> client.lookup(subject, v2WithDefault())).errorCode());
        }
        JsonNode invalid = call(stack, "POST", "/subjects/" + missing + "/versions", "{\"schema\": \"{not avro\"}", 422);
        assertEquals(42201, invalid.get("error_code").asInt());
        JsonNode badVersion = call(stack, "GET", "/subjects/" + missing + "/versions/0", null, 404);
        assertTrue(badVersion.get("error_code").asInt() == 40401 || badVersion.get("error_code").asInt() == 42202);
    }

    @Test
    void compatibilityLevelsPerSubjectAndTransitiveChecks(TestStack stack) throws Exception {
        String subject = TestStack.unique("levels") + "-value";
        JsonNode global = call(stack, "GET", "/config", null, 200);
        assertEquals("BACKWARD", global.get("compatibilityLevel").asText());

        JsonNode set = call(stack, "PUT", "/config/" + subject, "{\"compatibility\": \"BACKWARD_TRANSITIVE\"}", 200);
        assertEquals("BACKWARD_TRANSITIVE", set.get("compatibility").asText());
        assertEquals("BACKWARD_TRANSITIVE", call(stack, "GET", "/config/" + subject, null, 200)
                .get("compatibilityLevel").asText());

        try (SchemaRegistryClient client = stack.registryClient()) {
            // v1 {id}, v2 {id, size?} drops nothing; v3 {id, size} without a default could not read v1 data.
            client.register(subject, v1());
            Schema v2 = SchemaBuilder.record("Item").namespace("test.registry").fields()
                    .requiredString("id").name("size").type().longType().longDefault(0).endRecord();
            client.register(subject, v2);
            assertFalse(client.isCompatible(subject, v2WithoutDefault()),
                    "under BACKWARD_TRANSITIVE a schema that cannot read version 1 is rejected");
        }
        JsonNode verbose = call(stack, "POST", "/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
                json.createObjectNode().put("schema", v2WithoutDefault().toString()).toString(), 200);
        assertFalse(verbose.get("is_compatible").asBoolean());
        assertTrue(verbose.has("messages") && !verbose.get("messages").isEmpty());

        JsonNode invalidLevel = call(stack, "PUT", "/config/" + subject, "{\"compatibility\": \"SIDEWAYS\"}", 422);
        assertEquals(42203, invalidLevel.get("error_code").asInt());
    }

    @Test
    void listsSubjectsVersionsAndRawSchemas(TestStack stack) throws Exception {
        String subject = TestStack.unique("listing") + "-value";
        int id;
        try (SchemaRegistryClient client = stack.registryClient()) {
            id = client.register(subject, v1());
        }
        JsonNode subjects = call(stack, "GET", "/subjects", null, 200);
        assertTrue(subjects.toString().contains("\"" + subject + "\""));
        assertEquals("[1]", call(stack, "GET", "/subjects/" + subject + "/versions", null, 200).toString());
        JsonNode byVersion = call(stack, "GET", "/subjects/" + subject + "/versions/1", null, 200);
        assertEquals(id, byVersion.get("id").asInt());
        assertEquals(subject, byVersion.get("subject").asText());
        JsonNode raw = call(stack, "GET", "/subjects/" + subject + "/versions/latest/schema", null, 200);
        assertEquals(v1(), new Schema.Parser().parse(raw.toString()));
        JsonNode byId = call(stack, "GET", "/schemas/ids/" + id, null, 200);
        assertEquals(v1(), new Schema.Parser().parse(byId.get("schema").asText()));
    }

    private static JsonNode call(TestStack stack, String method, String path, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.registryUrl() + path))
                .header("Accept", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/vnd.schemaregistry.v1+json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), () -> method + " " + path + " -> " + response.body());
        return json.readTree(response.body());
    }
}
