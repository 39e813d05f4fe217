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
 * A service's own metrics, kept in a Kafka {@link Metrics} registry like the clients' metrics, so
 * {@code /metrics} exports both from one map. Ours are named the Prometheus way,
 * {@code newsflow_<service>_<name>_<unit>}: a counter {@code dumps-ingested-total} of service
 * {@code ingest} is exported as {@code newsflow_ingest_dumps_ingested_total}; the clients' keep
 * their {@code kafka_<group>_<name>}.
 */
public final class ServiceMetrics implements AutoCloseable {
    /** Metric groups of Newsflow's own metrics start with this; the exporter names them without {@code kafka_}. */
    public static final String GROUP_PREFIX = "newsflow-";

    private static final String REGISTRY_COUNT_GROUP = "kafka-metrics-count";

    private final Metrics metrics = new Metrics();
    private final String group;

    /** {@code service} is the second word of every name, e.g. {@code ingest}. */
    public ServiceMetrics(String service) {
        this.group = group(service);
    }

    /** The metric group of a service's own metrics, in this registry or in another (Kafka Streams'). */
    public static String group(String service) {
        return GROUP_PREFIX + service;
    }

    /**
     * A counter (record(n) adds n), exported from the start, at 0. {@code name} ends in {@code -total}
     * (after its unit, if it has one: {@code read-bytes-total}), which is what makes it a counter on /metrics.
     */
    public Sensor counter(String name, String description, Map<String, String> tags) {
        Sensor sensor = metrics.sensor(sensorName(name, tags));
        sensor.add(metrics.metricName(counterName(name), group, description, tags), new CumulativeSum());
        return sensor;
    }

    /**
     * Average and maximum of the values recorded in the last minute or so, as {@code <name>-avg-<unit>}
     * and {@code <name>-max-<unit>} (the unit last, as Prometheus names go; a base unit: seconds, bytes).
     */
    public Sensor avgMax(String name, String unit, String description) {
        return addAvgMax(metrics.sensor(name), group, name, unit, description, Map.of());
    }

    /** Adds {@code <name>-avg-<unit>} and {@code <name>-max-<unit>} to a sensor of any registry (Streams' too). */
    public static Sensor addAvgMax(
            Sensor sensor, String group, String name, String unit, String description, Map<String, String> tags) {
        sensor.add(new MetricName(name + "-avg-" + unit, group, "average " + description, tags), new Avg());
        sensor.add(new MetricName(name + "-max-" + unit, group, "maximum " + description, tags), new Max());
        return sensor;
    }

    /** A gauge read at every scrape; {@code value} must be cheap and safe to call from the HTTP thread. */
    public void gauge(String name, String description, DoubleSupplier value) {
        metrics.addMetric(
                metrics.metricName(name, group, description), (Measurable) (config, now) -> value.getAsDouble());
    }

    /** Checks that a counter's name ends in {@code -total}, which /metrics reads as "counter". */
    public static String counterName(String name) {
        if (!name.endsWith("-total")) {
            throw new IllegalArgumentException("A counter's name ends in -total: " + name);
        }
        return name;
    }

    /** Our metrics, without the registry's own count of them. */
    public Map<MetricName, ? extends Metric> metrics() {
        Map<MetricName, Metric> ours = new HashMap<>(metrics.metrics());
        ours.keySet().removeIf(name -> name.group().equals(REGISTRY_COUNT_GROUP));
        return ours;
    }

    /** The metrics of several registries (a client's and ours) as one map, read per call. */
    @SafeVarargs
    public static Supplier<Map<MetricName, ? extends Metric>> union(
            Supplier<Map<MetricName, ? extends Metric>>... sources) {
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
