package io.newsflow.enrich.errors;

import io.newsflow.avro.DeadLetter;
import io.newsflow.platform.testing.InMemorySchemaRegistryClient;
import io.newsflow.registry.SchemaRegistryException;
import io.newsflow.schemas.DeadLetters;
import io.newsflow.schemas.Topics;
import io.newsflow.serde.AvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadLetterExceptionHandlerTest {
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    private DeadLetterExceptionHandler handler() {
        DeadLetterExceptionHandler handler = new DeadLetterExceptionHandler();
        handler.configure(Map.of(
                DeadLetterExceptionHandler.REGISTRY_CLIENT, registry, "schema.registry.url", "http://unused.invalid"));
        return handler;
    }

    @Test
    void badRecordBecomesADeadLetterWithItsOriginAndReason() {
        byte[] original = "not avro".getBytes(StandardCharsets.UTF_8);
        DeserializationExceptionHandler.Response response = handler()
                .handleError(
                        context(original),
                        new ConsumerRecord<>("news.briefs", 3, 42L, new byte[0], original),
                        new SerializationException(
                                "Not in Confluent wire format: unknown magic byte 0x6e (expected 0x00)"));
        assertEquals(DeserializationExceptionHandler.Result.RESUME, response.result());
        ProducerRecord<byte[], byte[]> record =
                response.deadLetterQueueRecords().get(0);
        assertEquals(Topics.DLQ_NAME, record.topic());
        assertEquals("news.briefs-3@42", new String(record.key(), StandardCharsets.UTF_8));
        DeadLetter letter = new AvroDeserializer<DeadLetter>(registry, DeadLetter.class)
                .deserialize(Topics.DLQ_NAME, record.value());
        assertEquals("enrich.deserialize", letter.getStage());
        assertEquals(3, letter.getPartition());
        assertEquals(42L, letter.getOffset());
        assertTrue(letter.getReason().contains("magic byte"));
        assertEquals(
                "not avro", StandardCharsets.UTF_8.decode(letter.getOriginal()).toString());
    }

    /** The largest record a broker takes by default (1 MiB) must give a dead letter that still fits in one. */
    @Test
    void originalBytesAreCappedWellUnderTheRecordLimitAndMarkedTruncated() {
        byte[] huge = new byte[1 << 20];
        Arrays.fill(huge, (byte) 'x');
        DeserializationExceptionHandler.Response response = handler()
                .handleError(
                        context(huge),
                        new ConsumerRecord<>("news.briefs", 3, 42L, new byte[0], huge),
                        new SerializationException("too odd " + "?".repeat(100_000)));
        byte[] value = response.deadLetterQueueRecords().get(0).value();
        assertTrue(value.length < (1 << 20) - (64 << 10), "a dead letter of " + value.length + " bytes");
        DeadLetter letter =
                new AvroDeserializer<DeadLetter>(registry, DeadLetter.class).deserialize(Topics.DLQ_NAME, value);
        assertTrue(letter.getTruncated());
        assertEquals(huge.length, letter.getOriginalSize());
        assertEquals(DeadLetters.ORIGINAL_CAP, letter.getOriginal().remaining());
        assertTrue(
                letter.getReason().endsWith("(original cut to its first 262144 of 1048576 bytes)"), letter.getReason());
    }

    @Test
    void anUnreachableRegistryIsAnOutageNotABadRecord() {
        byte[] original = {0, 0, 0, 0, 7};
        DeserializationExceptionHandler.Response response = handler()
                .handleError(
                        context(original),
                        new ConsumerRecord<>("news.briefs", 0, 5L, new byte[0], original),
                        new SerializationException(
                                "cannot fetch schema",
                                new SchemaRegistryException("Schema Registry unreachable", null)));
        assertEquals(DeserializationExceptionHandler.Result.FAIL, response.result());
        assertTrue(response.deadLetterQueueRecords().isEmpty());
    }

    private static ErrorHandlerContext context(byte[] value) {
        return new ErrorHandlerContext() {
            public String topic() {
                return "news.briefs";
            }

            public int partition() {
                return 3;
            }

            public long offset() {
                return 42L;
            }

            public Headers headers() {
                return new RecordHeaders();
            }

            public String processorNodeId() {
                return "read-briefs";
            }

            public TaskId taskId() {
                return new TaskId(0, 3);
            }

            public long timestamp() {
                return 0L;
            }

            public byte[] sourceRawKey() {
                return new byte[0];
            }

            public byte[] sourceRawValue() {
                return value;
            }
        };
    }
}
