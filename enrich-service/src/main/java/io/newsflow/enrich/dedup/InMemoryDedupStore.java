package io.newsflow.enrich.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Heap-backed {@link DedupStore} for tests, benchmarks and the reference semantics. Not thread-safe. */
public final class InMemoryDedupStore implements DedupStore {

    private final Map<Long, List<EntryRef>> byKey = new HashMap<>();
    private final Map<EntryRef, IndexEntry> entries = new HashMap<>();
    private final Map<String, ItemRef> originals = new HashMap<>();
    /** Entries stored per item id (full text, and an article's lead). */
    private final Map<String, Integer> indexedIds = new HashMap<>();
    /** What to remove when an event time expires: entries with their keys, and original records. */
    private final TreeMap<Long, List<Runnable>> evictions = new TreeMap<>();

    @Override
    public void put(long[] keys, IndexEntry entry) {
        EntryRef ref = entry.ref();
        entries.put(ref, entry);
        indexedIds.merge(ref.item().id(), 1, Integer::sum);
        for (long key : keys) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(ref);
        }
        onEviction(entry.item().eventTime(), () -> {
            entries.remove(ref);
            indexedIds.computeIfPresent(ref.item().id(), (id, n) -> n == 1 ? null : n - 1);
            for (long key : keys) {
                List<EntryRef> refs = byKey.get(key);
                refs.remove(ref);
                if (refs.isEmpty()) {
                    byKey.remove(key);
                }
            }
        });
    }

    @Override
    public List<EntryRef> refs(long key) {
        return byKey.getOrDefault(key, List.of());
    }

    @Override
    public boolean indexed(String itemId) {
        return indexedIds.containsKey(itemId);
    }

    @Override
    public Optional<IndexEntry> entry(EntryRef ref) {
        return Optional.ofNullable(entries.get(ref));
    }

    @Override
    public void putOriginal(ItemRef item, ItemRef original) {
        if (originals.put(item.id(), original) == null) {
            onEviction(item.eventTime(), () -> originals.remove(item.id()));
        }
    }

    @Override
    public Optional<ItemRef> original(String itemId) {
        return Optional.ofNullable(originals.get(itemId));
    }

    @Override
    public void evictBefore(long eventTime) {
        var expired = evictions.headMap(eventTime);
        expired.values().forEach(actions -> actions.forEach(Runnable::run));
        expired.clear();
    }

    /** Number of distinct lookup keys held; for tests and memory estimates. */
    public int keyCount() {
        return byKey.size();
    }

    private void onEviction(long eventTime, Runnable action) {
        evictions.computeIfAbsent(eventTime, t -> new ArrayList<>(1)).add(action);
    }
}
