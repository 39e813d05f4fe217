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
        assertEquals(
                Optional.of(new ProducerPerfSummary(20000, 2316.442436, 1.51, 250.12, 490)),
                ProducerPerfSummary.parse(output));
    }

    @Test
    void tellsTheSteadyStateSummaryFromTheOverallOne() {
        String output = """
                40000 records sent, 9000.5 records/sec (5.90 MB/sec), 300.00 ms avg latency, 900.00 ms max latency, 250 ms 50th, 700 ms 95th, 850 ms 99th, 890 ms 99.9th.
                20000 steady state records sent, 12000.25 records/sec (7.87 MB/sec), 200.00 ms avg latency, 500.00 ms max latency, 180 ms 50th, 400 ms 95th, 450 ms 99th, 490 ms 99.9th.
                """;
        assertEquals(
                Optional.of(new ProducerPerfSummary(40000, 9000.5, 5.90, 300.00, 850)),
                ProducerPerfSummary.parse(output));
        assertEquals(
                Optional.of(new ProducerPerfSummary(20000, 12000.25, 7.87, 200.00, 450)),
                ProducerPerfSummary.parseSteadyState(output));
    }

    @Test
    void noSummaryWhenTheToolFailed() {
        assertEquals(
                Optional.empty(),
                ProducerPerfSummary.parse(
                        "Exception in thread \"main\" org.apache.kafka.common.KafkaException\n"
                                + "12001 records sent, 2399.8 records/sec (1.56 MB/sec), 210.3 ms avg latency, 480.0 ms max latency.\n"));
    }
}
