package io.newsflow.enrich.bursts;

import io.newsflow.avro.Enrichment;
import io.newsflow.avro.Fingerprint;
import io.newsflow.avro.RegionTag;
import io.newsflow.avro.TermKind;
import io.newsflow.avro.TopicTag;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TermTest {

    private static RegionTag country(String code) {
        return RegionTag.newBuilder()
                .setCountryCode(code)
                .setCountryName(code)
                .setMentions(2)
                .setMatched(List.of(code))
                .setSalience(0.5)
                .build();
    }

    @Test
    void anItemMentionsEachTermOnceHoweverOftenItNamesIt() {
        Enrichment enrichment = Enrichment.newBuilder()
                .setKeywords(List.of("Agrokor", "Ivica Todoric", "Agrokor", " Agrokor "))
                .setTopics(List.of(
                        new TopicTag("agrokor", "Agrokor", List.of("Agrokor"), 3),
                        new TopicTag("agrokor", "Agrokor", List.of("Konzum"), 1)))
                .setRegions(List.of(country("HR"), country("HR"), country("SI")))
                .setFingerprint(new Fingerprint("00", ByteBuffer.allocate(0), 0))
                .setRulesVersion("test")
                .build();
        assertEquals(
                Set.of(
                        new Term(TermKind.KEYWORD, "Agrokor"),
                        new Term(TermKind.KEYWORD, "Ivica Todoric"),
                        new Term(TermKind.TOPIC, "agrokor"),
                        new Term(TermKind.COUNTRY, "HR"),
                        new Term(TermKind.COUNTRY, "SI")),
                Term.mentionedBy(enrichment));
    }

    @Test
    void aCountryCountsForTheStoriesAboutItNotThoseThatMentionItInPassing() {
        Enrichment enrichment = Enrichment.newBuilder()
                .setRegions(List.of(country("SE")))
                .setMentionedRegions(List.of(country("CA"), country("GB")))
                .setFingerprint(new Fingerprint("00", ByteBuffer.allocate(0), 0))
                .setRulesVersion("test")
                .build();
        assertEquals(Set.of(new Term(TermKind.COUNTRY, "SE")), Term.mentionedBy(enrichment));
    }

    @Test
    void keyRoundTrips() {
        Term term = new Term(TermKind.KEYWORD, "Bank of Japan: rates");
        assertEquals("KEYWORD:Bank of Japan: rates", term.key());
        assertEquals(term, Term.fromKey(term.key()));
    }
}
