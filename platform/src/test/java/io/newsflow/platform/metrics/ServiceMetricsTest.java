package io.newsflow.platform.metrics;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceMetricsTest {

    @Test
    void countersStartAtZeroAndAddWhatIsRecordedPerTagSet() {
        try (ServiceMetrics metrics = new ServiceMetrics("test")) {
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
        try (ServiceMetrics a = new ServiceMetrics("a");
                ServiceMetrics b = new ServiceMetrics("b")) {
            a.counter("x-total", "x", Map.of());
            b.avgMax("y", "seconds", "y");
            assertEquals(3, ServiceMetrics.union(a::metrics, b::metrics).get().size());
        }
    }

    @Test
    void namesFollowPrometheusPracticeCountersEndInTotalAndUnitsComeLast() {
        try (ServiceMetrics metrics = new ServiceMetrics("test")) {
            assertThrows(IllegalArgumentException.class, () -> metrics.counter("dumps-failed", "no suffix", Map.of()));
            metrics.avgMax("source-latency", "seconds", "from parsing to commit");
            assertEquals(
                    Set.of("source-latency-avg-seconds", "source-latency-max-seconds"),
                    metrics.metrics().keySet().stream().map(MetricName::name).collect(Collectors.toSet()));
            assertTrue(metrics.metrics().keySet().stream()
                    .allMatch(name -> name.group().equals("newsflow-test")));
        }
    }

    private static Object value(ServiceMetrics metrics, String name, Map<String, String> tags) {
        Metric metric = metrics.metrics().get(new MetricName(name, "newsflow-test", "", tags));
        return metric.metricValue();
    }
}
