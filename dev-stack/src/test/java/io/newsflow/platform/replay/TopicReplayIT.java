package io.newsflow.platform.replay;

import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.platform.testing.TopicReader;
import io.newsflow.schemas.Headers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(KafkaStackExtension.class)
class TopicReplayIT {
    private static final Instant T0 = Instant.parse("2017-04-07T10:00:00Z");

    @Test
    void copiesExactlyTheTimeRangeWithKeysHeadersAndTimestampsAndNothingTwiceWhenRunAgain(TestStack stack) {
        String source = TestStack.unique("replay-source");
        String target = TestStack.unique("replay-target");
        TopicSetup.ensure(stack.config(), List.of(source, target), 3, (short) 1);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(stack.kafkaClientProperties(), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 30; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(Headers.SOURCE, ("site-" + i).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(
                        source, i % 3, T0.plusSeconds(60L * i).toEpochMilli(), "k" + i, "v" + i, headers));
            }
        }
        TopicReplay replay = new TopicReplay(stack.kafkaClientProperties());
        Instant from = T0.plusSeconds(60L * 10);
        Instant to = T0.plusSeconds(60L * 20);

        assertEquals(10, replay.copy(source, from, to, target, n -> {}));
        assertEquals(
                0, replay.copy(source, from, to, target, n -> {}), "a second run resumes after the end: nothing twice");

        List<ConsumerRecord<String, String>> copied =
                TopicReader.readAll(stack, target, new StringDeserializer(), new StringDeserializer());
        assertEquals(10, copied.size());
        for (ConsumerRecord<String, String> record : copied) {
            int i = Integer.parseInt(record.key().substring(1));
            assertEquals("v" + i, record.value());
            assertEquals(T0.plusSeconds(60L * i).toEpochMilli(), record.timestamp());
            assertEquals(i % 3, record.partition());
            assertEquals(
                    "site-" + i,
                    new String(record.headers().lastHeader(Headers.SOURCE).value(), StandardCharsets.UTF_8));
        }
    }

    /**
     * Event times out of offset order (late dumps, backfills) in one partition: exactly the records in
     * [from, to) are copied, wherever they sit. Offsets found with offsetsForTimes for both ends
     * ([first at or after `from`, first at or after `to`)) would copy m20 alone.
     */
    @Test
    void copiesExactlyTheRecordsInTheRangeWhenTimestampsAreNotInOffsetOrder(TestStack stack) {
        String source = TestStack.unique("replay-interleaved");
        String target = TestStack.unique("replay-interleaved-target");
        TopicSetup.ensure(stack.config(), List.of(source, target), 1, (short) 1);
        long[] minutes = {5, 20, 40, 2, 15, 30, 12, -60 * 24 * 365 * 9, 11, 25};
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(stack.kafkaClientProperties(), new StringSerializer(), new StringSerializer())) {
            for (long m : minutes) {
                producer.send(
                        new ProducerRecord<>(source, 0, T0.plusSeconds(60 * m).toEpochMilli(), "m" + m, "v" + m));
            }
        }
        Instant from = T0.plusSeconds(60 * 10);
        Instant to = T0.plusSeconds(60 * 25);
        assertEquals(4, new TopicReplay(stack.kafkaClientProperties()).copy(source, from, to, target, n -> {}));
        List<String> copied =
                TopicReader.readAll(stack, target, new StringDeserializer(), new StringDeserializer()).stream()
                        .map(ConsumerRecord::key)
                        .toList();
        assertEquals(List.of("m20", "m15", "m12", "m11"), copied);
    }
}
