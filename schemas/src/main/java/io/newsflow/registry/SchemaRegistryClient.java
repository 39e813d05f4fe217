package io.newsflow.registry;

import org.apache.avro.Schema;

import java.util.List;

/**
 * The part of the Confluent Schema Registry REST API that Newsflow uses. Implementations cache
 * immutable answers (ids and their schemas never change once assigned).
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** POST /subjects/{subject}/versions: registers (or finds) the schema and returns its global id. */
    int register(String subject, Schema schema);

    /** POST /subjects/{subject}: the id of a schema already registered under the subject, without registering. */
    RegisteredSchema lookup(String subject, Schema schema);

    /** GET /schemas/ids/{id}. */
    Schema schemaById(int id);

    /** GET /subjects/{subject}/versions/latest. */
    RegisteredSchema latest(String subject);

    /** POST /compatibility/subjects/{subject}/versions/latest: true when the subject would accept the schema. */
    boolean isCompatible(String subject, Schema schema);

    /**
     * Registers (or finds) {@code schema} under every one of {@code subjects}: the outcome of
     * {@link #register} for each, which a client may reach with fewer round trips.
     */
    default void registerAll(List<String> subjects, Schema schema) {
        subjects.forEach(subject -> register(subject, schema));
    }

    @Override
    default void close() {}
}
