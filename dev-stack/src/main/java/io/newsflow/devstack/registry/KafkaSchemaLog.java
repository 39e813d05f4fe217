package io.newsflow.devstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.registry.CompatibilityLevel;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The registry's durable log: the compacted topic {@code _schemas}, with keys and values in the JSON
 * layout Confluent Schema Registry itself uses, so the topic stays readable by Confluent's tools.
 */
final class KafkaSchemaLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaLog.class);
    static final String TOPIC = "_schemas";
    private static final ObjectMapper json = new ObjectMapper();
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;

    KafkaSchemaLog(Map<String, Object> clientConfig) {
        ensureTopic(clientConfig);
        Map<String, Object> producerConfig = new HashMap<>(clientConfig);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-schema-registry");
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-schema-registry-reader");
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
        consumer.assign(List.of(PARTITION));
        consumer.seekToBeginning(List.of(PARTITION));
    }

    private static void ensureTopic(Map<String, Object> clientConfig) {
        try (Admin admin = Admin.create(clientConfig)) {
            NewTopic topic = new NewTopic(TOPIC, 1, (short) -1).configs(Map.of("cleanup.policy", "compact"));
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the schema topic " + TOPIC + ": " + e.getCause(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the schema topic " + TOPIC + ": " + e, e);
        }
    }

    /** Reads every change written since the last call (all of them on the first) up to the log end. */
    void catchUp(Consumer<SchemaStore.Change> apply) {
        long end =
                consumer.endOffsets(List.of(PARTITION), Duration.ofSeconds(30)).get(PARTITION);
        while (consumer.position(PARTITION, Duration.ofSeconds(30)) < end) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                SchemaStore.Change change = decode(record.key(), record.value());
                if (change != null) {
                    apply.accept(change);
                }
            }
        }
    }

    void append(SchemaStore.Change change) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, 0, key(change), value(change)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write to the schema topic " + TOPIC + ": " + e, e);
        }
    }

    private static String key(SchemaStore.Change change) {
        ObjectNode key = json.createObjectNode();
        if (change instanceof SchemaStore.NewVersion v) {
            key.put("keytype", "SCHEMA")
                    .put("subject", v.subject())
                    .put("version", v.version())
                    .put("magic", 1);
        } else if (change instanceof SchemaStore.SoftDeletedVersion d) {
            key.put("keytype", "SCHEMA")
                    .put("subject", d.subject())
                    .put("version", d.version())
                    .put("magic", 1);
        } else if (change instanceof SchemaStore.RemovedVersion r) {
            key.put("keytype", "SCHEMA")
                    .put("subject", r.subject())
                    .put("version", r.version())
                    .put("magic", 1);
        } else if (change instanceof SchemaStore.NewConfig c) {
            key.put("keytype", "CONFIG").put("subject", c.subject()).put("magic", 0);
        }
        return key.toString();
    }

    /** The record's value; null (a tombstone) for a permanent deletion, as Confluent's registry writes it. */
    private static String value(SchemaStore.Change change) {
        ObjectNode value = json.createObjectNode();
        if (change instanceof SchemaStore.RemovedVersion) {
            return null;
        }
        if (change instanceof SchemaStore.NewVersion v) {
            value.put("subject", v.subject())
                    .put("version", v.version())
                    .put("id", v.id())
                    .put("schema", v.schema())
                    .put("deleted", false);
        } else if (change instanceof SchemaStore.SoftDeletedVersion d) {
            value.put("subject", d.subject())
                    .put("version", d.version())
                    .put("id", d.id())
                    .put("schema", d.schema())
                    .put("deleted", true);
        } else if (change instanceof SchemaStore.NewConfig c) {
            value.put("compatibilityLevel", c.level().name());
        }
        return value.toString();
    }

    /** Records of other kinds (NOOP, MODE, DELETE_SUBJECT, ...) written by Confluent's registry are skipped. */
    private static SchemaStore.Change decode(String keyText, String valueText) {
        if (keyText == null) {
            return null;
        }
        try {
            JsonNode key = json.readTree(keyText);
            String type = key.path("keytype").asText();
            if (valueText == null) {
                return "SCHEMA".equals(type)
                        ? new SchemaStore.RemovedVersion(
                                key.get("subject").asText(), key.get("version").asInt())
                        : null;
            }
            JsonNode value = json.readTree(valueText);
            if ("SCHEMA".equals(type) && "AVRO".equals(value.path("schemaType").asText("AVRO"))) {
                String subject = value.get("subject").asText();
                int version = value.get("version").asInt();
                int id = value.get("id").asInt();
                String schema = SchemaStore.canonical(value.get("schema").asText());
                return value.path("deleted").asBoolean(false)
                        ? new SchemaStore.SoftDeletedVersion(subject, version, id, schema)
                        : new SchemaStore.NewVersion(subject, version, id, schema);
            }
            if ("CONFIG".equals(type) && value.hasNonNull("compatibilityLevel")) {
                String subject = key.hasNonNull("subject") ? key.get("subject").asText() : null;
                return new SchemaStore.NewConfig(
                        subject,
                        CompatibilityLevel.parse(value.get("compatibilityLevel").asText()));
            }
            return null;
        } catch (IOException | RuntimeException e) {
            // One bad record (another writer's bug, a hand-made one) must not stop every later start.
            log.warn("Skipping an unreadable record in {} (key {}): {}", TOPIC, abbreviate(keyText), e.toString());
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }
}
