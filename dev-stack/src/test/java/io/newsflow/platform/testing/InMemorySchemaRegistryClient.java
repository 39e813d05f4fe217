package io.newsflow.platform.testing;

import io.newsflow.registry.RegisteredSchema;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.registry.SchemaRegistryException;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A registry in memory for {@code TopologyTestDriver} tests, which have no broker to keep the real one
 * on (Confluent's equivalent is {@code mock://}). Integration tests use the real registry.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {
    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<Schema, Integer> ids = new HashMap<>();
    private final Map<String, List<Schema>> subjects = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = ids.computeIfAbsent(schema, s -> {
            byId.put(byId.size() + 1, s);
            return byId.size();
        });
        List<Schema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            versions.add(schema);
        }
        return id;
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        List<Schema> versions = subjects.getOrDefault(subject, List.of());
        int index = versions.indexOf(schema);
        if (index < 0) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
        }
        return new RegisteredSchema(subject, ids.get(schema), index + 1, schema.toString());
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(
                    404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Schema> versions = subjects.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(
                    404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        Schema last = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, ids.get(last), versions.size(), last.toString());
    }

    /** Compatibility rules live in the real registry; tests that need them run against it. */
    @Override
    public boolean isCompatible(String subject, Schema schema) {
        throw new UnsupportedOperationException("compatibility checks need the real registry (KafkaStackExtension)");
    }
}
