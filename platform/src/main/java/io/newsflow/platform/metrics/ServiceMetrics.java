package io.newsflow.platform.metrics;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * A service's own counters, kept in a Kafka {@link Metrics} registry like the clients' metrics, so
 * {@code /metrics} exports both the same way: a metric {@code dumps-ingested-total} of group
 * {@code newsflow-ingest} becomes {@code kafka_newsflow_ingest_dumps_ingested_total}.
 */
public final class ServiceMetrics implements AutoCloseable {
    private static final String REGISTRY_COUNT_GROUP = "kafka-metrics-count";

    private final Metrics metrics = new Metrics();
    private final String group;

    public ServiceMetrics(String group) {
        this.group = group;
    }

    /** A counter (record(n) adds n); {@code name} should end in {@code -total}. Exported from the start, at 0. */
    public Sensor counter(String name, String description, Map<String, String> tags) {
        Sensor sensor = metrics.sensor(sensorName(name, tags));
        sensor.add(metrics.metricName(name, group, description, tags), new CumulativeSum());
        return sensor;
    }

    /** Average and maximum of the values recorded in the last minute or so, as {@code <name>-avg} and {@code <name>-max}. */
    public Sensor avgMax(String name, String description) {
        Sensor sensor = metrics.sensor(name);
        sensor.add(metrics.metricName(name + "-avg", group, "average " + description), new Avg());
        sensor.add(metrics.metricName(name + "-max", group, "maximum " + description), new Max());
        return sensor;
    }

    /** A gauge read at every scrape; {@code value} must be cheap and safe to call from the HTTP thread. */
    public void gauge(String name, String description, DoubleSupplier value) {
        metrics.addMetric(metrics.metricName(name, group, description), (Measurable) (config, now) -> value.getAsDouble());
    }

    /** Our metrics, without the registry's own count of them. */
    public Map<MetricName, ? extends Metric> metrics() {
        Map<MetricName, Metric> ours = new HashMap<>(metrics.metrics());
        ours.keySet().removeIf(name -> name.group().equals(REGISTRY_COUNT_GROUP));
        return ours;
    }

    /** The metrics of several registries (a client's and ours) as one map, read per call. */
    @SafeVarargs
    public static Supplier<Map<MetricName, ? extends Metric>> union(Supplier<Map<MetricName, ? extends Metric>>... sources) {
        List<Supplier<Map<MetricName, ? extends Metric>>> all = List.of(sources);
        return () -> {
            Map<MetricName, Metric> union = new HashMap<>();
            all.forEach(source -> union.putAll(source.get()));
            return union;
        };
    }

    private static String sensorName(String name, Map<String, String> tags) {
        return tags.isEmpty() ? name : name + tags;
    }

    @Override
    public void close() {
        metrics.close();
    }
}
