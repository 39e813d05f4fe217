package io.newsflow.ingest;

import io.newsflow.ingest.parse.DumpFailure;
import io.newsflow.ingest.parse.FailureClass;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DumpLogTest {
    private static final DumpOutcome PARSED = new DumpOutcome("dumps/a.txt#2", "3f2a9c", 1, 18, 15234, null);
    private static final DumpOutcome BINARY = new DumpOutcome(
            "dumps/b.txt",
            null,
            0,
            0,
            8,
            new DumpFailure(
                    "dumps/b.txt", FailureClass.NOT_TEXT, "binary content: NUL character at offset 4", new byte[8], 8));

    @Test
    void anIngestedDumpAndADeadLetteredOneOfTheSameSource() {
        DumpPublisher.Result result =
                new DumpPublisher.Result("dumps/a.txt", List.of(PARSED, BINARY), null, Duration.ofMillis(42));
        assertEquals(
                "dump id=3f2a9c source=dumps/a.txt#2 articles=1 briefs=18 bytes=15234 outcome=ingested elapsed_ms=42",
                DumpLog.line(PARSED, result));
        assertEquals(
                "dump id=- source=dumps/b.txt articles=0 briefs=0 bytes=8 outcome=dead_letter reason_class=not_text"
                        + " reason=\"binary content: NUL character at offset 4\" elapsed_ms=42",
                DumpLog.line(BINARY, result));
    }

    @Test
    void everyDumpOfASourceKafkaDidNotTakeIsNotDelivered() {
        DumpPublisher.Result result =
                new DumpPublisher.Result("dumps/a.txt", List.of(PARSED), "Timeout expired", Duration.ofSeconds(60));
        assertEquals(
                "dump id=3f2a9c source=dumps/a.txt#2 articles=1 briefs=18 bytes=15234 outcome=not_delivered"
                        + " reason_class=delivery reason=\"Timeout expired\" elapsed_ms=60000",
                DumpLog.line(PARSED, result));
    }
}
