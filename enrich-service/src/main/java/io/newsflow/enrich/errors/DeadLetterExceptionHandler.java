package io.newsflow.enrich.errors;

import io.newsflow.avro.DeadLetter;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.registry.SchemaRegistryException;
import io.newsflow.schemas.DeadLetters;
import io.newsflow.schemas.Topics;
import io.newsflow.serde.AvroSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sends whatever enrich-service cannot deserialize, process or produce to news.dlq as a
 * {@link DeadLetter} (where it came from, the stage, the reason, the original bytes up to
 * {@link DeadLetters#ORIGINAL_CAP}, so the dead letter of the largest record still fits in a record), and
 * lets the app go on. Kafka Streams writes the dead letter in the same transaction as the input
 * offsets (KIP-1034), so it is neither lost nor doubled.
 *
 * <p>Transient failures are not the record's fault and are not dead-lettered: an unreachable Schema
 * Registry fails the task, which restarts and retries the record.
 */
public final class DeadLetterExceptionHandler
        implements DeserializationExceptionHandler, ProcessingExceptionHandler, ProductionExceptionHandler {
    /** Optional: a {@link SchemaRegistryClient} instance to share, instead of one built from schema.registry.url. */
    public static final String REGISTRY_CLIENT = "newsflow.registry.client";
    /** Optional: the {@link DeadLetterCounts} of the service, to count what this handler dead-letters. */
    public static final String COUNTS = "newsflow.dead.letter.counts";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);

    private AvroSerializer<DeadLetter> serializer;
    private DeadLetterCounts counts;

    @Override
    public void configure(Map<String, ?> configs) {
        Object shared = configs.get(REGISTRY_CLIENT);
        serializer =
                shared instanceof SchemaRegistryClient client ? new AvroSerializer<>(client) : new AvroSerializer<>();
        serializer.configure(configs, false);
        counts = configs.get(COUNTS) instanceof DeadLetterCounts service ? service : null;
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (isOutage(exception)) {
            return DeserializationExceptionHandler.Response.fail();
        }
        return DeserializationExceptionHandler.Response.resume(
                deadLetter(context, DeadLetterKind.DESERIALIZATION, record.value(), exception));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(
            ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (isOutage(exception)) {
            return ProcessingExceptionHandler.Response.fail();
        }
        return ProcessingExceptionHandler.Response.resume(
                deadLetter(context, DeadLetterKind.PROCESSING, context.sourceRawValue(), exception));
    }

    @Override
    public ProductionExceptionHandler.Response handleError(
            ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        return ProductionExceptionHandler.Response.resume(
                deadLetter(context, DeadLetterKind.PRODUCTION, record.value(), exception));
    }

    @Override
    public ProductionExceptionHandler.Response handleSerializationError(
            ErrorHandlerContext context,
            ProducerRecord record,
            Exception exception,
            SerializationExceptionOrigin origin) {
        if (isOutage(exception)) {
            return ProductionExceptionHandler.Response.fail();
        }
        return ProductionExceptionHandler.Response.resume(
                deadLetter(context, DeadLetterKind.SERIALIZATION, context.sourceRawValue(), exception));
    }

    private List<ProducerRecord<byte[], byte[]>> deadLetter(
            ErrorHandlerContext context, DeadLetterKind kind, byte[] original, Exception exception) {
        String stage = kind.stage();
        String sourceId = context.topic() + "-" + context.partition() + "@" + context.offset();
        long size = original == null ? 0 : original.length;
        String reason = DeadLetters.reason(
                exception.getMessage() == null ? exception.toString() : exception.getMessage(), size);
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceId(sourceId)
                .setStage(stage)
                .setReason(reason)
                .setErrorClass(exception.getClass().getName())
                .setTopic(context.topic())
                .setPartition(context.partition())
                .setOffset(context.offset())
                .setOriginal(DeadLetters.original(original))
                .setOriginalSize(size)
                .setTruncated(DeadLetters.truncated(size))
                .setFailedAt(Instant.now())
                .build();
        log.warn("Dead-lettered {} at stage {}: {}", sourceId, stage, reason);
        if (counts != null) {
            counts.record(kind);
        }
        return List.of(new ProducerRecord<>(
                Topics.DLQ_NAME,
                null,
                sourceId.getBytes(StandardCharsets.UTF_8),
                serializer.serialize(Topics.DLQ_NAME, letter)));
    }

    /** A registry that cannot be reached is an outage, not a bad record. */
    public static boolean isOutage(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException e && e.retriable()) {
                return true;
            }
        }
        return false;
    }
}
