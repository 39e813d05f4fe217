package io.newsflow.enrich.dedup;

import io.newsflow.avro.DuplicateMethod;
import io.newsflow.avro.ItemKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Briefs from the sample dump (samples/aleppo-page-dump.txt) and their typical edits. */
class NearDuplicateIndexTest {

    static final long HOUR = 3_600_000L;
    static final long T0 = 1_491_552_000_000L; // 2017-04-07T08:00Z, the sample's Friday

    static final String STANDSTILL_HEADLINE = "Agrokor's creditors say standstill agreement to go into force today";
    static final String STANDSTILL =
            "A standstill agreement regarding the Agrokor concern's existing financial obligations "
                    + "to banks will take effect on Friday, additional capital will be injected into the concern in the coming days "
                    + "and the concern will be actively restructured, which includes a change of its management, it was said on "
                    + "Friday after a meeting between Agrokor's suppliers and creditor banks.";
    static final String ASAHI_HEADLINE = "Czech Republic's Pilsner Urquell beer is now Japanese";
    static final String ASAHI = "Japanese brewing company Asahi completed its takeover of the Czech brewery Pilsner "
            + "Urquell on Friday, Asahi said in a statement.";

    private final NearDuplicateIndex index = new NearDuplicateIndex(DedupSettings.defaults(), new InMemoryDedupStore());

    static DedupItem brief(String id, long time, String headline, String summary) {
        return new DedupItem(id, ItemKind.BRIEF, time, headline, List.of(summary));
    }

    static DedupItem article(String id, long time, String title, String... paragraphs) {
        return new DedupItem(id, ItemKind.ARTICLE, time, title, List.of(paragraphs));
    }

    @Test
    void exactRepeatIsAnExactDuplicateOfTheFirst() {
        assertTrue(
                index.observe(brief("b1", T0, STANDSTILL_HEADLINE, STANDSTILL)).isEmpty());
        DuplicateMatch match = index.observe(brief("b2", T0 + HOUR, STANDSTILL_HEADLINE, STANDSTILL))
                .orElseThrow();
        assertEquals("b1", match.original().id());
        assertEquals(DuplicateMethod.EXACT, match.method());
        assertEquals(1.0, match.similarity());
    }

    @Test
    void updatePrefixDatelineAndCreditLineStillMakeAnExactDuplicate() {
        index.observe(brief("b1", T0, STANDSTILL_HEADLINE, STANDSTILL));
        DuplicateMatch match = index.observe(brief(
                        "b2",
                        T0 + HOUR,
                        "UPDATE 1-" + STANDSTILL_HEADLINE,
                        "ZAGREB, April 7 (Hina) - " + STANDSTILL + " (Reporting by Hina; Editing by Ivana Sekularac)"))
                .orElseThrow();
        assertEquals("b1", match.original().id());
        assertEquals(DuplicateMethod.EXACT, match.method());
    }

    @Test
    void oneWordEditIsANearDuplicate() {
        index.observe(brief("b1", T0, ASAHI_HEADLINE, ASAHI));
        DuplicateMatch match = index.observe(
                        brief("b2", T0 + HOUR, ASAHI_HEADLINE, ASAHI.replace("completed", "finalised")))
                .orElseThrow();
        assertEquals("b1", match.original().id());
        assertEquals(DuplicateMethod.NEAR, match.method());
        assertTrue(match.similarity() >= 0.5 && match.similarity() < 1.0, "similarity " + match.similarity());
    }

    @Test
    void appendedSentenceIsANearDuplicate() {
        index.observe(brief("b1", T0, ASAHI_HEADLINE, ASAHI));
        Optional<DuplicateMatch> match = index.observe(
                brief(
                        "b2",
                        T0 + HOUR,
                        ASAHI_HEADLINE,
                        ASAHI
                                + " Asahi bought the brewer from Anheuser-Busch InBev as part of a deal covering five eastern European businesses."));
        assertEquals("b1", match.orElseThrow().original().id());
        assertEquals(DuplicateMethod.NEAR, match.get().method());
    }

    @Test
    void dailyMarketReportsWithOtherFiguresAreNotMerged() {
        index.observe(
                brief(
                        "zse-mon",
                        T0,
                        "ZSE indices down, Crobex at 1,921.4 points",
                        "The Zagreb Stock Exchange indices fell on Monday, with the Crobex down 0.6 percent to 1,921.4 points "
                                + "and the Crobex10 down 0.8 percent to 1,093.7 points. Regular turnover was 9.3 million kuna."));
        assertTrue(index.observe(
                        brief(
                                "zse-tue",
                                T0 + 24 * HOUR,
                                "ZSE indices down, Crobex at 1,904.8 points",
                                "The Zagreb Stock Exchange indices fell on Tuesday, with the Crobex down 0.9 percent to 1,904.8 points "
                                        + "and the Crobex10 down 1.1 percent to 1,081.5 points. Regular turnover was 12.7 million kuna."))
                .isEmpty());
    }

    @Test
    void dividendNoticesOfOtherCompaniesWithTheSameFiguresAreNotMerged() {
        String notice = "The management of food company %s proposed on Tuesday that shareholders approve a dividend of "
                + "12 kuna per share from last year's profit. The general assembly will be held on June 14, and the "
                + "dividend will be paid on July 6.";
        index.observe(brief(
                "atlantic",
                T0,
                "Atlantic Grupa proposes dividend of 12 kuna per share",
                String.format(notice, "Atlantic Grupa")));
        assertTrue(index.observe(brief(
                        "podravka",
                        T0 + HOUR,
                        "Podravka proposes dividend of 12 kuna per share",
                        String.format(notice, "Podravka")))
                .isEmpty());
    }

