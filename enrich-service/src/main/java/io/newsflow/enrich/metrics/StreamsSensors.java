package io.newsflow.enrich.metrics;

import io.newsflow.platform.metrics.ServiceMetrics;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.TaskId;

import java.util.Map;

/**
 * Our sensors in Kafka Streams' own metrics registry, in enrich-service's metric group, so /metrics
 * exports them beside the Streams metrics as {@code newsflow_enrich_<name>{thread_id=...}}. Created
 * in a processor's init(), on its stream thread; tasks of one thread share them (a sensor adds a
 * metric it already has only once).
 */
public final class StreamsSensors {
    /** The service name of enrich-service's own metrics, in Streams' registry and in its {@link ServiceMetrics}. */
    public static final String SERVICE = "enrich";

    private static final String GROUP = ServiceMetrics.group(SERVICE);

    private StreamsSensors() {}

    /** A counter (record() adds one); {@code name} ends in {@code -total}. */
    public static Sensor counter(StreamsMetrics metrics, String name, String description) {
        Sensor sensor = threadSensor(metrics, name);
        sensor.add(
                new MetricName(ServiceMetrics.counterName(name), GROUP, description, threadTag()), new CumulativeSum());
        return sensor;
    }

    /** A counter per task (tags thread-id and task-id), to see how work spreads over tasks and instances. */
    public static Sensor taskCounter(StreamsMetrics metrics, String name, String description, TaskId task) {
        String thread = Thread.currentThread().getName();
        Sensor sensor = metrics.addSensor(GROUP + "." + name + "." + thread + "." + task, Sensor.RecordingLevel.INFO);
        sensor.add(
                new MetricName(
                        ServiceMetrics.counterName(name),
                        GROUP,
                        description,
                        Map.of("thread-id", thread, "task-id", task.toString())),
                new CumulativeSum());
        return sensor;
    }

    /** {@code <name>-avg-<unit>} and {@code <name>-max-<unit>} over the last minute or so. */
    public static Sensor avgMax(StreamsMetrics metrics, String name, String unit, String description) {
        return ServiceMetrics.addAvgMax(threadSensor(metrics, name), GROUP, name, unit, description, threadTag());
    }

    // Streams' registry is shared by the stream threads: the thread's name keeps their sensors apart.
    private static Sensor threadSensor(StreamsMetrics metrics, String name) {
        return metrics.addSensor(
                GROUP + "." + name + "." + Thread.currentThread().getName(), Sensor.RecordingLevel.INFO);
    }

    private static Map<String, String> threadTag() {
        return Map.of("thread-id", Thread.currentThread().getName());
    }
}
