package io.newsflow.ingest;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.DeadLetter;
import io.newsflow.ingest.parse.DumpEvents;
import io.newsflow.ingest.parse.DumpFailure;
import io.newsflow.ingest.parse.DumpParser;
import io.newsflow.ingest.parse.FailureClass;
import io.newsflow.ingest.parse.ParseOutcome;
import io.newsflow.ingest.parse.ParsedDump;
import io.newsflow.ingest.parse.RawDump;
import io.newsflow.ingest.parse.ReadOutcome;
import io.newsflow.schemas.Headers;
import io.newsflow.schemas.Topics;
import io.newsflow.serde.AvroSerializer;
import io.newsflow.serde.WireFormat;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns what was read from a source into the Kafka records of its events: parsed dumps into article
 * and brief records, unreadable ones into dead letters. Pure record building, no producer, so it can
 * run off the thread that sends.
 *
 * <p>Keys are the deterministic item ids, record timestamps the event time (publication time if known,
 * else capture time), headers say where the event came from.
 */
final class DumpRecords {
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final byte[] PARSER_VERSION = DumpParser.VERSION.getBytes(StandardCharsets.UTF_8);

    /** Kafka's default max.request.size, also about the broker's default message.max.bytes. */
    static final int DEFAULT_MAX_REQUEST_SIZE = 1 << 20;
    /** Kept free of a record's value for its key, headers and batch overhead. */
    private static final int KEY_AND_HEADER_ROOM = 16 << 10;

    private final Serializer<SpecificRecord> valueSerializer;
    /** Largest value a record may carry; a dump with a larger one is dead-lettered, not sent to be refused. */
    private final int maxValueBytes;

    private final DumpParser parser = new DumpParser();
    private final Clock clock;
    /** Writes articles and briefs when the serializer is ours and the schemas are the encoder's; else null. */
    private final EventEncoder encoder;
    /** Magic byte and schema id of the article and brief topics, from the first value the serializer wrote. */
    private final Map<String, byte[]> wireHeaders = new HashMap<>();

    DumpRecords(Serializer<SpecificRecord> valueSerializer, Clock clock) {
        this(valueSerializer, clock, DEFAULT_MAX_REQUEST_SIZE);
    }

    /** @param maxRequestSize the producer's max.request.size: no value may come near it */
    DumpRecords(Serializer<SpecificRecord> valueSerializer, Clock clock, int maxRequestSize) {
        this.valueSerializer = valueSerializer;
        this.clock = clock;
        this.maxValueBytes = maxRequestSize - KEY_AND_HEADER_ROOM;
        this.encoder = valueSerializer instanceof AvroSerializer && EventEncoder.supports() ? new EventEncoder() : null;
    }

    /**
     * Parses the dumps and serializes their events, handing each dump's records to {@code sink} as
     * soon as they are ready. After a serialization error nothing more is handed on, and the error in
     * the result says the source's transaction must be aborted.
     */
    DumpPublisher.Prepared prepare(
            String sourceId, List<ReadOutcome> outcomes, Consumer<List<ProducerRecord<String, byte[]>>> sink) {
        long started = System.nanoTime();
        List<DumpOutcome> dumps = new ArrayList<>(outcomes.size());
        Instant now = clock.instant();
        try {
            for (ReadOutcome read : outcomes) {
                List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
                ParseOutcome parsed = read instanceof RawDump raw ? events(raw, now, records) : (DumpFailure) read;
                if (parsed instanceof ParsedDump dump) {
                    dumps.add(DumpOutcome.parsed(
                            dump, count(records, Topics.ARTICLES_NAME), count(records, Topics.BRIEFS_NAME)));
                } else {
                    DumpFailure failure = (DumpFailure) parsed;
                    DeadLetter letter = DumpEvents.deadLetter(failure, clock.instant());
                    RecordHeaders none = new RecordHeaders();
                    records.clear();
                    records.add(record(
                            Topics.DLQ_NAME,
                            failure.sourceId(),
                            valueSerializer.serialize(Topics.DLQ_NAME, none, letter),
                            none,
                            letter.getFailedAt().toEpochMilli()));
                    dumps.add(DumpOutcome.failed(failure));
                }
                sink.accept(records);
            }
        } catch (SerializationException e) {
            // As when the producer serialized in send(): nothing of the source goes out.
            return new DumpPublisher.Prepared(sourceId, dumps, DumpPublisher.message(e), started);
        }
        return new DumpPublisher.Prepared(sourceId, dumps, null, started);
    }

