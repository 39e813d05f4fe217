package io.newsflow.enrich;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EnrichedBrief;
import io.newsflow.avro.Enrichment;
import io.newsflow.avro.Fingerprint;
import io.newsflow.avro.RoutedItem;
import io.newsflow.avro.TopicTag;
import io.newsflow.enrich.dedup.ContentFingerprint;
import io.newsflow.enrich.dedup.DuplicateMatch;
import io.newsflow.enrich.dedup.Verdict;
import io.newsflow.enrich.tagging.Tagger;
import org.apache.avro.specific.SpecificRecord;

import java.nio.ByteBuffer;
import java.util.List;

/** Turns dedup verdicts and tags into the records of the public contract. */
public final class EnrichedItems {
    private EnrichedItems() {}

    public static SpecificRecord enriched(Verdict verdict, Tagger.Result tags, String rulesVersion) {
        Enrichment enrichment = Enrichment.newBuilder()
                .setRegions(tags.regions())
                .setPrimaryCountry(tags.primaryCountry())
                .setMentionedRegions(tags.mentionedRegions())
                .setTopics(tags.topics())
                .setKeywords(tags.keywords())
                .setFingerprint(fingerprint(verdict.fingerprint()))
                .setRelated(List.of())
                .setLate(verdict.late())
                .setRulesVersion(rulesVersion)
                .build();
        return verdict.item() instanceof Article article
                ? new EnrichedArticle(article, enrichment)
                : new EnrichedBrief((Brief) verdict.item(), enrichment);
    }

    public static Enrichment enrichmentOf(SpecificRecord enriched) {
        return enriched instanceof EnrichedArticle a ? a.getEnrichment() : ((EnrichedBrief) enriched).getEnrichment();
    }

    /** The article or brief an enriched record carries. */
    public static SpecificRecord itemOf(SpecificRecord enriched) {
        return enriched instanceof EnrichedArticle a ? a.getArticle() : ((EnrichedBrief) enriched).getBrief();
    }

    /** One routed copy per configured topic the item matched. */
    static List<RoutedItem> routes(SpecificRecord enriched) {
        return enrichmentOf(enriched).getTopics().stream()
                .map(TopicTag::getSlug)
                .distinct()
                .map(slug -> new RoutedItem(slug, enriched))
                .toList();
    }

    static DuplicateNotice notice(Verdict verdict, String rulesVersion) {
        DuplicateMatch match = verdict.match().orElseThrow();
        return DuplicateNotice.newBuilder()
                .setId(verdict.id())
                .setKind(verdict.kind())
                .setItem(verdict.item())
                .setDuplicateOf(match.original().id())
                .setDuplicateOfKind(match.original().kind())
                .setMethod(match.method())
                .setSimilarity(match.similarity())
                .setLate(verdict.late())
                .setRulesVersion(rulesVersion)
                .build();
    }

    private static Fingerprint fingerprint(ContentFingerprint fingerprint) {
        return new Fingerprint(
                fingerprint.contentHash(), ByteBuffer.wrap(fingerprint.minhashBytes()), fingerprint.shingles());
    }

    /** Headline of an item for tagging and for alert samples. */
    public static String headline(SpecificRecord item) {
        return item instanceof Article a ? (a.getTitle() == null ? "" : a.getTitle()) : ((Brief) item).getHeadline();
    }

    public static List<String> paragraphs(SpecificRecord item) {
        if (item instanceof Article a) {
            return a.getParagraphs();
        }
        Brief b = (Brief) item;
        return b.getSummary() == null ? List.of() : List.of(b.getSummary());
    }
}
