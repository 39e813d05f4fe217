package io.newsflow.cli;

import io.newsflow.platform.alerts.AlertText;
import io.newsflow.platform.stack.Stack;
import io.newsflow.serde.AvroDeserializer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Prints the records of any topic in Confluent wire format as JSON lines, decoded with the writer
 * schema from the registry (generic records), so it works for topics Newsflow did not write too.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print records of a topic decoded from Avro as JSON lines: {\"topic\",\"partition\",\"offset\",\"timestamp\",\"key\",\"value\"}.")
public final class TailCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "Topic to read, e.g. news.enriched.briefs.")
    String topic;

    @Option(names = "--from", paramLabel = "WHERE", defaultValue = "beginning",
            description = "beginning, end, an ISO-8601 time (e.g. 2017-04-07T10:00:00Z) or an offset in every partition. Default: ${DEFAULT-VALUE}.")
    String from;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N records.")
    Long limit;

    @Option(names = {"-f", "--follow"}, description = "Keep waiting for new records (Ctrl-C to stop).")
    boolean follow;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only enriched items with this topic (slug or label) or keyword.")
    String tag;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Only enriched items about this country code, country, UN M49 subregion or continent "
                    + "(their regions; countries they only mention in passing do not count).")
    String region;

    @Option(names = "--text",
            description = "Print burst alerts (news.alerts.bursts) as one readable line each instead of JSON; other records stay JSON.")
    boolean text;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Stack stack = Stack.resolve(cluster.config());
             AvroDeserializer<Object> values = new AvroDeserializer<>()) {
            values.configure(stack.registryProperties(), false);
            Map<String, Object> props = new HashMap<>(stack.kafkaClientProperties());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-tail");
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos == null || infos.isEmpty()) {
                    System.err.println("No such topic: " + topic);
                    return 1;
                }
                List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                seek(consumer, partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long printed = 0;
                while (true) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        Object value = decode(record, values);
                        if (!EnrichmentFilter.matches(value, tag, region)) {
                            continue;
                        }
                        out.println(text && AlertText.isAlert(value) ? AlertText.line((GenericRecord) value) : line(record, value));
                        if (limit != null && ++printed >= limit) {
                            return 0;
                        }
                    }
                    if (!follow && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                        return 0;
                    }
                }
            }
        }
    }

    private void seek(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        switch (from) {
            case "beginning" -> consumer.seekToBeginning(partitions);
            case "end" -> consumer.seekToEnd(partitions);
            default -> {
                if (from.matches("\\d+")) {
                    partitions.forEach(p -> consumer.seek(p, Long.parseLong(from)));
                    return;
                }
                long time = Instant.parse(from).toEpochMilli();
                Map<TopicPartition, Long> query = new HashMap<>();
                partitions.forEach(p -> query.put(p, time));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                partitions.forEach(p -> consumer.seek(p, found.get(p) == null ? ends.get(p) : found.get(p).offset()));
            }
        }
    }

    /** The decoded value, or a string saying why it could not be decoded (it is still printed). */
    private static Object decode(ConsumerRecord<String, byte[]> record, AvroDeserializer<Object> values) {
        try {
            return values.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return "undecodable: " + e.getMessage();
        }
    }

    private static String line(ConsumerRecord<String, byte[]> record, Object decoded) {
        String value = decoded == null ? "null" : GenericData.get().toString(decoded);
        return "{\"topic\": " + GenericData.get().toString(record.topic()) + ", \"partition\": " + record.partition()
                + ", \"offset\": " + record.offset() + ", \"timestamp\": " + GenericData.get().toString(Instant.ofEpochMilli(record.timestamp()).toString())
                + ", \"key\": " + (record.key() == null ? "null" : GenericData.get().toString(record.key()))
                + ", \"value\": " + value + "}";
    }
}
