package io.newsflow.enrich.bursts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.avro.internal.TermBuckets;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Interactive queries on the burst stage's state, answered as JSON by {@code /api/bursts} and
 * {@code /api/keywords/top}: what is bursting now, and the most mentioned terms of the last window size
 * (1 h by default) up to the newest mention.
 *
 * <p>A term's state lives on the one instance that hosts its partition, so an instance answers for
 * the whole application: it asks every other instance hosting the store (found through Kafka
 * Streams' metadata, {@code application.server}) for its local part ({@code ?local=true}) and merges.
 * An instance that does not answer is named under {@code errors} and the answer is marked incomplete.
 */
public final class BurstQueries {
    public static final String BURSTS_PATH = "/api/bursts";
    public static final String TOP_PATH = "/api/keywords/top";
    private static final ObjectMapper json = new ObjectMapper();
    private static final int TOP = 20;
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaStreams streams;
    private final BurstSettings settings;
    private final HostInfo self;
    private final HttpClient peers =
            HttpClient.newBuilder().connectTimeout(PEER_TIMEOUT).build();

    public BurstQueries(KafkaStreams streams, BurstSettings settings, HostInfo self) {
        this.streams = streams;
        this.settings = settings;
        this.self = self;
    }

    /**
     * Terms whose burst has alerted and not yet ended, with their baseline; {@code alertedWindowStart}
     * when the alert came early and its window is not final yet.
     */
    public String activeBursts(Map<String, String> query) {
        return answer(
                BURSTS_PATH,
                BurstProcessor.BASELINES,
                query,
                this::localBursts,
                all -> sorted(
                        all, Comparator.comparing(item -> item.path("term").asText())));
    }

    /** The most mentioned terms in the window size up to the newest mention, most first. */
    public String topTerms(Map<String, String> query) {
        return answer(TOP_PATH, TermCounter.BUCKETS, query, this::localTopTerms, BurstQueries::newestTop);
    }

    /** How many terms of this instance's partitions are bursting now; 0 while its state is not queryable. */
    public double localActiveBursts() {
        try {
            return localBursts().size();
        } catch (InvalidStateStoreException e) {
            return 0;
        }
    }

    private ArrayNode localBursts() {
        ArrayNode items = json.createArrayNode();
        ReadOnlyKeyValueStore<String, byte[]> baselines = streams.store(
                StoreQueryParameters.fromNameAndType(BurstProcessor.BASELINES, QueryableStoreTypes.keyValueStore()));
        try (KeyValueIterator<String, byte[]> all = baselines.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> next = all.next();
                TermBaseline baseline = TermBaseline.fromBytes(next.value);
                if (baseline.alerted()) {
                    ObjectNode item = term(items.addObject(), Term.fromKey(next.key))
                            .put("baselineMean", baseline.mean())
                            .put("baselineStddev", baseline.stddev())
                            .put("lastWindowStart", instant(baseline.lastWindowStart()));
                    if (baseline.alertedWindow() != TermBaseline.NEVER) {
                        item.put("alertedWindowStart", instant(baseline.alertedWindow()));
                    }
                }
            }
        }
        return items;
    }

    /** An instant as text; null for {@link TermBaseline#NEVER} (a term alerted early before any window was final). */
    private static String instant(long epochMs) {
        return epochMs == TermBaseline.NEVER
                ? null
                : Instant.ofEpochMilli(epochMs).toString();
    }

    /** Mentions per term in the window size up to the end of the newest bucket with a mention. */
    private ArrayNode localTopTerms() {
        ReadOnlyKeyValueStore<String, TermBuckets> counts = streams.store(
                StoreQueryParameters.fromNameAndType(TermCounter.BUCKETS, QueryableStoreTypes.keyValueStore()));
        List<KeyValue<String, TermBuckets>> terms = new ArrayList<>();
        try (KeyValueIterator<String, TermBuckets> all = counts.all()) {
            all.forEachRemaining(terms::add);
        }
        long newest = terms.stream()
                .mapToLong(t -> t.value
                        .getBuckets()
                        .get(t.value.getBuckets().size() - 1)
                        .getStart())
                .max()
                .orElse(0);
        long end = newest + settings.advance().toMillis();
        long start = end - settings.windowSize().toMillis();
        ArrayNode items = json.createArrayNode();
        for (KeyValue<String, TermBuckets> term : terms) {
            long count = HopBuckets.sum(term.value.getBuckets(), start, end).getCount();
            if (count > 0) {
                term(items.addObject(), Term.fromKey(term.key))
                        .put("count", count)
                        .put("windowStart", Instant.ofEpochMilli(start).toString())
                        .put("windowEnd", Instant.ofEpochMilli(end).toString());
            }
        }
        return newestTop(items);
    }

    /** Of the items of the newest window, the {@value #TOP} with the highest counts. */
    private static ArrayNode newestTop(ArrayNode items) {
        String newest = null;
        for (JsonNode item : items) {
            String end = item.path("windowEnd").asText();
            if (newest == null || Instant.parse(end).isAfter(Instant.parse(newest))) {
                newest = end;
            }
        }
        String window = newest;
        ArrayNode top = json.createArrayNode();
        sorted(
                        items,
                        Comparator.comparingLong(
                                        (JsonNode item) -> -item.path("count").asLong())
                                .thenComparing(item -> item.path("term").asText()))
                .forEach(item -> {
                    if (top.size() < TOP && item.path("windowEnd").asText().equals(window)) {
                        top.add(item);
                    }
                });
        return top;
    }

    private static ArrayNode sorted(ArrayNode items, Comparator<JsonNode> order) {
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        list.sort(order);
        ArrayNode out = json.createArrayNode();
        list.forEach(out::add);
        return out;
    }

    private static ObjectNode term(ObjectNode node, Term term) {
        return node.put("term", term.text()).put("kind", term.kind().name());
    }

    /**
     * This instance's items, and unless the request asked for {@code local}, every other instance's,
     * merged. Stores are only queryable while an instance runs: say so instead of failing the request.
     */
    private String answer(
            String path,
            String store,
            Map<String, String> query,
            Supplier<ArrayNode> local,
            Function<ArrayNode, ArrayNode> merge) {
        ObjectNode answer = json.createObjectNode().put("state", streams.state().name());
        ArrayNode errors = json.createArrayNode();
        ArrayNode items = json.createArrayNode();
        List<HostInfo> hosts = activeHosts(store);
        // An instance hosting only standby copies (or nothing) of the store has no part to give.
        if (hosts.contains(self)) {
            try {
                items.addAll(local.get());
            } catch (InvalidStateStoreException e) {
                errors.addObject()
                        .put("instance", self.toString())
                        .put("error", "state not queryable right now: " + e.getMessage());
            }
        }
        int instances = hosts.contains(self) ? 1 : 0;
        if (!query.containsKey("local")) {
            for (HostInfo peer : hosts) {
                if (!peer.equals(self)) {
                    instances++;
                    askPeer(peer, path, items, errors);
                }
            }
        }
        // How many instances' parts the answer holds (or should have held, where one failed).
        answer.put("instances", instances).put("complete", errors.isEmpty());
        answer.set("items", merge.apply(items));
        if (!errors.isEmpty()) {
            answer.set("errors", errors);
        }
        return answer.toString();
    }

    /** The instances that host active tasks of {@code store}, as the last rebalance assigned them. */
    private List<HostInfo> activeHosts(String store) {
        return streams.metadataForAllStreamsClients().stream()
                .filter(client -> client.stateStoreNames().contains(store))
                .map(StreamsMetadata::hostInfo)
                .toList();
    }

    private void askPeer(HostInfo peer, String path, ArrayNode items, ArrayNode errors) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + path + "?local=true");
        try {
            HttpResponse<String> response = peers.send(
                    HttpRequest.newBuilder(uri).timeout(PEER_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            items.addAll((ArrayNode) body.path("items"));
            body.path("errors").forEach(errors::add);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.addObject().put("instance", peer.toString()).put("error", "interrupted");
        } catch (Exception e) {
            errors.addObject().put("instance", peer.toString()).put("error", e.toString());
        }
    }
}