    /**
     * Parses a dump and adds its article and brief records to {@code records}; or the failure that
     * sends it to news.dlq instead: it could not be parsed, one of its records is larger than a record
     * may be, or turning it into records failed in a way no dump should (the dump is dead-lettered
     * with the error; the source and the files after it go on).
     */
    private ParseOutcome events(RawDump raw, Instant now, List<ProducerRecord<String, byte[]>> records) {
        try {
            ParseOutcome parsed = parser.parse(raw);
            if (parsed instanceof ParsedDump dump) {
                addEvents(dump, now, records);
                for (ProducerRecord<String, byte[]> record : records) {
                    if (record.value().length > maxValueBytes) {
                        return failure(
                                raw,
                                FailureClass.TOO_LARGE,
                                "its " + record.topic() + " value of " + record.value().length
                                        + " bytes is larger than the record limit of " + maxValueBytes
                                        + " bytes (the producer's "
                                        + ProducerConfig.MAX_REQUEST_SIZE_CONFIG + " less room for key and headers)");
                    }
                }
            }
            return parsed;
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            return failure(raw, FailureClass.UNPROCESSABLE, "cannot turn the dump into events: " + e);
        }
    }

    private void addEvents(ParsedDump dump, Instant now, List<ProducerRecord<String, byte[]>> records) {
        RecordHeaders headers = headers(dump);
        long timestamp = eventTime(dump, now).toEpochMilli();
        for (Article article : DumpEvents.article(dump).stream().toList()) {
            records.add(record(
                    Topics.ARTICLES_NAME,
                    article.getId(),
                    value(Topics.ARTICLES_NAME, article, headers),
                    headers,
                    timestamp));
        }
        for (Brief brief : DumpEvents.briefs(dump)) {
            records.add(record(
                    Topics.BRIEFS_NAME, brief.getId(), value(Topics.BRIEFS_NAME, brief, headers), headers, timestamp));
        }
    }

    private static DumpFailure failure(RawDump raw, FailureClass failureClass, String reason) {
        byte[] text = raw.text().getBytes(StandardCharsets.UTF_8);
        return new DumpFailure(raw.sourceId(), failureClass, reason, text, text.length);
    }

    private static int count(List<ProducerRecord<String, byte[]>> records, String topic) {
        int n = 0;
        for (ProducerRecord<String, byte[]> record : records) {
            n += record.topic().equals(topic) ? 1 : 0;
        }
        return n;
    }

    /**
     * Publication time if known, else capture time. A time a Kafka record cannot carry is not an event
     * time: one in the future (a wrong zone or year in a header; brokers reject records more than an
     * hour ahead, message.timestamp.after.max.ms) or before 1970 (a timestamp must not be negative).
     * It falls back to capture time, and that to now.
     */
    static Instant eventTime(ParsedDump dump, Instant now) {
        Instant latest = now.plus(MAX_CLOCK_SKEW);
        if (dump.publishedAt() != null && carriable(dump.publishedAt(), latest)) {
            return dump.publishedAt();
        }
        return carriable(dump.capturedAt(), latest) ? dump.capturedAt() : now;
    }

    private static boolean carriable(Instant time, Instant latest) {
        return !time.isAfter(latest) && !time.isBefore(Instant.EPOCH);
    }

    /** One set per dump, shared by its records: the producer only reads headers (and marks them read-only). */
    private static RecordHeaders headers(ParsedDump dump) {
        RecordHeaders headers = new RecordHeaders();
        if (dump.source() != null) {
            headers.add(Headers.SOURCE, dump.source().getBytes(StandardCharsets.UTF_8));
        }
        headers.add(Headers.DUMP_ID, dump.dumpId().getBytes(StandardCharsets.UTF_8));
        headers.add(Headers.PARSER_VERSION, PARSER_VERSION);
        return headers;
    }

    /** Through the encoder once the serializer wrote the first value of the topic (whose header the rest take). */
    private byte[] value(String topic, SpecificRecord value, RecordHeaders headers) {
        byte[] header = encoder == null ? null : wireHeaders.get(topic);
        if (header == null) {
            byte[] bytes = valueSerializer.serialize(topic, headers, value);
            if (encoder != null) {
                wireHeaders.put(topic, Arrays.copyOf(bytes, WireFormat.HEADER_SIZE));
            }
            return bytes;
        }
        return value instanceof Article article
                ? encoder.article(header, article)
                : encoder.brief(header, (Brief) value);
    }

    private static ProducerRecord<String, byte[]> record(
            String topic, String key, byte[] value, RecordHeaders headers, long timestamp) {
        return new ProducerRecord<>(topic, null, timestamp, key, value, headers);
    }
}
