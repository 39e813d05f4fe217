package io.newsflow.enrich.dedup;

import io.newsflow.avro.ItemKind;
import java.util.Comparator;

/** An item by id, kind and event time; ordered as originals are chosen: (event time, id), earliest first. */
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
