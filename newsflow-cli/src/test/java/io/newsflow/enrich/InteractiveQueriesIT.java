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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interactive queries with the burst state spread over two instances: either instance answers for
 * the whole application, and each term's count comes from exactly one of them.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack
class InteractiveQueriesIT {
    private static final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eitherInstanceAnswersForAllPartitions(TestStack stack, @TempDir Path one, @TempDir Path two) throws Exception {
        try (EnrichService first = EnrichService.start(instance(stack, one));
                EnrichService second = EnrichService.start(instance(stack, two));
                Stack resolved = Stack.resolve(stack.config());
                Ingester ingester = new Ingester(resolved, 16 << 20, Ingester.oneOffTransactionalId())) {
            assertTrue(ingester.ingest(Path.of("../samples/aleppo-page-dump.txt"), null)
                    .delivered());

            // The burst stage counts behind its own repartition topic, so answers change until it has
            // counted the whole sample: wait until both instances give the same complete answer with
            // the five Agrokor briefs (the agrokor topic) counted.
            Snapshot seen = snapshot(first, second);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && !seen.settled()) {
                Thread.sleep(500);
                seen = snapshot(first, second);
            }
            assertEquals(
                    5, countOf(seen.fromFirst(), "agrokor"), seen.fromFirst().toString());
            assertTrue(
                    seen.fromFirst().get("complete").asBoolean(),
                    seen.fromFirst().toString());
            assertEquals(
                    seen.fromFirst().get("items"),
                    seen.fromSecond().get("items"),
                    "both instances give the same answer");
            assertEquals(
                    "HR",
                    seen.fromFirst().get("items").get(0).get("term").asText(),
                    "Croatia leads the sample's window: " + seen);
            // Kafka Streams decides which instance hosts which terms (possibly all on one): whatever it
            // decided, each term comes from exactly one instance, so at least one of the two answers
            // was assembled from the other instance's part.
            for (JsonNode item : seen.fromFirst().get("items")) {
                int hosts = (contains(seen.localFirst(), item) ? 1 : 0) + (contains(seen.localSecond(), item) ? 1 : 0);
                assertEquals(1, hosts, "a term is counted on exactly one instance: " + item + " in " + seen);
            }

            JsonNode bursts = get(second, "/api/bursts");
            assertTrue(bursts.get("complete").asBoolean(), bursts.toString());
            assertTrue(bursts.get("items").isArray(), bursts.toString());
        }
    }

    /** The answers of both instances, for all partitions and for their own, taken one after the other. */
    private record Snapshot(JsonNode fromFirst, JsonNode fromSecond, JsonNode localFirst, JsonNode localSecond) {
        boolean settled() {
            return countOf(fromFirst, "agrokor") == 5
                    && fromFirst.get("complete").asBoolean()
                    && fromFirst.get("items").equals(fromSecond.get("items"));
        }
    }

    private Snapshot snapshot(EnrichService first, EnrichService second) throws Exception {
        return new Snapshot(
                get(first, "/api/keywords/top"),
                get(second, "/api/keywords/top"),
                get(first, "/api/keywords/top?local=true"),
                get(second, "/api/keywords/top?local=true"));
    }

    private JsonNode get(EnrichService service, String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + pathAndQuery))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private static boolean contains(JsonNode answer, JsonNode item) {
        List<JsonNode> items = new ArrayList<>();
        answer.get("items").forEach(items::add);
        return items.contains(item);
    }

    private static long countOf(JsonNode answer, String term) {
        if (answer != null) {
            for (JsonNode item : answer.get("items")) {
                if (item.get("term").asText().equals(term)) {
                    return item.get("count").asLong();
                }
            }
        }
        return -1;
    }

    private static Stack instance(TestStack stack, Path dataDir) {
        return Stack.resolve(stack.config()
                .with(NewsflowConfig.DATA_DIR, dataDir.toString(), "test")
                .with(EnrichService.HTTP_PORT, "0", "test")
                .with(EnrichSettings.IDLE_FLUSH, "1s", "test"));
    }
}
