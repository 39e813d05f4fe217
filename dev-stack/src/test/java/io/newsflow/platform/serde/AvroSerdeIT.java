package io.newsflow.platform.serde;

import io.newsflow.avro.Article;
import io.newsflow.avro.Origin;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import io.newsflow.serde.AvroDeserializer;
import io.newsflow.serde.WireFormat;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Records written by our serde read back byte-exact in Confluent wire format, specific and generic. */
@ExtendWith(KafkaStackExtension.class)
class AvroSerdeIT {

    @Test
    void articleRoundTripsThroughARealTopic(TestStack stack) {
        String topic = TestStack.unique("serde-articles");
        TopicSetup.ensure(stack.config(), List.of(topic), 2, (short) 1);
        Article article = Article.newBuilder()
                .setId("0123456789abcdef0123456789abcdef")
                .setTitle("Croatia, China sign action plan for cooperation in agriculture")
                .setParagraphs(List.of(
                        "The Croatian and Chinese ministries of agriculture on Friday signed an action plan.",
                        "Zagreb — Загреб — 萨格勒布"))
                .setOrigin(Origin.newBuilder()
                        .setDumpId("d1")
                        .setPosition(0)
                        .setSource("example.hr")
                        .setUrl("https://example.hr/news/1")
                        .setCapturedAt(Instant.parse("2017-04-07T10:15:30.123Z"))
                        .setPublishedAt(null)
                        .setParserVersion("1")
                        .build())
                .build();

        try (SchemaRegistryClient registry = stack.registryClient()) {
            Topics topics = new Topics(registry, stack.registryProperties());
            try (KafkaProducer<String, Article> producer = new KafkaProducer<>(
                    stack.kafkaClientProperties(),
                    topics.articles.keySerde().serializer(),
                    topics.articles.valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(topic, article.getId(), article));
            }

            ConsumerRecord<String, byte[]> raw = readOne(stack, topic);
            byte[] bytes = raw.value();
            assertEquals(0, bytes[0], "magic byte");
            int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
            assertEquals(registry.latest(topic + "-value").id(), id, "big-endian schema id of <topic>-value");
            assertEquals(id, WireFormat.schemaId(bytes));

            Article back = topics.articles.valueSerde().deserializer().deserialize(topic, bytes);
            assertEquals(article, back);

            try (AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>()) {
                generic.configure(stack.registryProperties(), false);
                GenericRecord record = generic.deserialize(topic, bytes);
                assertEquals(article.getTitle(), record.get("title").toString());
                assertEquals(
                        article.getOrigin().getCapturedAt().toEpochMilli(),
                        ((GenericRecord) record.get("origin")).get("capturedAt"));
            }
        }
    }

    private static ConsumerRecord<String, byte[]> readOne(TestStack stack, String topic) {
        Map<String, Object> props = new HashMap<>(stack.kafkaClientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertEquals(1, records.size());
        return records.get(0);
    }
}
