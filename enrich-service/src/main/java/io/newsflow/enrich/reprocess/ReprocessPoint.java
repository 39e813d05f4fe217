package io.newsflow.enrich.reprocess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.dedup.InputRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the last {@code reprocess --from} put enrich-service, and the one rule that follows from it:
 * which re-read items are published again and which only give the dedup stage its context.
 *
 * <p>A reprocess deletes the dedup index, so it re-reads its inputs from {@code from} minus the index
 * retention ({@link #contextStart}): an item after {@code from} then meets the earlier items it would
 * have met in an undisturbed run. Those earlier items were published by the run before the reprocess;
 * they are indexed again but not published again. "Earlier" is by event time AND by offset: an item
 * dated before {@code from} that reached its input partition after the stopped run's committed offset
 * ({@link #publishedBelow}) was never published (the run had not read it, or it was ingested after the
 * reprocess), so it goes out as usual.
 *
 * @param from           the reprocess time: items with event time at or after it are published again
 * @param publishedBelow per input partition, the committed offset of the stopped run: below it every
 *                       item had been published; a partition not listed had published nothing
 */
public record ReprocessPoint(Instant from, Map<TopicPartition, Long> publishedBelow) {
    /** No reprocess ever ran: everything read is published. */
    public static final ReprocessPoint NONE = new ReprocessPoint(Instant.EPOCH, Map.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    public ReprocessPoint {
        publishedBelow = Map.copyOf(publishedBelow);
    }

    /**
     * The rule: true when the item goes out (on news.enriched.* or news.duplicates), false when the
     * dedup stage only indexes it as context. Carry this call with the verdict-to-record step in any
     * redesign of the dedup stage.
     */
    public boolean publishes(InputRecord input) {
        Long below = publishedBelow.get(new TopicPartition(input.topic(), input.partition()));
        return below == null
                || input.offset() < 0
                || input.offset() >= below
                || input.timestamp() >= from.toEpochMilli();
    }

    /** Where the inputs are re-read from: the index keeps items this long ({@code retention}) before an item. */
    public Instant contextStart(Duration retention) {
        Instant start = from.minus(retention);
        return start.isBefore(Instant.EPOCH) ? Instant.EPOCH : start;
    }

    /**
     * This point after an earlier one: an offset below which everything was published stays so, also
     * when the group's offsets were since moved back by the earlier reprocess and not yet read again.
     */
    public ReprocessPoint after(ReprocessPoint earlier) {
        Map<TopicPartition, Long> merged = new HashMap<>(earlier.publishedBelow);
        publishedBelow.forEach((tp, offset) -> merged.merge(tp, offset, Math::max));
        return new ReprocessPoint(from, merged);
    }

    /** JSON, so an operator can read the control topic with any console consumer. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("from", from.toString());
        ObjectNode offsets = root.putObject("publishedBelow");
        publishedBelow.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(TopicPartition::toString)))
                .forEach(e -> offsets.put(e.getKey().toString(), e.getValue()));
        return root.toString();
    }

    public static ReprocessPoint fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<TopicPartition, Long> offsets = new HashMap<>();
            root.path("publishedBelow").fields().forEachRemaining(e -> {
                String tp = e.getKey();
                int dash = tp.lastIndexOf('-');
                offsets.put(
                        new TopicPartition(tp.substring(0, dash), Integer.parseInt(tp.substring(dash + 1))),
                        e.getValue().asLong());
            });
            return new ReprocessPoint(Instant.parse(root.path("from").asText()), offsets);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("Unreadable reprocess point " + json + ": " + e.getMessage(), e);
        }
    }
}
