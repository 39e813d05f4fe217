package io.newsflow.cli;

import io.newsflow.avro.Brief;
import io.newsflow.avro.EnrichedBrief;
import io.newsflow.avro.Enrichment;
import io.newsflow.avro.Fingerprint;
import io.newsflow.avro.Origin;
import io.newsflow.avro.RegionTag;
import io.newsflow.avro.RoutedItem;
import io.newsflow.avro.TopicTag;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnrichmentFilterTest {
    private static final EnrichedBrief AGROKOR = new EnrichedBrief(
            Brief.newBuilder()
                    .setId("b")
                    .setHeadline("Banks and Agrokor agree")
                    .setOrigin(Origin.newBuilder()
                            .setDumpId("d")
                            .setPosition(1)
                            .setCapturedAt(Instant.EPOCH)
                            .setParserVersion("1")
                            .build())
                    .build(),
            Enrichment.newBuilder()
                    .setRegions(List.of(new RegionTag(
                            "HR",
                            "Croatia",
                            "Southern Europe",
                            "039",
                            "Europe",
                            "150",
                            2,
                            List.of("Zagreb"),
                            0.9,
                            List.of("lead"))))
                    .setPrimaryCountry("HR")
                    .setMentionedRegions(List.of(new RegionTag(
                            "RS",
                            "Serbia",
                            "Southern Europe",
                            "039",
                            "Europe",
                            "150",
                            1,
                            List.of("Belgrade"),
                            0.1,
                            List.of("mentioned"))))
                    .setTopics(List.of(new TopicTag("agrokor", "Agrokor", List.of("Agrokor"), 1)))
                    .setKeywords(List.of("Zagreb Stock Exchange"))
                    .setFingerprint(new Fingerprint("h", ByteBuffer.allocate(0), 0))
                    .setRulesVersion("r")
                    .build());

    @Test
    void matchesTopicsKeywordsAndRegionsAtEveryLevel() {
        assertTrue(EnrichmentFilter.matches(AGROKOR, "agrokor", null));
        assertTrue(EnrichmentFilter.matches(AGROKOR, "Zagreb Stock Exchange", null));
        assertTrue(EnrichmentFilter.matches(AGROKOR, null, "hr"));
        assertTrue(EnrichmentFilter.matches(AGROKOR, null, "Southern Europe"));
        assertTrue(EnrichmentFilter.matches(AGROKOR, "agrokor", "Europe"));
        assertFalse(EnrichmentFilter.matches(AGROKOR, "syria-conflict", null));
        assertFalse(EnrichmentFilter.matches(AGROKOR, null, "Asia"));
    }

    @Test
    void aRegionMatchesWhatTheItemIsAboutNotWhatItMentionsInPassing() {
        assertTrue(EnrichmentFilter.matches(AGROKOR, null, "HR"));
        assertFalse(EnrichmentFilter.matches(AGROKOR, null, "RS"));
        assertFalse(EnrichmentFilter.matches(AGROKOR, null, "Serbia"));
    }

    @Test
    void looksInsideRoutedItemsAndRejectsRecordsWithoutEnrichment() {
        assertTrue(EnrichmentFilter.matches(new RoutedItem("agrokor", AGROKOR), "agrokor", null));
        assertFalse(EnrichmentFilter.matches(AGROKOR.getBrief(), "agrokor", null));
        assertTrue(EnrichmentFilter.matches(AGROKOR.getBrief(), null, null), "no filter: everything");
    }
}
