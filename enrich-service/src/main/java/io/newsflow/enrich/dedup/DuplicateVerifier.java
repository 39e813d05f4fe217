package io.newsflow.enrich.dedup;

import java.util.OptionalDouble;

/**
 * Decides whether an LSH candidate really is a duplicate: estimated Jaccard at or above the
 * threshold, and no contradiction in numbers or names. The second condition keeps formulaic but
 * distinct stories apart: two daily market reports or two dividend notices share most of their
 * shingles, but not their index values, amounts or company names.
 */
final class DuplicateVerifier {

    private final DedupSettings settings;

    public DuplicateVerifier(DedupSettings settings) {
        this.settings = settings;
    }

    /** The similarity when {@code a} and {@code b} are duplicates at the given threshold, else empty. */
    public OptionalDouble similarity(ContentFingerprint a, ContentFingerprint b, double threshold) {
        if (a.contentHash().equals(b.contentHash())) {
            return OptionalDouble.of(1.0);
        }
        double jaccard = a.estimatedJaccard(b);
        if (jaccard < threshold || !keyTermsAgree(a.keyTerms(), b.keyTerms())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(jaccard);
    }

    boolean keyTermsAgree(KeyTerms a, KeyTerms b) {
        int cap = settings.keyTermCap();
        return KeyTerms.containment(a.numbers(), b.numbers(), cap) >= settings.numberContainment()
                && KeyTerms.containment(a.names(), b.names(), cap) >= settings.nameContainment();
    }
}
