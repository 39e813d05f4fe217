package io.newsflow.platform.stack;

import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.registry.RegistryClientConfig;
import io.newsflow.registry.RestSchemaRegistryClient;
import io.newsflow.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping and starting the embedded stack keeps topics, records and registered schemas. */
class EmbeddedStackRestartIT {

    @Test
    void restartKeepsTopicsDataAndSchemas(@TempDir Path dataDir) {
        Map<String, String> flags = new HashMap<>();
        flags.put(NewsflowConfig.DATA_DIR, dataDir.toString());
        flags.put(NewsflowConfig.KAFKA_PORT, String.valueOf(KafkaStackExtension.freePort()));
        flags.put(NewsflowConfig.CONTROLLER_PORT, String.valueOf(KafkaStackExtension.freePort()));
        flags.put(NewsflowConfig.REGISTRY_PORT, String.valueOf(KafkaStackExtension.freePort()));
        NewsflowConfig config = NewsflowConfig.load(flags, null, Map.of());
        Schema schema = SchemaBuilder.record("Kept")
                .namespace("test.restart")
                .fields()
                .requiredString("id")
                .endRecord();

        int schemaId;
        try (Stack stack = Stack.startEmbedded(config, true);
                SchemaRegistryClient registry = stack.registryClient()) {
            TopicSetup.ensure(stack.config(), List.of("kept"), 3, (short) 1);
            schemaId = registry.register("kept-value", schema);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    stack.kafkaClientProperties(), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>("kept", "k" + i, "v" + i));
                }
            }
        }

        try (Stack stack = Stack.startEmbedded(config, true);
                SchemaRegistryClient registry =
                        new RestSchemaRegistryClient(RegistryClientConfig.of(stack.registryUrl()))) {
            assertEquals(schemaId, registry.latest("kept-value").id());
            assertEquals(schema, registry.schemaById(schemaId));
            assertTrue(
                    TopicSetup.ensure(stack.config(), List.of("kept"), 3, (short) 1)
                            .isEmpty(),
                    "the topic survived the restart");
            assertEquals(10, readAll(stack, "kept").size());
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(Stack stack, String topic) {
        Map<String, Object> props = new HashMap<>(stack.kafkaClientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-check");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.size() < 10 && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
