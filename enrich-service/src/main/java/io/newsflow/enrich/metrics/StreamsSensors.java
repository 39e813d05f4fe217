package io.newsflow.enrich.metrics;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.streams.StreamsMetrics;

import java.util.Map;

/**
 * Our sensors in Kafka Streams' own metrics registry, so they are exported on /metrics with the
 * Streams metrics as {@code kafka_stream_newsflow_metrics_<name>{newsflow_id="<entity>",thread_id=...}}.
 * Created in a processor's init(), on its stream thread; tasks of one thread share them.
 */
public final class StreamsSensors {
    private static final String SCOPE = "newsflow";
    private static final String GROUP = "stream-" + SCOPE + "-metrics";

    private StreamsSensors() {
    }

    /** {@code <operation>-total} and {@code <operation>-rate}; record() adds one. */
    public static Sensor counter(StreamsMetrics metrics, String entity, String operation) {
        return metrics.addRateTotalSensor(SCOPE, entity, operation, Sensor.RecordingLevel.INFO);
    }

    /** {@code <name>-avg} and {@code <name>-max} over the last minute or so; {@code name} carries the unit. */
    public static Sensor avgMax(StreamsMetrics metrics, String entity, String name, String description) {
        String thread = Thread.currentThread().getName();
        Sensor sensor = metrics.addSensor(SCOPE + "." + entity + "." + name + "." + thread, Sensor.RecordingLevel.INFO);
        Map<String, String> tags = Map.of("thread-id", thread, SCOPE + "-id", entity);
        sensor.add(new MetricName(name + "-avg", GROUP, "average " + description, tags), new Avg());
        sensor.add(new MetricName(name + "-max", GROUP, "maximum " + description, tags), new Max());
        return sensor;
    }
}
