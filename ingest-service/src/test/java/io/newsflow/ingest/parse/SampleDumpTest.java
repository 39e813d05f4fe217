package io.newsflow.ingest.parse;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared sample dump, parsed and mapped end to end. */
class SampleDumpTest {

    private final ParsedDump dump = Samples.parsed(Samples.aleppo());

    @Test
    void oneArticleOf21ParagraphsWithoutTitle() {
        ParsedArticle article = dump.article();
        assertNotNull(article);
        assertNull(article.title());
        assertEquals(21, article.paragraphs().size());
        assertTrue(article.paragraphs().get(0).startsWith("France wants the bombardment of Syria's city of Aleppo"));
        assertTrue(article.paragraphs().get(20).startsWith("\"The European position is very clear"));
    }

    @Test
    void eighteenBriefsUnderLatestNews() {
        List<ParsedBrief> briefs = dump.briefs();
        assertEquals(18, briefs.size());
        assertEquals(
                "Syrian opposition rules out future role for President al-Assad",
                briefs.get(0).headline());
        assertTrue(briefs.get(0).summary().startsWith("The Syrian opposition said Friday"));
        ParsedBrief last = briefs.get(17);
        assertEquals("Syrian man on trial in Sweden; mosque attack labelled terrorism", last.headline());
        assertTrue(last.summary().endsWith("assembly hall by Shiite Muslims."));
        assertTrue(briefs.stream().allMatch(b -> "Latest news".equals(b.section()) && b.summary() != null));
        assertEquals(List.of("Latest news"), dump.sections());
    }

    @Test
    void colonHeadlinesStayBriefsAndNoHeaderIsInvented() {
        assertTrue(dump.header().isEmpty());
        assertTrue(dump.briefs().stream()
                .anyMatch(b -> b.headline().equals("Dalic: We welcome possible deal between Agrokor and banks")));
        assertTrue(dump.briefs().stream()
                .anyMatch(b ->
                        b.headline().equals("Former Thai premier Thaksin to junta on reconciliation: 'Cut me out'")));
    }

    @Test
    void noBreakSpacesAreCollapsed() {
        assertTrue(dump.article().paragraphs().get(3).contains("an aid convoy and other civilian targets"));
        assertFalse(dump.briefs().stream().anyMatch(b -> b.summary().indexOf('\u00A0') >= 0));
    }

    @Test
    void mapsToAvroWithPositionsAndMetadata() {
        Article article = DumpEvents.article(dump).orElseThrow();
        List<Brief> briefs = DumpEvents.briefs(dump);
        assertEquals(0, article.getOrigin().getPosition());
        assertEquals(21, article.getParagraphs().size());
        assertEquals(18, briefs.size());
        for (int i = 0; i < briefs.size(); i++) {
            Brief b = briefs.get(i);
            assertEquals(i + 1, b.getOrigin().getPosition());
            assertEquals("Latest news", b.getSection());
            assertEquals(dump.dumpId(), b.getOrigin().getDumpId());
            assertEquals(Samples.MTIME, b.getOrigin().getCapturedAt());
            assertNull(b.getOrigin().getSource());
            assertEquals(DumpParser.VERSION, b.getOrigin().getParserVersion());
            assertEquals(32, b.getId().length());
        }
        assertEquals(18, briefs.stream().map(Brief::getId).distinct().count());
    }
}
