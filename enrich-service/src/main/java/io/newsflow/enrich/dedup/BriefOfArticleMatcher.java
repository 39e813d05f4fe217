package io.newsflow.enrich.dedup;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Links a brief (headline + summary) to the article it summarises: a sidebar brief is usually the
 * article's headline and first paragraph, verbatim or lightly paraphrased. An article is therefore
 * also fingerprinted by its headline + lead, and that fingerprint shares the band-key space of the
 * brief fingerprints, so a brief finds an earlier article and an article finds an earlier brief.
 */
final class BriefOfArticleMatcher {

    private final Fingerprinter fingerprinter;
    private final DuplicateVerifier verifier;

    public BriefOfArticleMatcher(Fingerprinter fingerprinter, DuplicateVerifier verifier) {
        this.fingerprinter = fingerprinter;
        this.verifier = verifier;
    }

    /** Headline + lead of an article: its first paragraphs until they hold at least leadMinWords words. */
    public ContentFingerprint leadFingerprint(String title, List<String> paragraphs) {
        return fingerprinter.fingerprint(
                title, lead(paragraphs, fingerprinter.settings().leadMinWords()));
    }

    /** Similarity of a brief fingerprint and an article lead fingerprint when they match, else empty. */
    public OptionalDouble match(ContentFingerprint brief, ContentFingerprint articleLead) {
        return verifier.similarity(brief, articleLead, fingerprinter.settings().leadThreshold());
    }

    /** Whether the brief is the headline + lead of the article. */
    public OptionalDouble match(DedupItem brief, DedupItem article) {
        return match(
                fingerprinter.fingerprint(brief.headline(), brief.body()),
                leadFingerprint(article.headline(), article.paragraphs()));
    }

    static String lead(List<String> paragraphs, int minWords) {
        StringBuilder lead = new StringBuilder();
        int words = 0;
        for (String paragraph : paragraphs) {
            if (words >= minWords) {
                break;
            }
            lead.append(paragraph).append("\n\n");
            words += paragraph.isBlank() ? 0 : paragraph.trim().split("\\s+").length;
        }
        return lead.toString();
    }
}
