package io.newsflow.ingest;

import io.newsflow.ingest.parse.FailureClass;
import io.newsflow.platform.metrics.ServiceMetrics;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;

import java.util.HashMap;
import java.util.Map;

/**
 * ingest-service's own counters, exported on /metrics as {@code newsflow_ingest_*}: dumps
 * ingested and failed (by reason class), events, dead letters, bytes read, time per source.
 */
final class IngestMetrics implements AutoCloseable {
    /** Reason class of dumps whose source Kafka did not take (after the producer's retries). */
    static final String DELIVERY = "delivery";

    private final ServiceMetrics metrics = new ServiceMetrics("ingest");
    private final Sensor ingested =
            metrics.counter("dumps-ingested-total", "dumps parsed and committed to Kafka", Map.of());
    private final Map<String, Sensor> failed = new HashMap<>();
    private final Sensor articles = metrics.counter("articles-total", "article events committed", Map.of());
    private final Sensor briefs = metrics.counter("briefs-total", "brief events committed", Map.of());
    private final Sensor deadLetters = metrics.counter("dead-letters-total", "dumps committed to news.dlq", Map.of());
    private final Sensor bytes = metrics.counter("read-bytes-total", "bytes of the source files read", Map.of());
    private final Sensor sourceSeconds =
            metrics.avgMax("source-latency", "seconds", "seconds from parsing a source to its commit");

    IngestMetrics() {
        // Every reason is exported from the start, so a dashboard shows 0 rather than no data.
        for (FailureClass reason : FailureClass.values()) {
            failed.put(reason.label(), failedCounter(reason.label()));
        }
        failed.put(DELIVERY, failedCounter(DELIVERY));
    }

    private Sensor failedCounter(String reason) {
        return metrics.counter(
                "dumps-failed-total",
                "dumps dead-lettered or not delivered, by reason class",
                Map.of("reason", reason));
    }

    void record(DumpPublisher.Result result, long sourceBytes) {
        bytes.record(sourceBytes);
        sourceSeconds.record(result.elapsed().toNanos() / 1e9);
        if (!result.delivered()) {
            failed.get(DELIVERY).record(result.dumps());
            return;
        }
        for (DumpOutcome dump : result.outcomes()) {
            if (dump.deadLettered()) {
                failed.get(dump.failure().failureClass().label()).record();
                deadLetters.record();
            } else {
                ingested.record();
                articles.record(dump.articles());
                briefs.record(dump.briefs());
            }
        }
    }

    Map<MetricName, ? extends Metric> metrics() {
        return metrics.metrics();
    }

    @Override
    public void close() {
        metrics.close();
    }
}
