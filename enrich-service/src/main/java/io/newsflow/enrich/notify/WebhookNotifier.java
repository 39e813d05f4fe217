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

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * POSTs every burst alert of news.alerts.bursts to a webhook as JSON ({@link WebhookPayload}), in its
 * own thread until closed.
 *
 * <p>At-least-once: an alert's offset is committed only after the webhook accepted it or its dead
 * letter was written, so a crash or restart sends the alerts in flight again rather than losing them;
 * receivers may see an alert twice. 5xx, 429 and I/O errors are retried with exponential backoff
 * ({@link WebhookSettings}); any other status, or running out of attempts, is permanent: a
 * {@link DeadLetter} with stage {@value #STAGE} goes to news.dlq and the notifier goes on with the
 * next alert. The URL is only ever logged redacted ({@link RedactedUrl}).
 */
public final class WebhookNotifier implements AutoCloseable {
    public static final String STAGE = "notify.webhook";
    public static final String DESERIALIZE_STAGE = "notify.deserialize";
    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

    private final WebhookSettings settings;
    private final String redactedUrl;
    private final HttpClient http;
    private final SchemaRegistryClient registry;
    private final Deserializer<BurstAlert> alerts;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, DeadLetter> deadLetters;
    private final Thread thread;
    private volatile boolean running = true;
    /** Counted down by close(); backoffs wait on it so a stop does not sit out a retry delay. */
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Throwable failure;

    private WebhookNotifier(Stack stack, WebhookSettings settings) {
        this.settings = settings;
        this.redactedUrl = RedactedUrl.of(settings.url());
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
        this.registry = stack.registryClient();
        Topics topics = new Topics(registry, stack.registryProperties());
        this.alerts = topics.bursts.valueSerde().deserializer();

        Map<String, Object> consumerProps = new HashMap<>(stack.kafkaClientProperties());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Retries of one alert can take a while; a few alerts per poll keep us well inside max.poll.interval.ms.
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());

        Map<String, Object> producerProps = new HashMap<>(stack.kafkaClientProperties());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.deadLetters = new KafkaProducer<>(producerProps, new StringSerializer(),
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
                    handle(record);
                    commit(record);
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
            deadLetter(record, DESERIALIZE_STAGE, "Cannot decode the alert: " + e.getMessage(), e.getClass().getName());
            return;
        }
        Optional<String> problem = deliver(alert);
        if (problem.isEmpty()) {
            log.info("Sent burst alert \"{}\" ({}) to {}", alert.getKeyword(), sourceId(record), redactedUrl);
        } else {
            deadLetter(record, STAGE, problem.get(), null);
        }
    }

    /** Posts the alert, retrying what may pass on a retry; empty when the webhook accepted it, else why not. */
    private Optional<String> deliver(BurstAlert alert) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(WebhookPayload.json(alert)))
                .build();
        String last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            boolean retry;
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    return Optional.empty();
                }
                last = "HTTP " + status + " from " + redactedUrl;
                retry = retriable(status);
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + RedactedUrl.scrub(e.getMessage(), settings.url()) + ")")
                        + " posting to " + redactedUrl;
                retry = true;
            }
            if (!retry) {
                return Optional.of(last + ", not retried");
            }
            if (attempt < settings.maxAttempts()) {
                Duration wait = settings.backoff(attempt);
                log.warn("Burst alert \"{}\": attempt {}/{} failed: {}; retrying in {} ms", alert.getKeyword(), attempt,
                        settings.maxAttempts(), last, wait.toMillis());
                if (closing.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new WakeupException(); // closed mid-retry: the alert stays uncommitted and is sent next run
                }
            }
        }
        return Optional.of("Gave up after " + settings.maxAttempts() + " attempts; last: " + last);
    }

    /** Server trouble and rate limits may pass; any other status (400 bad payload, 404 revoked hook, ...) will not. */
    static boolean retriable(int status) {
        return status == 429 || status >= 500;
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
            deadLetters.send(new ProducerRecord<>(Topics.DLQ_NAME, letter.getSourceId(), letter)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write the dead letter of " + letter.getSourceId() + " to "
                    + Topics.DLQ_NAME + ": " + e.getCause().getMessage(), e.getCause());
        }
        log.warn("Dead-lettered {} at stage {}: {}", letter.getSourceId(), stage, reason);
    }

    private void commit(ConsumerRecord<String, byte[]> record) {
        try {
            consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
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
        closing.countDown();
        consumer.wakeup();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
