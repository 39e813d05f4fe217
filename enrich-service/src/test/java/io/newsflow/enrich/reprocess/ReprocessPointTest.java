package io.newsflow.enrich.reprocess;

import io.newsflow.enrich.dedup.InputRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReprocessPointTest {
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final ReprocessPoint POINT =
            new ReprocessPoint(FROM, Map.of(new TopicPartition("news.briefs", 0), 100L));

    private static InputRecord brief(int partition, long offset, Instant time) {
        return new InputRecord("news.briefs", partition, offset, time.toEpochMilli());
    }

    @Test
    void itemsDatedFromThePointOnArePublishedWhereverTheySit() {
        assertTrue(POINT.publishes(brief(0, 5, FROM)));
        assertTrue(POINT.publishes(brief(0, 500, FROM.plusSeconds(1))));
    }

    @Test
    void earlierItemsThatWerePublishedBeforeAreContextOnly() {
        assertFalse(POINT.publishes(brief(0, 99, FROM.minusMillis(1))));
        assertFalse(POINT.publishes(brief(0, 0, Instant.parse("2016-10-07T09:00:00Z"))));
    }

    @Test
    void earlierItemsTheStoppedRunHadNotReadArePublished() {
        assertTrue(
                POINT.publishes(brief(0, 100, FROM.minusSeconds(3600))),
                "at the committed offset: not read by the stopped run");
        assertTrue(
                POINT.publishes(brief(1, 3, FROM.minusSeconds(3600))), "a partition the stopped run never committed");
        assertTrue(POINT.publishes(
                new InputRecord("news.articles", 0, 3, FROM.minusSeconds(3600).toEpochMilli())));
        assertTrue(POINT.publishes(brief(0, -1, FROM.minusSeconds(3600))), "offset unknown: published");
    }

    @Test
    void noPointPublishesEverything() {
        assertTrue(ReprocessPoint.NONE.publishes(brief(0, 0, Instant.parse("1990-01-01T00:00:00Z"))));
    }

    @Test
    void contextStartsOneRetentionBeforeThePoint() {
        assertEquals(FROM.minus(Duration.ofDays(7)), POINT.contextStart(Duration.ofDays(7)));
        assertEquals(
                Instant.EPOCH,
                new ReprocessPoint(Instant.parse("1970-01-02T00:00:00Z"), Map.of()).contextStart(Duration.ofDays(7)));
    }

    @Test
    void aLaterPointKeepsTheHigherOffsetsOfAnEarlierOne() {
        ReprocessPoint later = new ReprocessPoint(
                        FROM.plusSeconds(60),
                        Map.of(new TopicPartition("news.briefs", 0), 40L, new TopicPartition("news.briefs", 1), 7L))
                .after(POINT);
        assertEquals(
                Map.of(new TopicPartition("news.briefs", 0), 100L, new TopicPartition("news.briefs", 1), 7L),
                later.publishedBelow());
        assertEquals(FROM.plusSeconds(60), later.from());
    }

    @Test
    void roundTripsThroughJson() {
        assertEquals(POINT, ReprocessPoint.fromJson(POINT.toJson()));
        assertEquals("{\"from\":\"2026-12-01T00:00:00Z\",\"publishedBelow\":{\"news.briefs-0\":100}}", POINT.toJson());
    }
}
