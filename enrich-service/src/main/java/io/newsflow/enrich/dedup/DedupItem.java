package io.newsflow.enrich.dedup;

import io.newsflow.avro.ItemKind;

import java.util.List;

/**
 * What dedup needs of an article or brief. For a brief, {@code paragraphs} holds its summary
 * (empty when the sidebar gave only a headline).
 */
public record DedupItem(String id, ItemKind kind, long eventTime, String headline, List<String> paragraphs) {

    public DedupItem {
        paragraphs = List.copyOf(paragraphs);
    }

    public String body() {
        return String.join("\n\n", paragraphs);
    }

    public ItemRef ref() {
        return new ItemRef(id, kind, eventTime);
    }
}
