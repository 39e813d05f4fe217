package io.newsflow.devstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.registry.RegisteredSchema;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        return SchemaBuilder.record("Item")
                .namespace("test.registry")
                .fields()
                .requiredString("id")
                .endRecord();
    }

    private static Schema v2WithDefault() {
        return SchemaBuilder.record("Item")
                .namespace("test.registry")
                .fields()
                .requiredString("id")
                .name("lang")
                .type()
                .stringType()
                .stringDefault("en")
                .endRecord();
    }

    private static Schema v2WithoutDefault() {
        return SchemaBuilder.record("Item")
                .namespace("test.registry")
                .fields()
                .requiredString("id")
                .requiredLong("size")
                .endRecord();
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
            SchemaRegistryException rejected =
                    assertThrows(SchemaRegistryException.class, () -> client.register(subject, v2WithoutDefault()));
            assertEquals(409, rejected.status());
            assertEquals(409, rejected.errorCode());
            assertEquals(2, client.latest(subject).version(), "a rejected schema adds no version");

            assertEquals(v1(), client.schemaById(id1));
            assertEquals(id1, client.lookup(subject, v1()).id());
            assertEquals(1, client.lookup(subject, v1()).version());
        }
    }

    /** registerAll: the outcome of one registration per subject (none added where the schema is, also as an older version). */
    @Test
    void registerAllRegistersOnlyUnderTheSubjectsThatLackTheSchema(TestStack stack) {
        String run = TestStack.unique("all");
        List<String> subjects = List.of(run + "-a-value", run + "-b-value", run + "-c-value");
        try (SchemaRegistryClient setUp = stack.registryClient()) {
            setUp.register(subjects.get(0), v1());
            setUp.register(subjects.get(1), v1());
            setUp.register(subjects.get(1), v2WithDefault());
        }
        try (SchemaRegistryClient client = stack.registryClient()) {
            client.registerAll(subjects, v1());
            assertEquals(1, client.latest(subjects.get(0)).version());
            assertEquals(2, client.latest(subjects.get(1)).version(), "v1 was there as version 1: no new version");
            assertEquals(1, client.lookup(subjects.get(1), v1()).version());
            RegisteredSchema added = client.lookup(subjects.get(2), v1());
            assertEquals(1, added.version(), "registered where it was missing");
            assertEquals(client.lookup(subjects.get(0), v1()).id(), added.id());
        }
    }

    @Test
    void sameSchemaUnderAnotherSubjectKeepsItsId(TestStack stack) {
        try (SchemaRegistryClient client = stack.registryClient()) {
            Schema schema = SchemaBuilder.record("Shared")
                    .namespace("test.registry")
                    .fields()
                    .requiredString(TestStack.unique("f").replace('-', '_'))
                    .endRecord();
            int a = client.register(TestStack.unique("a") + "-value", schema);
            int b = client.register(TestStack.unique("b") + "-value", schema);
            assertEquals(a, b);
        }
    }

    @Test
    void answersWithConfluentErrorCodes(TestStack stack) throws Exception {
        String missing = TestStack.unique("missing") + "-value";
        try (SchemaRegistryClient client = stack.registryClient()) {
            assertEquals(
                    40401,
                    assertThrows(SchemaRegistryException.class, () -> client.latest(missing))
                            .errorCode());
            assertEquals(
                    40403,
                    assertThrows(SchemaRegistryException.class, () -> client.schemaById(987654))
                            .errorCode());
            String subject = TestStack.unique("known") + "-value";
            client.register(subject, v1());
            assertEquals(
                    40403,
                    assertThrows(SchemaRegistryException.class, () -> client.lookup(subject, v2WithDefault()))
                            .errorCode());
        }
        JsonNode invalid =
                call(stack, "POST", "/subjects/" + missing + "/versions", "{\"schema\": \"{not avro\"}", 422);
        assertEquals(42201, invalid.get("error_code").asInt());
        JsonNode badVersion = call(stack, "GET", "/subjects/" + missing + "/versions/0", null, 404);
        assertTrue(badVersion.get("error_code").asInt() == 40401
                || badVersion.get("error_code").asInt() == 42202);
    }

    @Test
    void compatibilityLevelsPerSubjectAndTransitiveChecks(TestStack stack) throws Exception {
        String subject = TestStack.unique("levels") + "-value";
        JsonNode global = call(stack, "GET", "/config", null, 200);
        assertEquals("BACKWARD", global.get("compatibilityLevel").asText());

        JsonNode set = call(stack, "PUT", "/config/" + subject, "{\"compatibility\": \"BACKWARD_TRANSITIVE\"}", 200);
        assertEquals("BACKWARD_TRANSITIVE", set.get("compatibility").asText());
        assertEquals(
                "BACKWARD_TRANSITIVE",
                call(stack, "GET", "/config/" + subject, null, 200)
                        .get("compatibilityLevel")
                        .asText());

        try (SchemaRegistryClient client = stack.registryClient()) {
            // v1 {id}, v2 {id, size?} drops nothing; v3 {id, size} without a default could not read v1 data.
            client.register(subject, v1());
            Schema v2 = SchemaBuilder.record("Item")
                    .namespace("test.registry")
                    .fields()
                    .requiredString("id")
                    .name("size")
                    .type()
                    .longType()
                    .longDefault(0)
                    .endRecord();
            client.register(subject, v2);
            assertFalse(
                    client.isCompatible(subject, v2WithoutDefault()),
                    "under BACKWARD_TRANSITIVE a schema that cannot read version 1 is rejected");
        }
        JsonNode verbose = call(
                stack,
                "POST",
                "/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
                json.createObjectNode()
                        .put("schema", v2WithoutDefault().toString())
                        .toString(),
                200);
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
        assertEquals(
                "[1]",
                call(stack, "GET", "/subjects/" + subject + "/versions", null, 200)
                        .toString());
        JsonNode byVersion = call(stack, "GET", "/subjects/" + subject + "/versions/1", null, 200);
        assertEquals(id, byVersion.get("id").asInt());
        assertEquals(subject, byVersion.get("subject").asText());
        JsonNode raw = call(stack, "GET", "/subjects/" + subject + "/versions/latest/schema", null, 200);
        assertEquals(v1(), new Schema.Parser().parse(raw.toString()));
        JsonNode byId = call(stack, "GET", "/schemas/ids/" + id, null, 200);
        assertEquals(v1(), new Schema.Parser().parse(byId.get("schema").asText()));
    }

    @Test
    void refusesBodiesLargerThanTheLimit(TestStack stack) throws Exception {
        assumeTrue("embedded".equals(stack.kind()), "the 2 MiB limit is the embedded registry's own");
        String subject = TestStack.unique("huge") + "-value";
        String huge = "{\"schema\": \"" + " ".repeat(EmbeddedSchemaRegistry.MAX_BODY_BYTES) + "\\\"string\\\"\"}";
        JsonNode refused = call(stack, "POST", "/subjects/" + subject + "/versions", huge, 413);
        assertEquals(413, refused.get("error_code").asInt());
        call(stack, "GET", "/subjects/" + subject + "/versions", null, 404);
    }

    @Test
    void refusesBodiesThatAreNotJson(TestStack stack) throws Exception {
        String subject = TestStack.unique("csrf") + "-value";
        String body = json.createObjectNode().put("schema", v1().toString()).toString();
        for (String type :
                new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/subjects/" + subject + "/versions"))
                            .header("Content-Type", type)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, response.statusCode(), type + " -> " + response.body());
            assertEquals(415, json.readTree(response.body()).get("error_code").asInt());
        }
        HttpResponse<String> put = http.send(
                HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/config"))
                        .header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\": \"NONE\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, put.statusCode(), put.body());
        call(stack, "GET", "/subjects/" + subject + "/versions", null, 404);
        assertEquals(
                "BACKWARD",
                call(stack, "GET", "/config", null, 200)
                        .get("compatibilityLevel")
                        .asText());
        for (String type : new String[] {
            "application/json",
            "application/vnd.schemaregistry+json",
            "application/vnd.schemaregistry.v1+json; charset=utf-8"
        }) {
            HttpResponse<String> accepted = http.send(
                    HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/subjects/" + subject + "/versions"))
                            .header("Content-Type", type)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, accepted.statusCode(), type + " -> " + accepted.body());
        }
    }

    @Test
    void invalidDefaultsAreInvalidSchemasNotServerErrors(TestStack stack) throws Exception {
        String subject = TestStack.unique("defaults") + "-value";
        String badDefault =
                "{\"type\":\"record\",\"name\":\"Item\",\"fields\":[{\"name\":\"n\",\"type\":\"int\",\"default\":\"x\"}]}";
        String notAName = "{\"type\":\"record\",\"name\":\"1-bad\",\"fields\":[]}";
        for (String schema : new String[] {badDefault, notAName, "{\"type\":\"nosuchtype\"}", "42"}) {
            String body = json.createObjectNode().put("schema", schema).toString();
            JsonNode invalid = call(stack, "POST", "/subjects/" + subject + "/versions", body, 422);
            assertEquals(42201, invalid.get("error_code").asInt(), schema);
        }
    }

    @Test
    void subjectConfigLeavesTheGlobalLevelAlone(TestStack stack) throws Exception {
        String subject = TestStack.unique("own-level") + "-value";
        call(stack, "PUT", "/config/" + subject, "{\"compatibility\": \"NONE\"}", 200);
        assertEquals(
                "NONE",
                call(stack, "GET", "/config/" + subject, null, 200)
                        .get("compatibilityLevel")
                        .asText());
        assertEquals(
                "BACKWARD",
                call(stack, "GET", "/config", null, 200)
                        .get("compatibilityLevel")
                        .asText());
        call(stack, "PUT", "/config/" + subject + "/extra", "{\"compatibility\": \"NONE\"}", 404);
        assertEquals(
                "BACKWARD",
                call(stack, "GET", "/config", null, 200)
                        .get("compatibilityLevel")
                        .asText());
        String other = TestStack.unique("other") + "-value";
        assertEquals(
                40408,
                call(stack, "GET", "/config/" + other, null, 404)
                        .get("error_code")
                        .asInt());
        assertEquals(
                "BACKWARD",
                call(stack, "GET", "/config/" + other + "?defaultToGlobal=true", null, 200)
                        .get("compatibilityLevel")
                        .asText());
    }

    @Test
    void skipsMalformedRecordsInTheSchemaLog(TestStack stack) throws Exception {
        String subject = TestStack.unique("survivor") + "-value";
        int id;
        try (SchemaRegistryClient client = stack.registryClient()) {
            id = client.register(subject, v1());
        }
        String broken = TestStack.unique("broken");
        Map<String, Object> producerConfig = new HashMap<>(stack.kafkaClientProperties());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            String key = "{\"keytype\":\"SCHEMA\",\"subject\":\"" + broken + "\",\"version\":1,\"magic\":1}";
            producer.send(new ProducerRecord<>("_schemas", 0, "not json", "{")).get();
            producer.send(new ProducerRecord<>("_schemas", 0, key, "not json")).get();
            producer.send(new ProducerRecord<>("_schemas", 0, key, "{\"subject\":\"" + broken + "\"}"))
                    .get();
            producer.send(new ProducerRecord<>(
                            "_schemas",
                            0,
                            key,
                            "{\"subject\":\"" + broken + "\",\"version\":1,\"id\":99999,\"schema\":\"{not avro\"}"))
                    .get();
            producer.send(new ProducerRecord<>(
                            "_schemas",
                            0,
                            "{\"keytype\":\"CONFIG\",\"subject\":\"" + broken + "\",\"magic\":0}",
                            "{\"compatibilityLevel\":\"SIDEWAYS\"}"))
                    .get();
        }
        try (EmbeddedSchemaRegistry second =
                EmbeddedSchemaRegistry.start(stack.kafkaClientProperties(), "127.0.0.1", 0)) {
            HttpResponse<String> byId = http.send(
                    HttpRequest.newBuilder(URI.create(second.url() + "/schemas/ids/" + id))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, byId.statusCode(), byId.body());
            HttpResponse<String> skipped = http.send(
                    HttpRequest.newBuilder(URI.create(second.url() + "/subjects/" + broken + "/versions"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, skipped.statusCode(), skipped.body());
        }
    }

    @Test
    void twoRegistriesOnOneSchemaLogNeverGiveOneIdToTwoSchemas(TestStack stack) throws Exception {
        String prefix = TestStack.unique("pair").replace('-', '_');
        try (EmbeddedSchemaRegistry second =
                EmbeddedSchemaRegistry.start(stack.kafkaClientProperties(), "127.0.0.1", 0)) {
            String[] urls = {stack.registryUrl(), second.url()};
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String[]>> answers = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String url = urls[i % 2];
                    String schema = SchemaBuilder.record("R" + i)
                            .namespace("test.registry")
                            .fields()
                            .requiredString(prefix)
                            .endRecord()
                            .toString();
                    String subject = prefix + "_" + i + "-value";
                    answers.add(pool.submit(() -> {
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(URI.create(url + "/subjects/" + subject + "/versions"))
                                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                                        .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode()
                                                .put("schema", schema)
                                                .toString()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, r.statusCode(), r.body());
                        return new String[] {
                            url, json.readTree(r.body()).get("id").asText(), schema
                        };
                    }));
                }
                Map<String, String> schemaById = new HashMap<>();
                for (Future<String[]> answer : answers) {
                    String[] a = answer.get();
                    String earlier = schemaById.putIfAbsent(a[1], a[2]);
                    assertTrue(
                            earlier == null,
                            "schema id " + a[1] + " was given to two schemas: " + earlier + " and " + a[2]);
                }
                // Each registry serves every id, including those the other one gave out.
                for (String url : urls) {
                    for (Map.Entry<String, String> e : schemaById.entrySet()) {
                        HttpResponse<String> byId = http.send(
                                HttpRequest.newBuilder(URI.create(url + "/schemas/ids/" + e.getKey()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, byId.statusCode(), url + " id " + e.getKey() + " -> " + byId.body());
                        assertEquals(
                                new Schema.Parser().parse(e.getValue()),
                                new Schema.Parser()
                                        .parse(json.readTree(byId.body())
                                                .get("schema")
                                                .asText()));
                    }
                }
                String late = TestStack.unique("late") + "-value";
                HttpResponse<String> registered = http.send(
                        HttpRequest.newBuilder(URI.create(second.url() + "/subjects/" + late + "/versions"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode()
                                        .put("schema", v1().toString())
                                        .toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, registered.statusCode(), registered.body());
                assertEquals(
                        "[1]",
                        call(stack, "GET", "/subjects/" + late + "/versions", null, 200)
                                .toString(),
                        "a subject registered through the other registry is found at once");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void deletesVersionsAndSubjectsSoftThenPermanently(TestStack stack) throws Exception {
        String subject = TestStack.unique("deleting") + "-value";
        int id1;
        int id2;
        try (SchemaRegistryClient client = stack.registryClient()) {
            id1 = client.register(subject, v1());
            id2 = client.register(subject, v2WithDefault());
        }
        String s = "/subjects/" + subject;
        assertEquals(
                40407,
                call(stack, "DELETE", s + "/versions/1?permanent=true", null, 404)
                        .get("error_code")
                        .asInt());
        assertEquals("1", call(stack, "DELETE", s + "/versions/1", null, 200).toString());
        assertEquals("[2]", call(stack, "GET", s + "/versions", null, 200).toString());
        assertEquals(
                40402,
                call(stack, "GET", s + "/versions/1", null, 404)
                        .get("error_code")
                        .asInt());
        assertEquals(
                40406,
                call(stack, "DELETE", s + "/versions/1", null, 404)
                        .get("error_code")
                        .asInt());
        assertEquals(
                id1,
                call(stack, "GET", "/schemas/ids/" + id1, null, 200).has("schema") ? id1 : -1,
                "a soft-deleted version's id still resolves");

        assertEquals(
                40405,
                call(stack, "DELETE", s + "?permanent=true", null, 404)
                        .get("error_code")
                        .asInt());
        assertEquals("[2]", call(stack, "DELETE", s, null, 200).toString());
        assertEquals(
                40401,
                call(stack, "GET", s + "/versions", null, 404).get("error_code").asInt());
        assertFalse(call(stack, "GET", "/subjects", null, 200).toString().contains("\"" + subject + "\""));
        assertEquals(
                40404, call(stack, "DELETE", s, null, 404).get("error_code").asInt());

        // Read back from _schemas by a registry started afterwards: the soft deletions hold.
        try (EmbeddedSchemaRegistry second =
                EmbeddedSchemaRegistry.start(stack.kafkaClientProperties(), "127.0.0.1", 0)) {
            HttpResponse<String> versions = http.send(
                    HttpRequest.newBuilder(URI.create(second.url() + s + "/versions"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, versions.statusCode(), versions.body());
        }
        assertEquals(
                "[1,2]", call(stack, "DELETE", s + "?permanent=true", null, 200).toString());
        assertEquals(
                40401, call(stack, "DELETE", s, null, 404).get("error_code").asInt());
        try (SchemaRegistryClient client = stack.registryClient()) {
            assertEquals(id2, client.register(subject, v2WithDefault()), "the schema keeps its id");
            assertEquals(
                    1, client.latest(subject).version(), "a permanently deleted subject starts again at version 1");
        }
    }

    private static JsonNode call(TestStack stack, String method, String path, String body, int expectedStatus)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.registryUrl() + path))
                .header("Accept", "application/vnd.schemaregistry.v1+json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/vnd.schemaregistry.v1+json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), () -> method + " " + path + " -> " + response.body());
        return json.readTree(response.body());
    }
}
