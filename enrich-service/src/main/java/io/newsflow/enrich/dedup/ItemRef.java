package io.newsflow.enrich.dedup;

import io.newsflow.avro.ItemKind;

import java.util.Comparator;

/** An item by id, kind and event time; ordered as docs/dedup.md orders originals: (event time, id). */
public record ItemRef(String id, ItemKind kind, long eventTime) implements Comparable<ItemRef> {

    private static final Comparator<ItemRef> ORDER =
            Comparator.comparingLong(ItemRef::eventTime).thenComparing(ItemRef::id);

    @Override
    public int compareTo(ItemRef other) {
        return ORDER.compare(this, other);
    }

    public boolean isBefore(ItemRef other) {
        return compareTo(other) < 0;
    }
}
