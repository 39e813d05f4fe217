package io.newsflow.platform.http;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceHttpServerTest {

    /** Queries may wait on peers; liveness and readiness probes must still answer meanwhile. */
    @Test
    void healthAnswersWhileEveryQueryWaits() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (ServiceHttpServer server = new ServiceHttpServer("127.0.0.1", 0, () -> true, Map::of)) {
            server.json("/api/slow", query -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "{}";
            });
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> slow =
                    new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                slow.add(client.sendAsync(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/slow"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(500); // let the slow queries take whatever threads they take
            try {
                java.net.http.HttpResponse<String> health = client.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health/ready"))
                                .timeout(java.time.Duration.ofSeconds(20))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode());
            } finally {
                release.countDown();
            }
            for (var response : slow) {
                assertEquals(
                        "{}",
                        response.get(20, java.util.concurrent.TimeUnit.SECONDS).body());
            }
        }
    }

    private static Metric metric(MetricName name, Object value) {
        return new Metric() {
            public MetricName metricName() {
                return name;
            }

            public Object metricValue() {
                return value;
            }
        };
    }

    @Test
    void rendersKafkaMetricsInPrometheusTextFormatIncludingNotYetMeasuredOnes() {
        Map<MetricName, Metric> metrics = new LinkedHashMap<>();
        MetricName rate = new MetricName("process-rate", "stream-thread-metrics", "", Map.of("thread-id", "t-1"));
        MetricName latency =
                new MetricName("commit-latency-avg", "stream-thread-metrics", "", Map.of("thread-id", "t-1"));
        MetricName total = new MetricName("process-total", "stream-thread-metrics", "", Map.of("thread-id", "t-1"));
        MetricName text = new MetricName("version", "app-info", "", Map.of());
        metrics.put(rate, metric(rate, 12.5));
        metrics.put(latency, metric(latency, Double.NaN));
        metrics.put(total, metric(total, 40.0));
        metrics.put(text, metric(text, "4.4.0"));

        String out = ServiceHttpServer.prometheus(metrics);

        assertTrue(out.contains("kafka_stream_thread_metrics_process_rate{thread_id=\"t-1\"} 12.5\n"), out);
        assertTrue(out.contains("kafka_stream_thread_metrics_commit_latency_avg{thread_id=\"t-1\"} NaN\n"), out);
        assertTrue(out.contains("# TYPE kafka_stream_thread_metrics_process_rate gauge\n"), out);
        assertTrue(out.contains("# TYPE kafka_stream_thread_metrics_process_total counter\n"), out);
        assertFalse(out.contains("app_info"), "non-numeric metrics are not exported: " + out);
    }

    @Test
    void rendersNewsflowsOwnMetricsAsNewsflowServiceNameAndKafkasWithTheirExporterPrefix() {
        Map<MetricName, Metric> metrics = new LinkedHashMap<>();
        MetricName late = new MetricName("late-items-total", "newsflow-enrich", "", Map.of("thread-id", "t-1"));
        MetricName latency = new MetricName("source-latency-max-seconds", "newsflow-ingest", "", Map.of());
        MetricName sent = new MetricName("record-send-total", "producer-metrics", "", Map.of("client-id", "p"));
        metrics.put(late, metric(late, 3.0));
        metrics.put(latency, metric(latency, 0.25));
        metrics.put(sent, metric(sent, 40.0));

        String out = ServiceHttpServer.prometheus(metrics);

        assertTrue(out.contains("# TYPE newsflow_enrich_late_items_total counter\n"), out);
        assertTrue(out.contains("newsflow_enrich_late_items_total{thread_id=\"t-1\"} 3.0\n"), out);
        assertTrue(out.contains("# TYPE newsflow_ingest_source_latency_max_seconds gauge\n"), out);
        assertTrue(out.contains("newsflow_ingest_source_latency_max_seconds 0.25\n"), out);
        assertTrue(out.contains("kafka_producer_metrics_record_send_total{client_id=\"p\"} 40.0\n"), out);
        assertFalse(out.contains("kafka_newsflow"), out);
    }

    @Test
    void parsesQueryParametersDecodedWithFirstOfRepeatedNamesWinning() {
        assertEquals(Map.of(), ServiceHttpServer.queryParameters(null));
        assertEquals(
                Map.of("local", "", "term", "Zagreb Stock Exchange", "n", "1"),
                ServiceHttpServer.queryParameters("local&term=Zagreb%20Stock+Exchange&n=1&n=2"));
    }
}
