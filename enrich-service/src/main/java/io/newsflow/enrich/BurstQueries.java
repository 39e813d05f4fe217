package io.newsflow.enrich;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.avro.internal.TermWindowCount;
import io.newsflow.enrich.bursts.Term;
import io.newsflow.enrich.bursts.TermBaseline;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Interactive queries on the burst stage's state, answered as JSON by {@code /api/bursts} and
 * {@code /api/keywords/top}: what is bursting now, and the most mentioned terms of the newest window.
 * Each instance answers for the partitions it hosts; with one instance that is everything.
 */
final class BurstQueries {
    private static final ObjectMapper json = new ObjectMapper();
    private static final int TOP = 20;

    private final KafkaStreams streams;

    BurstQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Terms whose burst has started and not yet ended, with their baseline. */
    String activeBursts() {
        return answer(() -> {
            ArrayNode items = json.createArrayNode();
            ReadOnlyKeyValueStore<String, byte[]> baselines = streams.store(StoreQueryParameters.fromNameAndType(
                    BurstProcessor.BASELINES, QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<String, byte[]> all = baselines.all()) {
                while (all.hasNext()) {
                    KeyValue<String, byte[]> next = all.next();
                    TermBaseline baseline = TermBaseline.fromBytes(next.value);
                    if (baseline.bursting()) {
                        term(items.addObject(), Term.fromKey(next.key))
                                .put("baselineMean", baseline.mean()).put("baselineStddev", baseline.stddev())
                                .put("lastWindowStart", Instant.ofEpochMilli(baseline.lastWindowStart()).toString());
                    }
                }
            }
            return items;
        });
    }

    /** The most mentioned terms in the newest window that has counts, most first. */
    String topTerms() {
        return answer(() -> {
            ReadOnlyWindowStore<String, TermWindowCount> counts = streams.store(StoreQueryParameters.fromNameAndType(
                    BurstStage.WINDOW_COUNTS, QueryableStoreTypes.windowStore()));
            List<KeyValue<Windowed<String>, TermWindowCount>> windows = new ArrayList<>();
            try (KeyValueIterator<Windowed<String>, TermWindowCount> all = counts.all()) {
                all.forEachRemaining(windows::add);
            }
            long newest = windows.stream().mapToLong(w -> w.key.window().end()).max().orElse(Long.MIN_VALUE);
            ArrayNode items = json.createArrayNode();
            windows.stream().filter(w -> w.key.window().end() == newest)
                    .sorted(Comparator.comparingLong((KeyValue<Windowed<String>, TermWindowCount> w) -> -w.value.getCount())
                            .thenComparing(w -> w.key.key()))
                    .limit(TOP)
                    .forEach(w -> term(items.addObject(), Term.fromKey(w.key.key())).put("count", w.value.getCount())
                            .put("windowStart", w.key.window().startTime().toString())
                            .put("windowEnd", w.key.window().endTime().toString()));
            return items;
        });
    }

    private static ObjectNode term(ObjectNode node, Term term) {
        return node.put("term", term.text()).put("kind", term.kind().name());
    }

    /** Stores are only queryable while the instance runs; say so instead of failing the request. */
    private String answer(Supplier<ArrayNode> items) {
        ObjectNode answer = json.createObjectNode().put("state", streams.state().name());
        try {
            answer.set("items", items.get());
        } catch (InvalidStateStoreException e) {
            answer.set("items", json.createArrayNode());
            answer.put("error", "state not queryable right now: " + e.getMessage());
        }
        return answer.toString();
    }
}
