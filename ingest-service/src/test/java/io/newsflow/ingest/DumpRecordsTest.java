package io.newsflow.ingest;

import io.newsflow.ingest.parse.DumpParser;
import io.newsflow.ingest.parse.ParsedDump;
import io.newsflow.ingest.parse.RawDump;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DumpRecordsTest {
    private static final Instant NOW = Instant.parse("2017-04-07T12:00:00Z");

    private static ParsedDump dump(String header) {
        return (ParsedDump) new DumpParser()
                .parse(RawDump.of("test", header + "\n\nA paragraph of the article.\n", NOW.minusSeconds(7200)));
    }

    @Test
    void eventTimeIsThePublicationTimeWhenKnownElseTheCaptureTime() {
        assertEquals(
                Instant.parse("2017-04-07T09:30:00Z"),
                DumpRecords.eventTime(dump("Captured: 2017-04-07T10:00:00Z\nPublished: 2017-04-07T09:30:00Z"), NOW));
        assertEquals(
                Instant.parse("2017-04-07T10:00:00Z"),
                DumpRecords.eventTime(dump("Captured: 2017-04-07T10:00:00Z"), NOW));
    }

    @Test
    void aTimeInTheFutureIsNotAnEventTimeBrokersWouldRejectIt() {
        assertEquals(
                Instant.parse("2017-04-07T10:00:00Z"),
                DumpRecords.eventTime(dump("Captured: 2017-04-07T10:00:00Z\nPublished: 2018-04-07T09:30:00Z"), NOW),
                "a publication time a year ahead (a typo) falls back to the capture time");
        assertEquals(
                NOW,
                DumpRecords.eventTime(dump("Captured: 2027-04-07T10:00:00Z"), NOW),
                "and a capture time ahead to now");
    }

    @Test
    void aTimeBefore1970IsNotAnEventTimeKafkaTimestampsCannotBeNegative() {
        assertEquals(
                Instant.parse("2017-04-07T10:00:00Z"),
                DumpRecords.eventTime(dump("Captured: 2017-04-07T10:00:00Z\nPublished: 0017-04-07T09:30:00Z"), NOW));
        assertEquals(NOW, DumpRecords.eventTime(dump("Captured: 0000-04-07T10:00:00Z"), NOW));
    }
}
