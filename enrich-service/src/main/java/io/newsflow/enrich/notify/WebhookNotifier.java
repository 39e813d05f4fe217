package io.newsflow.enrich.notify;

import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.DeadLetter;
import io.newsflow.enrich.errors.DeadLetterExceptionHandler;
import io.newsflow.platform.stack.Stack;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.DeadLetters;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs every burst alert of news.alerts.bursts to a webhook as JSON ({@link WebhookPayload}), in its
 * own thread until closed.
 *
 * <p>At-least-once: an alert's offset is committed only after the webhook accepted it or its dead
 * letter was written, so a crash or restart sends the alerts in flight again rather than losing them;
 * receivers may see an alert twice. 5xx, 408, 429 and I/O errors are retried with exponential backoff
 * and Retry-After ({@link WebhookSettings}) for as long as they last, in order: the partitions are
 * paused and polled meanwhile, so the notifier keeps its group. Any other status is permanent: a
 * {@link DeadLetter} with stage {@value #STAGE} goes to news.dlq (resent by {@link DeadLetterResender})
 * and the notifier goes on with the next alert. The URL is only ever logged redacted ({@link RedactedUrl}).
 */
public final class WebhookNotifier implements AutoCloseable {
    public static final String STAGE = "notify.webhook";
    public static final String DESERIALIZE_STAGE = "notify.deserialize";
    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);
    /** How often a paused consumer polls while waiting: far inside any sane max.poll.interval.ms. */
    private static final Duration POLL_EVERY = Duration.ofMillis(500);

    private final WebhookSettings settings;
    private final String redactedUrl;
    private final WebhookClient webhook;
    private final SchemaRegistryClient registry;
    private final Deserializer<BurstAlert> alerts;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, DeadLetter> deadLetters;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private WebhookNotifier(Stack stack, WebhookSettings settings) {
        this.settings = settings;
        this.redactedUrl = RedactedUrl.of(settings.url());
        this.webhook = new WebhookClient(settings);
        this.registry = stack.registryClient();
        Topics topics = new Topics(registry, stack.registryProperties());
        this.alerts = topics.bursts.valueSerde().deserializer();

        Map<String, Object> consumerProps = new HashMap<>(stack.kafkaClientProperties());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Retries poll while they wait; a few alerts per poll keep a batch of slow but successful POSTs short.
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());

        Map<String, Object> producerProps = new HashMap<>(stack.kafkaClientProperties());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.deadLetters = new KafkaProducer<>(
                producerProps,
                new StringSerializer(),
                topics.deadLetters.valueSerde().serializer());
        this.thread = new Thread(this::run, "newsflow-notify-webhook");
    }

    public static WebhookNotifier start(Stack stack, WebhookSettings settings) {
        WebhookNotifier notifier = new WebhookNotifier(stack, settings);
        notifier.thread.start();
        return notifier;
    }

    /** Blocks until the notifier stops; true when it was closed, false when it failed (the error is logged). */
    public boolean awaitStopped() throws InterruptedException {
        thread.join();
        return failure == null;
    }

    /** The redacted URL, what logs and messages may show. */
    public String destination() {
        return redactedUrl;
    }

    private void run() {
        log.info("Notifier posting {} to webhook {} (group {})", Topics.BURSTS_NAME, redactedUrl, settings.groupId());
        try {
            consumer.subscribe(List.of(Topics.BURSTS_NAME));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    // A partition lost in a rebalance goes on at its new owner, from the last commit.
                    if (consumer.assignment().contains(new TopicPartition(record.topic(), record.partition()))) {
                        handle(record);
                        commit(record);
                    }
                }
            }
        } catch (WakeupException | InterruptException | InterruptedException e) {
            // Stopped: whatever was not committed is sent again by the next run.
        } catch (RuntimeException | Error e) {
            failure = e;
            log.error("Notifier stopped: {}", RedactedUrl.scrub(e.getMessage(), settings.url()), e);
        } finally {
            consumer.close();
            deadLetters.close();
            registry.close();
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        BurstAlert alert;
        try {
            alert = alerts.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            if (DeadLetterExceptionHandler.isOutage(e)) {
                throw e;
            }
            deadLetter(
                    record,
                    DESERIALIZE_STAGE,
                    "Cannot decode the alert: " + e.getMessage(),
                    e.getClass().getName());
            return;
        }
        Optional<String> problem = deliver(alert);
        consumer.resume(consumer.paused());
        if (problem.isEmpty()) {
            log.info("Sent burst alert \"{}\" ({}) to {}", alert.getKeyword(), sourceId(record), redactedUrl);
        } else {
            deadLetter(record, STAGE, problem.get(), null);
        }
    }

    /**
     * Posts the alert until the webhook accepts or rejects it: empty when accepted, else why it was
     * rejected. Retriable failures are retried for as long as they last; meanwhile the partitions are
     * paused and poll() keeps being called, so the consumer stays in its group (max.poll.interval.ms)
     * without fetching anything.
     */
    private Optional<String> deliver(BurstAlert alert) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            WebhookClient.Outcome outcome = awaitPolling(webhook.postAsync(alert));
            switch (outcome.result()) {
                case DELIVERED:
                    return Optional.empty();
                case REJECTED:
                    return Optional.of(outcome.problem() + ", not retried");
                default:
                    Duration wait = settings.retryWait(attempt, outcome.retryAfter());
                    log.warn(
                            "Burst alert \"{}\": attempt {} failed: {}; retrying in {} ms (partitions paused)",
                            alert.getKeyword(),
                            attempt,
                            outcome.problem(),
                            wait.toMillis());
                    pollPaused(wait);
            }
        }
    }

    /** Waits for the POST, polling (paused) every {@link #POLL_EVERY} while it takes long. */
    private WebhookClient.Outcome awaitPolling(CompletableFuture<WebhookClient.Outcome> post)
            throws InterruptedException {
        while (true) {
            try {
                return post.get(POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                pollPaused(Duration.ZERO);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause()); // postAsync turns every failure into an Outcome
            }
        }
    }

    /**
     * Calls poll() with every assigned partition paused until {@code wait} passed (at least once), so the
     * wait counts as progress for max.poll.interval.ms; close() wakes it.
     */
    private void pollPaused(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            if (!running) {
                throw new WakeupException(); // closed mid-retry: the alert stays uncommitted and is sent next run
            }
            consumer.pause(consumer.assignment()); // again each time: a rebalance may have assigned new partitions
            long left = Math.max(0, Math.min(deadline - System.nanoTime(), POLL_EVERY.toNanos()));
            rewind(consumer.poll(Duration.ofNanos(left)));
        } while (System.nanoTime() < deadline);
    }

    /**
     * Records a paused poll still returned (from partitions assigned during this very poll) are not
     * handled now: seek back so the main loop fetches them again, in order.
     */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String stage, String reason, String errorClass)
            throws InterruptedException {
        byte[] original = record.value();
        long size = original == null ? 0 : original.length;
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceId(sourceId(record))
                .setStage(stage)
                .setReason(DeadLetters.reason(reason, size))
                .setErrorClass(errorClass)
                .setTopic(record.topic())
                .setPartition(record.partition())
                .setOffset(record.offset())
                .setOriginal(DeadLetters.original(original))
                .setOriginalSize(size)
                .setTruncated(DeadLetters.truncated(size))
                .setFailedAt(Instant.now())
                .build();
        try {
            // Written before the offset is committed, so a failed alert is either re-sent or dead-lettered.
            deadLetters
                    .send(new ProducerRecord<>(Topics.DLQ_NAME, letter.getSourceId(), letter))
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot write the dead letter of " + letter.getSourceId() + " to " + Topics.DLQ_NAME + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
        log.warn("Dead-lettered {} at stage {}: {}", letter.getSourceId(), stage, reason);
    }

    private void commit(ConsumerRecord<String, byte[]> record) {
        try {
            consumer.commitSync(Map.of(
                    new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1)));
        } catch (CommitFailedException e) {
            // The partition moved to another instance, which starts from the last commit: a duplicate, never a loss.
            log.warn("Offset of {} not committed ({}); the alert may be sent again", sourceId(record), e.getMessage());
        }
    }

    private static String sourceId(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /**
     * Stops after the POST in flight (bounded by the request timeout); an alert waiting for a retry is
     * left uncommitted and sent again by the next run. Not interrupting the thread lets the Kafka
     * clients close cleanly.
     */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
