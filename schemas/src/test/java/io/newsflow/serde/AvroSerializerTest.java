package io.newsflow.serde;

import io.newsflow.registry.RegisteredSchema;
import io.newsflow.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AvroSerializerTest {
    private static final Schema SCHEMA = SchemaBuilder.record("R")
            .namespace("t")
            .fields()
            .requiredString("a")
            .requiredString("b")
            .endRecord();

    /** A registry that knows one schema under id 7: enough to frame records, no HTTP involved. */
    private static final SchemaRegistryClient REGISTRY = new SchemaRegistryClient() {
        public int register(String subject, Schema schema) {
            return 7;
        }

        public RegisteredSchema lookup(String subject, Schema schema) {
            return new RegisteredSchema(subject, 7, 1, schema.toString());
        }

        public Schema schemaById(int id) {
            return SCHEMA;
        }

        public RegisteredSchema latest(String subject) {
            return lookup(subject, SCHEMA);
        }

        public boolean isCompatible(String subject, Schema schema) {
            return true;
        }
    };

    @Test
    void aRecordThatFailsHalfwayLeavesNothingBehindForTheNextOne() {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(REGISTRY);
        serializer.configure(Map.of("schema.registry.url", "http://unused.invalid"), false);
        GenericRecord good = new GenericData.Record(SCHEMA);
        good.put("a", "x".repeat(100));
        good.put("b", "y");
        byte[] expected = serializer.serialize("t", good);

        GenericRecord broken = new GenericData.Record(SCHEMA);
        broken.put("a", "z".repeat(100));
        broken.put("b", null);
        assertThrows(SerializationException.class, () -> serializer.serialize("t", broken));

        assertArrayEquals(expected, serializer.serialize("t", good));
    }
}
