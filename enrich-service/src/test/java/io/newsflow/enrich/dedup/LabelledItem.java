package io.newsflow.enrich.dedup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.ItemKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** One line of the labelled evaluation set src/test/resources/dedup/dedup-eval.jsonl. */
record LabelledItem(
        String id,
        String group,
        String kind,
        String time,
        String headline,
        List<String> paragraphs,
        String relation,
        String edit) {

    static final String RESOURCE = "/dedup/dedup-eval.jsonl";

    DedupItem item() {
        return new DedupItem(id, ItemKind.valueOf(kind), Instant.parse(time).toEpochMilli(), headline, paragraphs);
    }

    /** All items in event-time order, then id: the order the reorder grace delivers them in. */
    static List<LabelledItem> load() {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        List<LabelledItem> items = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(LabelledItem.class.getResourceAsStream(RESOURCE), RESOURCE),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    items.add(mapper.readValue(line, LabelledItem.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        items.sort(Comparator.comparing((LabelledItem i) -> i.item().ref()));
        return items;
    }
}
