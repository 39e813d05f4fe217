package io.newsflow.enrich;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The totals behind the live page ({@code /api/stats}): enrich-service's own counters, summed over
 * stream threads and tags, under the names the page shows.
 */
final class EnrichStats {
    private static final ObjectMapper json = new ObjectMapper();
    private static final Map<String, String> COUNTERS = new LinkedHashMap<>();

    static {
        COUNTERS.put("originals-total", "published");
        COUNTERS.put("duplicates-total", "duplicates");
        COUNTERS.put("late-total", "decided late");
        COUNTERS.put("tagged-with-region-total", "with a region");
        COUNTERS.put("tagged-with-topic-total", "with a topic");
        COUNTERS.put("burst-alerts-total", "burst alerts");
        COUNTERS.put("dead-letters-total", "dead letters");
    }

    private EnrichStats() {
    }

    static String json(KafkaStreams.State state, Map<MetricName, ? extends Metric> metrics) {
        Map<String, Double> sums = new LinkedHashMap<>();
        COUNTERS.values().forEach(label -> sums.put(label, 0.0));
        metrics.forEach((name, metric) -> {
            String label = COUNTERS.get(name.name());
            if (label != null && (name.group().startsWith("stream-newsflow") || name.group().startsWith("newsflow"))
                    && metric.metricValue() instanceof Number value) {
                sums.merge(label, value.doubleValue(), Double::sum);
            }
        });
        ObjectNode answer = json.createObjectNode().put("state", state.name());
        ObjectNode counts = answer.putObject("counts");
        sums.forEach((label, sum) -> counts.put(label, Math.round(sum)));
        return answer.toString();
    }
}
