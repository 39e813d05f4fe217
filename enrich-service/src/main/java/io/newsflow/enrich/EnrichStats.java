package io.newsflow.enrich;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.metrics.StreamsSensors;
import io.newsflow.platform.metrics.ServiceMetrics;
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
        COUNTERS.put("original-items-total", "published");
        COUNTERS.put("duplicate-items-total", "duplicates");
        COUNTERS.put("late-items-total", "decided late");
        COUNTERS.put("items-with-region-total", "with a region");
        COUNTERS.put("items-with-topic-total", "with a topic");
        COUNTERS.put("burst-alerts-total", "burst alerts");
        COUNTERS.put("dead-letters-total", "dead letters");
    }

    private EnrichStats() {}

    static String json(KafkaStreams.State state, Map<MetricName, ? extends Metric> metrics) {
        Map<String, Double> sums = new LinkedHashMap<>();
        COUNTERS.values().forEach(label -> sums.put(label, 0.0));
        metrics.forEach((name, metric) -> {
            String label = COUNTERS.get(name.name());
            if (label != null
                    && name.group().equals(ServiceMetrics.group(StreamsSensors.SERVICE))
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
