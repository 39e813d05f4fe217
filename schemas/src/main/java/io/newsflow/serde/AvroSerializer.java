package io.newsflow.serde;

import io.newsflow.registry.RegistryClientConfig;
import io.newsflow.registry.RestSchemaRegistryClient;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serializes Avro records (specific or generic) in Confluent wire format, registering the writer
 * schema under the TopicNameStrategy subject {@code <topic>-value} (or {@code -key}).
 * Configured like Confluent's KafkaAvroSerializer: {@code schema.registry.url},
 * {@code auto.register.schemas} (default true), basic auth and TLS properties.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {
    public static final String AUTO_REGISTER = "auto.register.schemas";

    private SchemaRegistryClient registry;
    private boolean ownsRegistry;
    private boolean autoRegister = true;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> ids = new ConcurrentHashMap<>();
    private final ThreadLocal<WireBuffer> buffers = ThreadLocal.withInitial(WireBuffer::new);

    /** For Kafka's reflective construction; {@link #configure} must follow. */
    public AvroSerializer() {}

    public AvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        Object auto = configs.get(AUTO_REGISTER);
        this.autoRegister = auto == null || Boolean.parseBoolean(auto.toString());
        if (registry == null) {
            registry = new RestSchemaRegistryClient(RegistryClientConfig.fromMap(configs));
            ownsRegistry = true;
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        int id = schemaId(topic, schema);
        // One growable buffer and buffered encoder per thread, header and body in the same buffer:
        // a fresh stream and a direct (unbuffered) encoder per record cost more than the encoding.
        WireBuffer out = buffers.get();
        out.reset();
        out.write(WireFormat.MAGIC);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        try {
            out.encoder = EncoderFactory.get().binaryEncoder(out, out.encoder);
            writers.computeIfAbsent(schema, s -> writerFor(record)).write(record, out.encoder);
            out.encoder.flush();
        } catch (IOException | RuntimeException e) {
            // A half-written record may sit in the encoder's buffer; reusing it would prepend it to the next one.
            out.encoder = null;
            throw new SerializationException(
                    "Cannot encode " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * The registry id of {@code schema} for {@code topic}'s subject, registering it if so configured.
     * Calling it at startup keeps the registry round trip off the first record.
     */
    public int schemaId(String topic, Schema schema) {
        // Ids are immutable, so lookups are cached as registrations are; Schema caches its hash code.
        return ids.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).computeIfAbsent(schema, s -> {
            String subject = Subjects.topicName(topic, isKey);
            try {
                return autoRegister
                        ? registry.register(subject, schema)
                        : registry.lookup(subject, schema).id();
            } catch (SchemaRegistryException e) {
                throw new SerializationException(
                        "Cannot get a schema id for subject " + subject + ": " + e.getMessage(), e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(GenericContainer record) {
        // Specific classes carry their own SpecificData with the logical-type conversions (Instant etc.).
        if (record instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(record.getSchema(), SpecificData.getForClass(record.getClass()));
        }
        return (DatumWriter<Object>) (DatumWriter<?>) new GenericDatumWriter<>(record.getSchema());
    }

    /** A reusable output buffer with the encoder bound to it. */
    private static final class WireBuffer extends ByteArrayOutputStream {
        BinaryEncoder encoder;

        WireBuffer() {
            super(1024);
        }
    }

    @Override
    public void close() {
        if (ownsRegistry) {
            registry.close();
        }
    }
}
