package io.newsflow.devstack.kafka;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmbeddedKafkaTest {
    @Test
    void topicsCreatedWithBrokerDefaultsHaveNoTimeRetention() {
        // Record timestamps are event times; a 7-day default would delete an archive at the next check.
        assertEquals(
                "-1",
                EmbeddedKafka.brokerProperties(Path.of("var/kafka"), "127.0.0.1", 9092, 9093)
                        .getProperty("log.retention.ms"));
    }
}
