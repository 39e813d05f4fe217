package io.newsflow.cli;

import io.newsflow.platform.alerts.AlertText;
import io.newsflow.platform.consume.CommittedReader;
import io.newsflow.platform.stack.Stack;
import io.newsflow.serde.AvroDeserializer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Prints the records of any topic in Confluent wire format as JSON lines, decoded with the writer
 * schema from the registry (generic records), so it works for topics Newsflow did not write too.
 */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description =
                "Print records of a topic decoded from Avro as JSON lines: {\"topic\",\"partition\",\"offset\",\"timestamp\",\"key\",\"value\"}.")
public final class TailCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "Topic to read, e.g. news.enriched.briefs.")
    String topic;

    @Option(
            names = "--from",
            paramLabel = "WHERE",
            defaultValue = "beginning",
            description =
                    "beginning, end, an ISO-8601 time (e.g. 2017-04-07T10:00:00Z) or an offset in every partition. Default: ${DEFAULT-VALUE}.")
    String from;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N records.")
    Long limit;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep waiting for new records (Ctrl-C to stop).")
    boolean follow;

    @Option(
            names = "--tag",
            paramLabel = "TAG",
            description = "Only enriched items with this topic (slug or label) or keyword.")
    String tag;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "Only enriched items about this country code, country, UN M49 subregion or continent "
                    + "(their regions; countries they only mention in passing do not count).")
    String region;

    @Option(
            names = "--text",
            description =
                    "Print burst alerts (news.alerts.bursts) as one readable line each instead of JSON; other records stay JSON.")
    boolean text;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Stack stack = Stack.resolve(cluster.config());
                AvroDeserializer<Object> values = new AvroDeserializer<>()) {
            values.configure(stack.registryProperties(), false);
            try (CommittedReader<String, byte[]> reader = open(stack)) {
                if (reader == null) {
                    return 1;
                }
                seek(reader);
                Map<TopicPartition, Long> end = reader.endOffsets();
                long printed = 0;
                while (true) {
                    for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                        Object value = decode(record, values);
                        if (!EnrichmentFilter.matches(value, tag, region)) {
                            continue;
                        }
                        out.println(
                                text && AlertText.isAlert(value)
                                        ? AlertText.line((GenericRecord) value)
                                        : line(record, value));
                        if (limit != null && ++printed >= limit) {
                            return 0;
                        }
                    }
                    if (!follow && reader.reached(end)) {
                        return 0;
                    }
                }
            }
        }
    }

    /** The reader on every partition of the topic, or null (said on stderr) when there is no such topic. */
    private CommittedReader<String, byte[]> open(Stack stack) {
        try {
            return new CommittedReader<>(
                    stack.kafkaClientProperties(),
                    "newsflow-tail",
                    List.of(topic),
                    new StringDeserializer(),
                    new ByteArrayDeserializer());
        } catch (UnknownTopicOrPartitionException e) {
            System.err.println(e.getMessage());
            return null;
        }
    }

    private void seek(CommittedReader<String, byte[]> reader) {
        switch (from) {
            case "beginning" -> reader.fromBeginning();
            case "end" -> reader.fromEnd();
            default -> {
                if (from.matches("\\d+")) {
                    reader.fromOffset(Long.parseLong(from));
                } else {
                    reader.fromTime(Instant.parse(from));
                }
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
                + ", \"offset\": " + record.offset() + ", \"timestamp\": "
                + GenericData.get()
                        .toString(Instant.ofEpochMilli(record.timestamp()).toString())
                + ", \"key\": "
                + (record.key() == null ? "null" : GenericData.get().toString(record.key()))
                + ", \"value\": " + value + "}";
    }
}
