package io.newsflow.bench;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProducerPerfSummaryTest {

    @Test
    void readsTheFinalSummaryNotTheProgressLines() {
        String output = """
                12001 records sent, 2399.8 records/sec (1.56 MB/sec), 210.3 ms avg latency, 480.0 ms max latency.
                22:31:05.001 WARN  Sender - a log line in between
                20000 records sent, 2316.442436 records/sec (1.51 MB/sec), 250.12 ms avg latency, 497.00 ms max latency, 240 ms 50th, 470 ms 95th, 490 ms 99th, 497 ms 99.9th.
                """;
        assertEquals(Optional.of(new ProducerPerfSummary(20000, 2316.442436, 1.51, 250.12, 490)), ProducerPerfSummary.parse(output));
    }

    @Test
    void noSummaryWhenTheToolFailed() {
        assertEquals(Optional.empty(), ProducerPerfSummary.parse("Exception in thread \"main\" org.apache.kafka.common.KafkaException\n"
                + "12001 records sent, 2399.8 records/sec (1.56 MB/sec), 210.3 ms avg latency, 480.0 ms max latency.\n"));
    }
}
