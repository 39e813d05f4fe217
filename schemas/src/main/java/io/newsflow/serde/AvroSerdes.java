package io.newsflow.serde;

import io.newsflow.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.Map;

/** Serdes over one shared registry client, so every topic of a process shares one schema cache. */
public final class AvroSerdes {
    private AvroSerdes() {}

    public static <T extends SpecificRecord> Serde<T> specific(
            SchemaRegistryClient registry, Class<T> type, Map<String, ?> config) {
        AvroSerializer<T> serializer = new AvroSerializer<>(registry);
        AvroDeserializer<T> deserializer = new AvroDeserializer<>(registry, type);
        serializer.configure(config, false);
        deserializer.configure(config, false);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
