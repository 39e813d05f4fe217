package io.newsflow.examples;

import io.newsflow.avro.EnrichedBrief;
import io.newsflow.registry.RegistryClientConfig;
import io.newsflow.registry.RestSchemaRegistryClient;
import io.newsflow.serde.AvroDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * How a Java service subscribes to a Newsflow topic: the {@code schemas} jar for the Avro classes and
 * the serde, read_committed because Newsflow writes in transactions. Kept here so the build compiles
 * and tests it (SubscriberExampleIT); docs/contract.md points to it.
 *
 * <pre>
 *   java -cp ... io.newsflow.examples.SubscriberExample 127.0.0.1:9092 http://127.0.0.1:8081
 * </pre>
 */
public final class SubscriberExample {
    private SubscriberExample() {}

    public static void main(String[] args) {
        consume(
                args[0],
                args[1],
                "news.enriched.briefs",
                "my-desk",
                EnrichedBrief.class,
                (ConsumerRecord<String, EnrichedBrief> r) ->
                        System.out.println(r.value().getBrief().getHeadline() + " "
                                + r.value().getEnrichment().getPrimaryCountry()),
                Long.MAX_VALUE);
    }

    /** Polls {@code topic} as group {@code group} until {@code max} records were handled. */
    public static <V extends SpecificRecord> long consume(
            String bootstrapServers,
            String registryUrl,
            String topic,
            String group,
            Class<V> type,
            Consumer<ConsumerRecord<String, V>> handler,
            long max) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        AvroDeserializer<V> values =
                new AvroDeserializer<>(new RestSchemaRegistryClient(RegistryClientConfig.of(registryUrl)), type);
        long handled = 0;
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            while (handled < max) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                    handler.accept(record);
                    handled++;
                }
            }
        }
        return handled;
    }
}
