package io.newsflow.ingest;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.DeadLetter;
import io.newsflow.ingest.parse.DumpEvents;
import io.newsflow.ingest.parse.DumpFailure;
import io.newsflow.ingest.parse.DumpParser;
import io.newsflow.ingest.parse.ParseOutcome;
import io.newsflow.ingest.parse.ParsedDump;
import io.newsflow.ingest.parse.RawDump;
import io.newsflow.ingest.parse.ReadOutcome;
import io.newsflow.schemas.Topics;
import io.newsflow.serde.AvroSerializer;
import io.newsflow.serde.WireFormat;
import org.apache.avro.specific.SpecificRecord;
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

    private final Serializer<SpecificRecord> valueSerializer;
    private final DumpParser parser = new DumpParser();
    private final Clock clock;
    /** Writes articles and briefs when the serializer is ours and the schemas are the encoder's; else null. */
    private final EventEncoder encoder;
    /** Magic byte and schema id of the article and brief topics, from the first value the serializer wrote. */
    private final Map<String, byte[]> wireHeaders = new HashMap<>();

    DumpRecords(Serializer<SpecificRecord> valueSerializer, Clock clock) {
        this.valueSerializer = valueSerializer;
        this.clock = clock;
        this.encoder = valueSerializer instanceof AvroSerializer && EventEncoder.supports() ? new EventEncoder() : null;
    }

    /**
     * Parses the dumps and serializes their events, handing each dump's records to {@code sink} as
     * soon as they are ready. After a serialization error nothing more is handed on, and the error in
     * the result says the source's transaction must be aborted.
     */
    DumpPublisher.Prepared prepare(String sourceId, List<ReadOutcome> outcomes, Consumer<List<ProducerRecord<String, byte[]>>> sink) {
        long started = System.nanoTime();
        List<DumpOutcome> dumps = new ArrayList<>(outcomes.size());
        Instant now = clock.instant();
        try {
            for (ReadOutcome read : outcomes) {
                List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
                ParseOutcome parsed = read instanceof RawDump raw ? parser.parse(raw) : (DumpFailure) read;
                if (parsed instanceof ParsedDump dump) {
                    RecordHeaders headers = headers(dump);
                    long timestamp = eventTime(dump, now).toEpochMilli();
                    int articles = 0;
                    for (Article article : DumpEvents.article(dump).stream().toList()) {
                        records.add(record(Topics.ARTICLES_NAME, article.getId(), value(Topics.ARTICLES_NAME, article, headers), headers, timestamp));
                        articles++;
                    }
                    List<Brief> briefs = DumpEvents.briefs(dump);
                    for (Brief brief : briefs) {
                        records.add(record(Topics.BRIEFS_NAME, brief.getId(), value(Topics.BRIEFS_NAME, brief, headers), headers, timestamp));
                    }
                    dumps.add(DumpOutcome.parsed(dump, articles, briefs.size()));
                } else if (parsed instanceof DumpFailure failure) {
                    DeadLetter letter = DumpEvents.deadLetter(failure, clock.instant());
                    RecordHeaders none = new RecordHeaders();
                    records.add(record(Topics.DLQ_NAME, failure.sourceId(), valueSerializer.serialize(Topics.DLQ_NAME, none, letter),
                            none, letter.getFailedAt().toEpochMilli()));
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
            headers.add(DumpPublisher.HEADER_SOURCE, dump.source().getBytes(StandardCharsets.UTF_8));
        }
        headers.add(DumpPublisher.HEADER_DUMP_ID, dump.dumpId().getBytes(StandardCharsets.UTF_8));
        headers.add(DumpPublisher.HEADER_PARSER_VERSION, PARSER_VERSION);
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
        return value instanceof Article article ? encoder.article(header, article) : encoder.brief(header, (Brief) value);
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value, RecordHeaders headers,
                                                         long timestamp) {
        return new ProducerRecord<>(topic, null, timestamp, key, value, headers);
    }
}
