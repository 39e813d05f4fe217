package io.newsflow.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.Ingester;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.OwnStack;
import io.newsflow.platform.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running enrich-service as operators see it: every metric the provisioned Grafana dashboard
 * queries is exported, and the interactive queries answer.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class DashboardMetricsIT {
    private static final Pattern METRIC = Pattern.compile("kafka_[a-z0-9_]+");

    @Test
    void theDashboardOnlyNamesMetricsTheServiceExports(TestStack stack, @TempDir Path dataDir) throws Exception {
        Set<String> wanted = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("../monitoring/grafana/dashboards/newsflow.json").toFile());
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = METRIC.matcher(target.get("expr").asText());
                while (m.find()) {
                    wanted.add(m.group());
                }
            }
        }
        assertFalse(wanted.isEmpty());

        NewsflowConfig config = stack.config().with(NewsflowConfig.DATA_DIR, dataDir.toString(), "test")
                .with(EnrichService.HTTP_PORT, "0", "test").with(EnrichSettings.IDLE_FLUSH, "1s", "test");
        try (Stack resolved = Stack.resolve(config); EnrichService service = EnrichService.start(resolved)) {
            try (Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
                ingester.ingest(Path.of("../samples/aleppo-page-dump.txt"), null);
            }
            HttpClient http = HttpClient.newHttpClient();
            String metrics = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && !metrics.contains("kafka_stream_newsflow_metrics_originals_total{")) {
                Thread.sleep(1000);
                metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
            Set<String> exported = new TreeSet<>();
            for (String line : metrics.split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    exported.add(line.split("[{ ]", 2)[0]);
                }
            }
            Set<String> missing = new TreeSet<>(wanted);
            missing.removeAll(exported);
            assertEquals(Set.of(), missing, "metrics the dashboard queries but /metrics does not export");
            assertTrue(metrics.contains("kafka_stream_newsflow_metrics_originals_total{"), "our own verdict counters are exported");

            // The interactive queries answer from the same running instance.
            // The burst stage counts behind its own repartition topic: wait until it has counted the
            // whole sample, which the five Agrokor briefs (the agrokor topic) mark.
            JsonNode top = null;
            long countsDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < countsDeadline && !countOf(top, "agrokor").equals("5")) {
                Thread.sleep(500);
                top = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + service.httpPort() + "/api/keywords/top")).build(), HttpResponse.BodyHandlers.ofString()).body());
            }
            assertEquals("RUNNING", top.get("state").asText(), top.toString());
            assertFalse(top.get("items").isEmpty(), top.toString());
            JsonNode first = top.get("items").get(0);
            assertEquals("HR", first.get("term").asText(), "Croatia is the most mentioned term of the sample's window: " + top);
            JsonNode bursts = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.httpPort() + "/api/bursts")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertTrue(bursts.get("items").isArray());
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
