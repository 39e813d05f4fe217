package io.newsflow.serde;

import io.newsflow.registry.RegistryClientConfig;
import io.newsflow.registry.RestSchemaRegistryClient;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Confluent wire format. With a target class, records are resolved from the writer schema
 * (fetched by id) to that class's schema, so a consumer built on an older or newer schema still reads;
 * without one, records come back as {@link org.apache.avro.generic.GenericRecord}s in the writer schema.
 * A record whose length or count prefixes claim more than it holds is a {@link SerializationException},
 * never an allocation of what it claims ({@link BoundedDecoder}).
 */
public class AvroDeserializer<T> implements Deserializer<T> {
    private SchemaRegistryClient registry;
    private boolean ownsRegistry;
    private final Class<? extends SpecificRecord> target;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** Generic records; for Kafka's reflective construction ({@link #configure} must follow). */
    public AvroDeserializer() {
        this.target = null;
    }

    public AvroDeserializer(SchemaRegistryClient registry, Class<? extends SpecificRecord> target) {
        this.registry = registry;
        this.target = target;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = new RestSchemaRegistryClient(RegistryClientConfig.fromMap(configs));
            ownsRegistry = true;
        }
    }

    @Override
    public T deserialize(String topic, byte[] payload) {
        if (payload == null) {
            return null;
        }
        int id = WireFormat.schemaId(payload);
        try {
            DatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
            return reader.read(
                    null, new BoundedDecoder(payload, WireFormat.HEADER_SIZE, payload.length - WireFormat.HEADER_SIZE));
        } catch (SchemaRegistryException e) {
            throw new SerializationException(
                    "Cannot fetch writer schema id " + id + " for topic " + topic + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot decode a record of topic " + topic + " with schema id " + id
                            + (target == null ? "" : " as " + target.getSimpleName()) + ": " + e,
                    e);
        }
    }

    private DatumReader<T> readerFor(int id) {
        Schema writer = registry.schemaById(id);
        if (target == null) {
            return new GenericDatumReader<>(writer);
        }
        SpecificData model = SpecificData.getForClass(target);
        return new SpecificDatumReader<>(writer, model.getSchema(target), model);
    }

    @Override
    public void close() {
        if (ownsRegistry) {
            registry.close();
        }
    }
}
