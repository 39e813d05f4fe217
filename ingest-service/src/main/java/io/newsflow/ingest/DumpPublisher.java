package io.newsflow.ingest;

import io.newsflow.ingest.parse.ReadOutcome;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Publishes the dumps of one source (a file, stdin) as article and brief events, and unreadable dumps
 * as dead letters, in one Kafka transaction: either every event of the source is committed or none,
 * so a crash never half-ingests a file, and a caller may move the file away once {@link #publish}
 * returns. A {@link Batch} commits several sources in one transaction (a commit costs a round trip
 * of tens of ms, which dominates for many small files) and falls back to one transaction per source
 * when anything in it fails, so one bad source never fails the others.
 *
 * <p>The records themselves are made by {@link DumpRecords}.
 */
public final class DumpPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Serializer<SpecificRecord> valueSerializer;
    private final DumpRecords records;

    /**
     * @param transactionalId stable for a spool directory (so a restarted watcher fences its zombie),
     *                        unique for one-off runs
     */
    public DumpPublisher(
            Map<String, Object> kafkaClientProperties,
            Serializer<SpecificRecord> valueSerializer,
            String transactionalId,
            Clock clock) {
        this.valueSerializer = valueSerializer;
        Map<String, Object> config = producerConfig(kafkaClientProperties, transactionalId);
        this.records = new DumpRecords(valueSerializer, clock, maxRequestSize(config));
        // Values are serialized in prepare(), which may run off the thread that sends and commits.
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    /** Producer settings: idempotent, acks=all, lz4, batching; user-given client properties win. */
    public static Map<String, Object> producerConfig(
            Map<String, Object> kafkaClientProperties, String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
        config.putAll(kafkaClientProperties);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return config;
    }

    private static int maxRequestSize(Map<String, Object> config) {
        Object size = config.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        return size == null
                ? DumpRecords.DEFAULT_MAX_REQUEST_SIZE
                : Integer.parseInt(size.toString().trim());
    }

    /**
     * The outcome of publishing one source: what became of each of its dumps, and the error when the
     * source was not delivered (then none of it is on Kafka).
     *
     * @param elapsed from parsing the source to its commit (or failure)
     */
    public record Result(String sourceId, List<DumpOutcome> outcomes, String error, Duration elapsed) {
        public boolean delivered() {
            return error == null;
        }

        public int dumps() {
            return outcomes.size();
        }

        public int articles() {
            return outcomes.stream().mapToInt(DumpOutcome::articles).sum();
        }

        public int briefs() {
            return outcomes.stream().mapToInt(DumpOutcome::briefs).sum();
        }

        public int deadLetters() {
            return (int) outcomes.stream().filter(DumpOutcome::deadLettered).count();
        }
    }

    /**
     * What {@link #prepare} made of one source; {@code error} set when a value could not be serialized.
     *
     * @param startedNanos {@link System#nanoTime()} when parsing began
     */
    public record Prepared(String sourceId, List<DumpOutcome> outcomes, String error, long startedNanos) {}

    /**
     * Parses and publishes everything read from one source, and waits until the broker acknowledged it.
     * Never throws for bad input: unreadable or unparsable dumps become dead letters. A delivery failure
     * (after the producer's own retries) aborts the whole source and is reported in the result.
     */
    public Result publish(String sourceId, List<ReadOutcome> outcomes) {
        SourceTransaction transaction = begin();
        return transaction.finish(prepare(sourceId, outcomes, transaction::send));
    }

    /**
     * The CPU-bound half of {@link #publish}: parses the dumps and serializes their events without
     * touching the producer, handing each dump's records to {@code sink} as soon as they are ready, so
     * they can be sent while the next dump is parsed. After a serialization error nothing more is
     * handed on, and the error in the result says the source's transaction must be aborted.
     */
    public Prepared prepare(
            String sourceId, List<ReadOutcome> outcomes, Consumer<List<ProducerRecord<String, byte[]>>> sink) {
        return records.prepare(sourceId, outcomes, sink);
    }

    /** Opens the transaction of the next source; sources are published one after the other. */
    public SourceTransaction begin() {
        return new SourceTransaction();
    }

    /**
     * One source's transaction: its records are sent as they are prepared, and {@link #finish} commits
     * them all, or aborts them all when preparing or sending failed.
     */
    public final class SourceTransaction {
        private boolean open;
        private String error;

        private SourceTransaction() {}

        public void send(List<ProducerRecord<String, byte[]>> records) {
            if (error != null) {
                return;
            }
            try {
                if (!open) {
                    producer.beginTransaction();
                    open = true;
                }
                for (ProducerRecord<String, byte[]> record : records) {
                    producer.send(record);
                }
            } catch (KafkaException e) {
                error = failed(e);
            }
        }

        /** Commits, and waits for the commit, unless something failed; the result says which. */
        public Result finish(Prepared prepared) {
            if (prepared.error() != null && error == null) {
                error = prepared.error();
                abort(null);
            } else {
                commit();
            }
            return result(prepared, error);
        }

        /** Commits what was sent unless sending failed; the error, or null once committed. */
        private String commit() {
            if (error == null) {
                try {
                    if (!open) {
                        producer.beginTransaction();
                    }
                    producer.commitTransaction();
                    open = false;
                } catch (KafkaException e) {
                    error = failed(e);
                }
            }
            return error;
        }

        /** Aborts what was sent, when the source cannot be finished at all. */
        public void abandon() {
            abort(null);
        }

        private String failed(KafkaException e) {
            if (e instanceof ProducerFencedException
                    || e instanceof OutOfOrderSequenceException
                    || e instanceof AuthorizationException) {
                // Fatal for this producer: another instance took over its transactional id, or no rights.
                throw new IllegalStateException("Kafka producer cannot continue: " + e.getMessage(), e);
            }
            abort(e);
            return message(e);
        }

        private void abort(KafkaException cause) {
            if (!open) {
                return;
            }
            open = false;
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailed) {
                if (cause != null) {
                    cause.addSuppressed(abortFailed);
                }
            }
        }
    }

    /** Bytes of the records' serialized values. */
    static long valueBytes(List<ProducerRecord<String, byte[]>> records) {
        long bytes = 0;
        for (ProducerRecord<String, byte[]> record : records) {
            bytes += record.value() == null ? 0 : record.value().length;
        }
        return bytes;
    }

    private static Result result(Prepared prepared, String error) {
        return new Result(
                prepared.sourceId(),
                prepared.outcomes(),
                error,
                Duration.ofNanos(System.nanoTime() - prepared.startedNanos()));
    }

    /** Opens a transaction for several sources, published one after the other. */
    public Batch beginBatch() {
        return new Batch();
    }

    /**
     * Several sources in one transaction. Their records are kept until the commit: if anything fails
     * (a source that could not be prepared, a send or the commit), the batch is aborted and each of its
     * sources published again in a transaction of its own, so only the failing one fails.
     */
    public final class Batch {
        private record Source(Prepared prepared, List<ProducerRecord<String, byte[]>> records) {}

        private final SourceTransaction transaction = new SourceTransaction();
        private final List<Source> sources = new ArrayList<>();
        private List<ProducerRecord<String, byte[]>> current = new ArrayList<>();
        private long bytes;
        private boolean failed;
        private int transactions = 1;

        private Batch() {}

        /** Sends records of the source being published. */
        public void send(List<ProducerRecord<String, byte[]>> records) {
            current.addAll(records);
            bytes += valueBytes(records);
            if (!failed) {
                transaction.send(records);
            }
        }

        /** The source whose records were just sent is complete. */
        public void endSource(Prepared prepared) {
            sources.add(new Source(prepared, current));
            current = new ArrayList<>();
            failed |= prepared.error() != null;
        }

        /** Bytes of the records kept for a retry. */
        public long bytes() {
            return bytes;
        }

        public int sources() {
            return sources.size();
        }

        /** Transactions the batch took: one, or one more per source after it fell back. */
        public int transactions() {
            return transactions;
        }

        /** Commits the batch, or publishes its sources one by one if it cannot; one result per source, in order. */
        public List<Result> commit() {
            if (!failed && transaction.commit() == null) {
                return sources.stream()
                        .map(source -> result(source.prepared(), null))
                        .toList();
            }
            transaction.abandon();
            transactions += sources.size();
            List<Result> results = new ArrayList<>();
            for (Source source : sources) {
                SourceTransaction alone = new SourceTransaction();
                if (source.prepared().error() == null) {
                    alone.send(source.records());
                }
                results.add(alone.finish(source.prepared()));
            }
            return results;
        }

        /** Aborts what was sent, when the batch cannot be finished at all. */
        public void abandon() {
            transaction.abandon();
        }
    }

    /** The error and what caused it: the producer reports a failed send as "... in an error state", caused by the real reason. */
    static String message(KafkaException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Throwable cause = e.getCause();
        return cause == null || cause == e
                ? message
                : message + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }

    /** The producer's own metrics, for /metrics. */
    public Map<MetricName, ? extends Metric> metrics() {
        return producer.metrics();
    }

    @Override
    public void close() {
        producer.close();
        valueSerializer.close();
    }
}
