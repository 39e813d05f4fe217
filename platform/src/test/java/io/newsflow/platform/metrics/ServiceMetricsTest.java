package io.newsflow.platform.metrics;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceMetricsTest {

    @Test
    void countersStartAtZeroAndAddWhatIsRecordedPerTagSet() {
        try (ServiceMetrics metrics = new ServiceMetrics("newsflow-test")) {
            Sensor binary = metrics.counter("dumps-failed-total", "dumps that failed", Map.of("reason", "not_text"));
            Sensor empty = metrics.counter("dumps-failed-total", "dumps that failed", Map.of("reason", "no_content"));
            binary.record();
            binary.record(2);

            assertEquals(3.0, value(metrics, "dumps-failed-total", Map.of("reason", "not_text")));
            assertEquals(0.0, value(metrics, "dumps-failed-total", Map.of("reason", "no_content")));
            empty.record();
            assertEquals(1.0, value(metrics, "dumps-failed-total", Map.of("reason", "no_content")));
        }
    }

    @Test
    void unionHoldsTheMetricsOfEverySource() {
        try (ServiceMetrics a = new ServiceMetrics("a"); ServiceMetrics b = new ServiceMetrics("b")) {
            a.counter("x-total", "x", Map.of());
            b.avgMax("y-seconds", "y");
            assertEquals(3, ServiceMetrics.union(a::metrics, b::metrics).get().size());
        }
    }

    private static Object value(ServiceMetrics metrics, String name, Map<String, String> tags) {
        Metric metric = metrics.metrics().get(new MetricName(name, "newsflow-test", "", tags));
        return metric.metricValue();
    }
}
