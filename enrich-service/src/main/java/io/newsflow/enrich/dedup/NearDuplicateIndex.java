package io.newsflow.enrich.dedup;

import io.newsflow.avro.DuplicateMethod;
import io.newsflow.avro.ItemKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reference implementation of dedup over an event-time retention window. Lookups go only through
 * the LSH band keys and the exact-hash key of an item's fingerprints, never a scan.
 *
 * <p>The original of a group is its first item in (event time, id) order. Groups are kept as
 * pointers to their original; when an item arrives out of order and is earlier than the original of
 * a group it matches, the group is re-pointed to it, so later lookups name the true earliest item.
 *
 * <p>A streaming stage that decides in event-time order but must decide a late item after later ones
 * went out judges it with {@code late} set ({@link #judge(DedupItem, boolean)}): the groups it matches
 * keep the originals already published, the late item is a duplicate of the earliest of them even when
 * it is earlier itself, and no group is re-pointed to it. So a late copy never makes a story go out
 * twice, and later items still name the published original.
 *
 * <p>Which fingerprints may match: brief with brief and article with article on the full text
 * (exact or near), and a brief with an article's headline + lead (brief-of-article, either order).
 */
public final class NearDuplicateIndex {

    /** Bound on following group pointers, against a corrupt store looping forever. */
    private static final int MAX_POINTER_HOPS = 64;

    private final DedupSettings settings;
    private final Fingerprinter fingerprinter;
    private final DuplicateVerifier verifier;
    private final BriefOfArticleMatcher briefMatcher;
    private final DedupStore store;
    private long streamTime = Long.MIN_VALUE;

    public NearDuplicateIndex(DedupSettings settings, DedupStore store) {
        this.settings = settings;
        this.fingerprinter = new Fingerprinter(settings);
        this.verifier = new DuplicateVerifier(settings);
        this.briefMatcher = new BriefOfArticleMatcher(fingerprinter, verifier);
        this.store = store;
    }

    /** The original of the group the item belongs to, if that is another, earlier item. Read-only. */
    public Optional<DuplicateMatch> findOriginal(DedupItem item) {
        return decide(item, probes(item), false).map(Decision::match);
    }

    /** Indexes the item (after {@link #findOriginal}, or use {@link #observe}). */
    public void add(DedupItem item) {
        List<Probe> probes = probes(item);
        record(item, probes, decide(item, probes, false), false);
    }

    /** Finds the item's original and indexes the item: the streaming step. */
    public Optional<DuplicateMatch> observe(DedupItem item) {
        return judge(item).match();
    }

    /** The verdict about an item, with the full-text fingerprint it was judged on. */
    public record Judgement(Optional<DuplicateMatch> match, ContentFingerprint fingerprint) {}

    /**
     * {@link #observe}, also returning the fingerprint. An id already indexed (the same content
     * ingested again) is an exact duplicate of its group's original and is not indexed twice.
     */
    public Judgement judge(DedupItem item) {
        return judge(item, false);
    }

    /**
     * {@link #judge(DedupItem)}; {@code late} when items after this one in (event time, id) order were
     * already decided and published: then it joins the groups it matches as a duplicate of their
     * published original, whatever its own event time.
     */
    public Judgement judge(DedupItem item, boolean late) {
        List<Probe> probes = probes(item);
        Optional<ItemRef> seen = store.original(item.id());
        if (seen.isPresent()) {
            ItemRef original = root(seen.get());
            DuplicateMethod method = method(item.kind(), original.kind(), 1.0);
            return new Judgement(
                    Optional.of(new DuplicateMatch(original, method, 1.0, item.id())),
                    probes.get(0).fingerprint());
        }
        Optional<Decision> decision = decide(item, probes, late);
        record(item, probes, decision, late);
        return new Judgement(decision.map(Decision::match), probes.get(0).fingerprint());
    }

    private record Probe(boolean lead, ContentFingerprint fingerprint, long[] keys) {}

    /** A verdict plus the roots of every group the item matched, which may need re-pointing. */
    private record Decision(DuplicateMatch match, List<ItemRef> matchedRoots) {}

    private List<Probe> probes(DedupItem item) {
        ContentFingerprint full = fingerprinter.fingerprint(item.headline(), item.body());
        List<Probe> probes = new ArrayList<>(2);
        probes.add(new Probe(false, full, fingerprinter.lookupKeys(full)));
        if (item.kind() == ItemKind.ARTICLE) {
            ContentFingerprint lead = briefMatcher.leadFingerprint(item.headline(), item.paragraphs());
            probes.add(new Probe(true, lead, fingerprinter.lookupKeys(lead)));
        }
        return probes;
    }

    private Optional<Decision> decide(DedupItem item, List<Probe> probes, boolean late) {
        ItemRef self = item.ref();
        long window = settings.retention().toMillis();
        Set<EntryRef> seen = new HashSet<>();
        List<ItemRef> roots = new ArrayList<>();
        DuplicateMatch best = null;
        for (Probe probe : probes) {
            for (long key : probe.keys()) {
                for (EntryRef ref : store.refs(key)) {
                    if (ref.item().id().equals(self.id())
                            || !comparable(item.kind(), probe.lead(), ref)
                            || Math.abs(ref.item().eventTime() - self.eventTime()) > window
                            || !seen.add(ref)) {
                        continue;
                    }
                    Optional<IndexEntry> stored = store.entry(ref);
                    if (stored.isEmpty()) {
                        continue;
                    }
                    IndexEntry entry = stored.get();
                    OptionalDouble similarity = verifier.similarity(
                            probe.fingerprint(),
                            entry.fingerprint(),
                            item.kind() == entry.item().kind() ? settings.nearThreshold() : settings.leadThreshold());
                    if (similarity.isEmpty()) {
                        continue;
                    }
                    ItemRef root = root(entry.item());
                    roots.add(root);
                    // The root, not the entry: a late duplicate is stored before the published original it joined.
                    ItemRef original = root;
                    if ((late || original.isBefore(self)) && (best == null || original.isBefore(best.original()))) {
                        best = new DuplicateMatch(
                                original,
                                method(item.kind(), original.kind(), similarity.getAsDouble()),
                                similarity.getAsDouble(),
                                entry.item().id());
                    }
                }
            }
        }
        return roots.isEmpty() ? Optional.empty() : Optional.of(new Decision(best, roots));
    }

    /** Full texts match within a kind; a brief matches an article's lead. */
    static boolean comparable(ItemKind kind, boolean lead, EntryRef entry) {
        if (kind == entry.item().kind()) {
            return !lead && !entry.lead();
        }
        return kind == ItemKind.BRIEF ? entry.lead() : lead && !entry.lead();
    }

    static DuplicateMethod method(ItemKind kind, ItemKind originalKind, double similarity) {
        if (kind != originalKind) {
            return kind == ItemKind.BRIEF ? DuplicateMethod.BRIEF_OF_ARTICLE : DuplicateMethod.ARTICLE_OF_BRIEF;
        }
        return similarity == 1.0 ? DuplicateMethod.EXACT : DuplicateMethod.NEAR;
    }

    /** Follows group pointers to the recorded original; stops where the trail leaves the window. */
    private ItemRef root(ItemRef item) {
        ItemRef current = item;
        for (int hop = 0; hop < MAX_POINTER_HOPS; hop++) {
            Optional<ItemRef> next = store.original(current.id());
            if (next.isEmpty() || next.get().id().equals(current.id())) {
                return current;
            }
            current = next.get();
        }
        return current;
    }

    private void record(DedupItem item, List<Probe> probes, Optional<Decision> decision, boolean late) {
        ItemRef self = item.ref();
        ItemRef original =
                decision.map(Decision::match).map(DuplicateMatch::original).orElse(self);
        for (Probe probe : probes) {
            store.put(probe.keys(), new IndexEntry(self, probe.lead(), probe.fingerprint()));
        }
        store.putOriginal(self, original);
        // An item earlier than a group it joins becomes that group's original (out-of-order arrival),
        // unless the group's original is already published.
        for (ItemRef root :
                late ? List.<ItemRef>of() : decision.map(Decision::matchedRoots).orElse(List.of())) {
            if (original.isBefore(root)) {
                store.putOriginal(root, original);
            }
        }
        if (self.eventTime() > streamTime) {
            streamTime = self.eventTime();
            store.evictBefore(streamTime - settings.retention().toMillis());
        }
    }
}
