package io.newsflow.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.cli.IngestCommand;
import io.newsflow.ingest.Ingester;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.http.ServiceHttpServer;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.MetricsScrape;
import io.newsflow.platform.testing.OwnStack;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The running services as operators see them: every metric the provisioned Grafana dashboard queries
 * is exported by ingest-service or enrich-service, our own counters count what happened, and the
 * interactive queries answer.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class DashboardMetricsIT {
    private static final Pattern METRIC = Pattern.compile("\\b(?:kafka|newsflow)_[a-z0-9_]+");

    @Test
    void theDashboardOnlyNamesMetricsTheServicesExport(TestStack stack, @TempDir Path dataDir) throws Exception {
        Set<String> wanted = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper()
                .readTree(Path.of("../monitoring/grafana/dashboards/newsflow.json")
                        .toFile());
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = METRIC.matcher(target.get("expr").asText());
                while (m.find()) {
                    wanted.add(m.group());
                }
            }
        }
        assertFalse(wanted.isEmpty());
        Path binary = Files.write(dataDir.resolve("picture.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 'x', 'y'});

        NewsflowConfig config = stack.config()
                .with(NewsflowConfig.DATA_DIR, dataDir.toString(), "test")
                .with(EnrichService.HTTP_PORT, "0", "test")
                .with(IngestCommand.HTTP_PORT, "0", "test")
                .with(EnrichSettings.IDLE_FLUSH, "1s", "test");
        try (Stack resolved = Stack.resolve(config);
                EnrichService service = EnrichService.start(resolved);
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId());
                ServiceHttpServer ingestHttp = IngestCommand.startHttp(config, ingester)) {
            ingester.ingestAll(List.of(Path.of("../samples/aleppo-page-dump.txt"), binary), null, result -> {});
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    resolved.kafkaClientProperties(), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(
                                Topics.BRIEFS_NAME, "not-avro", "not avro at all".getBytes(StandardCharsets.UTF_8)))
                        .get();
            }

            MetricsScrape enrich = MetricsScrape.of(service.httpPort());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            // One scrape is not a snapshot: the exporter reads counter after counter while the stream
            // thread goes on, so a scrape taken mid-stream can show 19 tagged but 12 decided originals.
            while (System.nanoTime() < deadline
                    && (enrich.sum("newsflow_enrich_original_items_total") < 19
                            || enrich.sum("newsflow_enrich_tagged_items_total") < 19
                            || enrich.sum("newsflow_enrich_dead_letters_total") < 1)) {
                Thread.sleep(1000);
                enrich = MetricsScrape.of(service.httpPort());
            }
            MetricsScrape ingest = MetricsScrape.of(ingestHttp.port());
            Set<String> missing = new TreeSet<>(wanted);
            missing.removeAll(enrich.names());
            missing.removeAll(ingest.names());
            assertEquals(Set.of(), missing, "metrics the dashboard queries but neither service's /metrics exports");
            // Ours are named newsflow_<service>_<name>_<unit>, counters ending in _total.
            assertEquals(
                    Set.of(
                            "newsflow_enrich_original_items_total",
                            "newsflow_enrich_duplicate_items_total",
                            "newsflow_enrich_late_items_total",
                            "newsflow_enrich_tagged_items_total",
                            "newsflow_enrich_items_with_region_total",
                            "newsflow_enrich_items_with_topic_total",
                            "newsflow_enrich_burst_alerts_total",
                            "newsflow_enrich_event_to_enriched_avg_seconds",
                            "newsflow_enrich_event_to_enriched_max_seconds",
                            "newsflow_enrich_dead_letters_total",
                            "newsflow_enrich_active_bursts",
                            "newsflow_enrich_dedup_decisions_total",
                            "newsflow_enrich_dedup_shard_work_total"),
                    enrich.names("newsflow_"));
            assertEquals(Set.of(), enrich.names("kafka_newsflow"), "none of ours under Kafka's prefix");
            assertEquals(Set.of(), enrich.names("kafka_stream_newsflow"), "none of ours under Kafka's prefix");

            assertEquals(1.0, ingest.sum("newsflow_ingest_dumps_ingested_total"));
            assertEquals(1.0, ingest.sum("newsflow_ingest_dumps_failed_total", "reason=\"not_text\""));
            assertEquals(1.0, ingest.sum("newsflow_ingest_articles_total"));
            assertEquals(18.0, ingest.sum("newsflow_ingest_briefs_total"));
            assertEquals(1.0, ingest.sum("newsflow_ingest_dead_letters_total"));
            assertEquals(
                    19.0,
                    enrich.sum("newsflow_enrich_original_items_total"),
                    "duplicates: " + enrich.sum("newsflow_enrich_duplicate_items_total"));
            assertEquals(19.0, enrich.sum("newsflow_enrich_tagged_items_total"));
            assertEquals(1.0, enrich.sum("newsflow_enrich_dead_letters_total", "kind=\"deserialization\""));
            assertEquals(1.0, enrich.sum("newsflow_enrich_dead_letters_total"), "and no other kind");
            assertEquals(0.0, enrich.sum("newsflow_enrich_burst_alerts_total"), "the sample is within the warm-up");

            HttpClient http = HttpClient.newHttpClient();
            // The interactive queries answer from the same running instance.
            // The burst stage counts behind its own repartition topic: wait until it has counted the
            // whole sample, which the five Agrokor briefs (the agrokor topic) mark.
            JsonNode top = null;
            long countsDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < countsDeadline
                    && !countOf(top, "agrokor").equals("5")) {
                Thread.sleep(500);
                top = new ObjectMapper()
                        .readTree(http.send(
                                        HttpRequest.newBuilder(URI.create(
                                                        "http://127.0.0.1:" + service.httpPort() + "/api/keywords/top"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body());
            }
            assertEquals("RUNNING", top.get("state").asText(), top.toString());
            assertFalse(top.get("items").isEmpty(), top.toString());
            JsonNode first = top.get("items").get(0);
            assertEquals(
                    "HR",
                    first.get("term").asText(),
                    "Croatia is the most mentioned term of the sample's window: " + top);
            JsonNode bursts = new ObjectMapper()
                    .readTree(http.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://127.0.0.1:" + service.httpPort() + "/api/bursts"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
            assertTrue(bursts.get("items").isArray());
            assertEquals(
                    bursts.get("items").size(),
                    MetricsScrape.of(service.httpPort()).sum("newsflow_enrich_active_bursts"),
                    "the active-bursts gauge counts what /api/bursts lists: " + bursts);

            // The live page and the totals it polls.
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(
                    page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                    page.headers().toString());
            for (String endpoint : List.of("/api/stats", "/api/bursts", "/api/keywords/top")) {
                assertTrue(page.body().contains("'" + endpoint + "'"), "the page polls " + endpoint);
            }
            assertEquals(
                    404,
                    http.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://127.0.0.1:" + service.httpPort() + "/no-such-page"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode());
            JsonNode stats = new ObjectMapper()
                    .readTree(http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create("http://127.0.0.1:" + service.httpPort() + "/api/stats"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
            assertEquals(19, stats.get("counts").get("published").asLong(), stats.toString());
            assertEquals(0, stats.get("counts").get("duplicates").asLong(), stats.toString());
            assertEquals(1, stats.get("counts").get("dead letters").asLong(), stats.toString());
        }
    }

    private static String countOf(JsonNode top, String term) {
        if (top != null) {
            for (JsonNode item : top.get("items")) {
                if (item.get("term").asText().equals(term)) {
                    return item.get("count").asText();
                }
            }
        }
        return "";
    }
}
