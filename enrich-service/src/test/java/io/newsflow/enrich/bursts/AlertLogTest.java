package io.newsflow.enrich.bursts;

import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.TermKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertLogTest {

    @Test
    void oneLogfmtLinePerAlertWithTermWindowCountMeanScoreAndDetectionTime() {
        BurstAlert alert = BurstAlert.newBuilder()
                .setKeyword("Western Balkans")
                .setKind(TermKind.TOPIC)
                .setWindowStart(Instant.parse("2017-04-07T10:00:00Z"))
                .setWindowEnd(Instant.parse("2017-04-07T11:00:00Z"))
                .setCount(6)
                .setBaselineMean(0.4123)
                .setBaselineStddev(0.25)
                .setScore(8.0871)
                .setSamples(List.of())
                .setDetectedAt(Instant.parse("2017-04-07T10:07:30Z"))
                .build();
        assertEquals(
                "burst term=\"Western Balkans\" kind=topic window_start=2017-04-07T10:00:00Z window_end=2017-04-07T11:00:00Z"
                        + " count=6 mean=0.41 stddev=0.25 score=8.09 detected_at=2017-04-07T10:07:30Z",
                AlertLog.line(alert));
    }
}
