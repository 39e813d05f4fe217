package io.newsflow.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnrichStatsTest {

    private static void put(
            Map<MetricName, Metric> metrics, String group, String name, Map<String, String> tags, double value) {
        MetricName metricName = new MetricName(name, group, "", tags);
        metrics.put(metricName, new Metric() {
            public MetricName metricName() {
                return metricName;
            }

            public Object metricValue() {
                return value;
            }
        });
    }

    @Test
    void sumsOurCountersOverThreadsAndTagsAndIgnoresTheClients() throws Exception {
        Map<MetricName, Metric> metrics = new HashMap<>();
        put(metrics, "newsflow-enrich", "original-items-total", Map.of("thread-id", "t-1"), 12);
        put(metrics, "newsflow-enrich", "original-items-total", Map.of("thread-id", "t-2"), 7);
        put(metrics, "newsflow-enrich", "dead-letters-total", Map.of("kind", "deserialization"), 2);
        put(metrics, "newsflow-enrich", "dead-letters-total", Map.of("kind", "production"), 1);
        put(metrics, "producer-metrics", "record-send-total", Map.of(), 500);
        put(metrics, "newsflow-ingest", "dead-letters-total", Map.of(), 4);

        JsonNode stats = new ObjectMapper().readTree(EnrichStats.json(KafkaStreams.State.RUNNING, metrics));

        assertEquals("RUNNING", stats.get("state").asText());
        assertEquals(19, stats.get("counts").get("published").asLong());
        assertEquals(3, stats.get("counts").get("dead letters").asLong());
        assertEquals(0, stats.get("counts").get("duplicates").asLong(), "present from the start, at 0");
        assertEquals(7, stats.get("counts").size(), "our counters only: " + stats);
    }
}
