package io.newsflow.enrich.errors;

import io.newsflow.platform.metrics.ServiceMetrics;
import org.apache.kafka.common.metrics.Sensor;

import java.util.EnumMap;
import java.util.Map;

/**
 * Dead letters enrich-service wrote, by kind, exported on /metrics as
 * {@code newsflow_enrich_dead_letters_total{kind="deserialization"|...}}. Kept outside Streams'
 * registry because the exception handlers, which count them, get no Streams metrics: in the
 * service's own registry, which its owner exports and closes. A dead letter whose transaction aborts
 * is written again on retry, and counted again.
 */
public final class DeadLetterCounts {
    private final Map<DeadLetterKind, Sensor> counters = new EnumMap<>(DeadLetterKind.class);

    public DeadLetterCounts(ServiceMetrics metrics) {
        for (DeadLetterKind kind : DeadLetterKind.values()) {
            counters.put(
                    kind,
                    metrics.counter(
                            "dead-letters-total",
                            "records sent to news.dlq, by where they failed",
                            Map.of("kind", kind.label())));
        }
    }

    void record(DeadLetterKind kind) {
        counters.get(kind).record();
    }
}
