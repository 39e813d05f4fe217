package io.newsflow.ingest;

import io.newsflow.cli.IngestCommand;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.http.ServiceHttpServer;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.MetricsScrape;
import io.newsflow.platform.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ingest-service's own counters on /metrics count what went to Kafka. */
@ExtendWith(KafkaStackExtension.class)
class IngestMetricsIT {
    private static final Path SAMPLE = Path.of("../samples/aleppo-page-dump.txt");

    @Test
    void theSampleAndABinaryFileShowAsOneDumpIngestedAndOneFailed(TestStack stack, @TempDir Path dir) throws Exception {
        Path binary = Files.write(dir.resolve("picture.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 'x', 'y'});
        NewsflowConfig config = stack.config().with(IngestCommand.HTTP_PORT, "0", "test");
        try (Stack resolved = Stack.resolve(config);
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId());
                ServiceHttpServer http = IngestCommand.startHttp(config, ingester)) {
            TopicSetup.prepare(resolved);
            ingester.ingestAll(List.of(SAMPLE, binary), null, result -> assertTrue(result.delivered(), result.error()));

            MetricsScrape metrics = MetricsScrape.of(http.port());
            assertEquals(1.0, metrics.sum("newsflow_ingest_dumps_ingested_total"));
            assertEquals(1.0, metrics.sum("newsflow_ingest_dumps_failed_total"));
            assertEquals(1.0, metrics.sum("newsflow_ingest_dumps_failed_total", "reason=\"not_text\""));
            assertEquals(
                    0.0,
                    metrics.sum("newsflow_ingest_dumps_failed_total", "reason=\"delivery\""),
                    "exported before it happens");
            assertEquals(1.0, metrics.sum("newsflow_ingest_articles_total"));
            assertEquals(18.0, metrics.sum("newsflow_ingest_briefs_total"));
            assertEquals(1.0, metrics.sum("newsflow_ingest_dead_letters_total"));
            assertEquals(
                    (double) (Files.size(SAMPLE) + Files.size(binary)),
                    metrics.sum("newsflow_ingest_read_bytes_total"));
            assertTrue(
                    metrics.sum("newsflow_ingest_source_latency_max_seconds") > 0,
                    metrics.series().toString());
            assertTrue(
                    metrics.sum("kafka_producer_metrics_record_send_total") >= 20,
                    "the producer's own metrics are still there");
            // Ours are named newsflow_ingest_<name>_<unit>, counters ending in _total; none left under kafka_.
            assertEquals(
                    Set.of(
                            "newsflow_ingest_dumps_ingested_total",
                            "newsflow_ingest_dumps_failed_total",
                            "newsflow_ingest_articles_total",
                            "newsflow_ingest_briefs_total",
                            "newsflow_ingest_dead_letters_total",
                            "newsflow_ingest_read_bytes_total",
                            "newsflow_ingest_source_latency_avg_seconds",
                            "newsflow_ingest_source_latency_max_seconds"),
                    metrics.names("newsflow_"));
            assertEquals(Set.of(), metrics.names("kafka_newsflow"));
        }
    }
}
