package io.newsflow.enrich.dedup;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.ItemKind;
import org.apache.avro.specific.SpecificRecord;

import java.util.List;
import java.util.Optional;

/**
 * The dedup stage's decision about one occurrence: an original (published on news.enriched.*) or a
 * duplicate of an earlier item (published on news.duplicates).
 *
 * @param item        the Article or Brief as ingested
 * @param fingerprint its full-text fingerprint
 * @param match       the original it duplicates, empty for an original
 * @param late        true when it arrived after items later than it were already decided
 * @param input       where it was read from, which decides whether it is published after a reprocess
 */
public record Verdict(
        SpecificRecord item,
        ContentFingerprint fingerprint,
        Optional<DuplicateMatch> match,
        boolean late,
        InputRecord input) {

    public boolean duplicate() {
        return match.isPresent();
    }

    public ItemKind kind() {
        return item instanceof Article ? ItemKind.ARTICLE : ItemKind.BRIEF;
    }

    public String id() {
        return item instanceof Article a ? a.getId() : ((Brief) item).getId();
    }

    /** What dedup compares: the headline/title and the text paragraphs (a brief's summary). */
    public static DedupItem dedupItem(SpecificRecord item, long eventTime) {
        if (item instanceof Article a) {
            return new DedupItem(
                    a.getId(),
                    ItemKind.ARTICLE,
                    eventTime,
                    a.getTitle() == null ? "" : a.getTitle(),
                    a.getParagraphs());
        }
        Brief b = (Brief) item;
        return new DedupItem(
                b.getId(),
                ItemKind.BRIEF,
                eventTime,
                b.getHeadline(),
                b.getSummary() == null ? List.of() : List.of(b.getSummary()));
    }
}