    @Test
    void theGuardAloneKeepsFormulaicStoriesApart() {
        DuplicateVerifier verifier = new DuplicateVerifier(DedupSettings.defaults());
        Fingerprinter fingerprinter = new Fingerprinter(DedupSettings.defaults());
        String claims =
                "Initial claims for state unemployment benefits fell %s to a seasonally adjusted %s for the week "
                        + "ended April %s, the Labor Department said on Thursday.";
        ContentFingerprint week1 = fingerprinter.fingerprint(
                "U.S. weekly jobless claims", String.format(claims, "25,000", "234,000", "1"));
        ContentFingerprint week2 =
                fingerprinter.fingerprint("U.S. weekly jobless claims", String.format(claims, "1,000", "234,000", "8"));
        assertTrue(week1.estimatedJaccard(week2) >= 0.5, "formulaic texts share most shingles");
        assertTrue(verifier.similarity(week1, week2, 0.5).isEmpty());
    }

    @Test
    void originalIsTheEarliestByEventTimeEvenWhenItArrivesLast() {
        String edited = ASAHI.replace("completed", "finalised");
        index.observe(brief("b-late", T0 + 2 * HOUR, ASAHI_HEADLINE, edited));
        index.observe(brief("b-mid", T0 + HOUR, ASAHI_HEADLINE, ASAHI + " Asahi confirmed the deal."));
        assertTrue(
                index.observe(brief("b-first", T0, ASAHI_HEADLINE, ASAHI)).isEmpty(),
                "the earliest item is the original, whatever arrived before it");
        DedupItem another = brief("b-again", T0 + 3 * HOUR, ASAHI_HEADLINE, edited);
        assertEquals(
                "b-first", index.findOriginal(another).orElseThrow().original().id());
        assertEquals(
                "b-first",
                index.findOriginal(brief("b-late", T0 + 2 * HOUR, ASAHI_HEADLINE, edited))
                        .orElseThrow()
                        .original()
                        .id());
    }

    @Test
    void equalEventTimesAreOrderedById() {
        index.observe(brief("b", T0, ASAHI_HEADLINE, ASAHI));
        assertTrue(index.observe(brief("a", T0, ASAHI_HEADLINE, ASAHI)).isEmpty());
        assertEquals(
                "a",
                index.findOriginal(brief("b", T0, ASAHI_HEADLINE, ASAHI))
                        .orElseThrow()
                        .original()
                        .id());
    }

    @Test
    void itemsOutsideTheRetentionWindowAreEvictedAndNotMatched() {
        InMemoryDedupStore store = new InMemoryDedupStore();
        NearDuplicateIndex windowed =
                new NearDuplicateIndex(DedupSettings.defaults().withRetention(Duration.ofHours(24)), store);
        windowed.observe(brief("old", T0, ASAHI_HEADLINE, ASAHI));
        int keysOfOne = store.keyCount();
        assertTrue(keysOfOne > 0);
        assertEquals(
                "old",
                windowed.observe(brief("within", T0 + 23 * HOUR, ASAHI_HEADLINE, ASAHI))
                        .orElseThrow()
                        .original()
                        .id());
        windowed.observe(brief("other", T0 + 48 * HOUR, STANDSTILL_HEADLINE, STANDSTILL));
        assertTrue(store.original("old").isEmpty(), "evicted");
        assertTrue(
                windowed.observe(brief("after", T0 + 48 * HOUR, ASAHI_HEADLINE, ASAHI))
                        .isEmpty(),
                "nothing older than the window is matched");
    }

    @Test
    void briefFindsAnEarlierArticleAndArticleFindsAnEarlierBrief() {
        String title = "France wants ICC war crimes investigation into Aleppo bombing";
        String lead = "France wants the bombardment of Syria's city of Aleppo to be investigated by the International "
                + "Criminal Court as a war crime, French Foreign Minister Jean-Marc Ayrault said Monday.";
        String second =
                "\"We, France, are going to get in touch with the prosecutor of the International Criminal Court "
                        + "to see which ways she can begin these investigations,\" Ayrault told France Inter radio.";
        String third =
                "UN officials and Western powers have in recent days expressed outrage at airstrikes that have hit "
                        + "hospitals, an aid convoy and other civilian targets in rebel-held areas of northern Syria.";

        index.observe(article("art", T0, title, lead, second, third));
        DuplicateMatch briefOfArticle = index.observe(brief(
                        "brief",
                        T0 + HOUR,
                        "France seeks ICC probe of Aleppo bombing",
                        lead.replace("said Monday", "said on Monday")))
                .orElseThrow();
        assertEquals("art", briefOfArticle.original().id());
        assertEquals(DuplicateMethod.BRIEF_OF_ARTICLE, briefOfArticle.method());

        NearDuplicateIndex other = new NearDuplicateIndex(DedupSettings.defaults(), new InMemoryDedupStore());
        other.observe(brief("brief", T0, title, lead));
        DuplicateMatch articleOfBrief = other.observe(article("art", T0 + HOUR, title, lead, second, third))
                .orElseThrow();
        assertEquals("brief", articleOfBrief.original().id());
        assertEquals(DuplicateMethod.ARTICLE_OF_BRIEF, articleOfBrief.method());
    }

    @Test
    void distinctStoriesOnTheSameSubjectStayApart() {
        index.observe(brief("b1", T0, STANDSTILL_HEADLINE, STANDSTILL));
        assertTrue(index.observe(brief(
                        "b2",
                        T0 + HOUR,
                        "Banks and Agrokor agree on key elements of standstill agreement",
                        "Member banks of the coordinating committee of financial creditors and representatives of the Agrokor food "
                                + "company have in principle agreed on key elements of a standstill agreement, which is expected to be "
                                + "signed later today, Erste Bank said in a statement on Friday afternoon."))
                .isEmpty());
    }
}
