package io.newsflow.ingest.parse;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Realistic dumps that look different from the shared sample. */
class NewswireDumpsTest {

    @Test
    void reutersStyleDumpWithDatelinesAndMoreNews() {
        ParsedDump d = Samples.parsed(Samples.resource("reuters-agrokor.txt"));
        assertEquals("Reuters", d.source());
        assertEquals(Instant.parse("2017-04-07T16:42:05Z"), d.capturedAt());
        assertEquals(Instant.parse("2017-04-07T15:10:00Z"), d.publishedAt());
        assertEquals(
                "Croatia's Agrokor signs standstill deal with creditor banks",
                d.article().title());
        assertEquals(5, d.article().paragraphs().size());
        assertTrue(d.article().paragraphs().get(0).startsWith("ZAGREB, April 7 (Reuters) - Croatian food"));
        assertEquals(
                "(Reporting by Igor Ilic; Editing by Mark Potter)",
                d.article().paragraphs().get(4));

        assertEquals(
                List.of(
                        "Zagreb bourse rallies as Agrokor shares rebound",
                        "Dalic: \"We welcome\" possible deal between Agrokor and banks",
                        "Erste says Agrokor exposure manageable",
                        "Slovenia's Mercator says business normal despite Agrokor crisis"),
                d.briefs().stream().map(ParsedBrief::headline).toList());
        assertNull(d.briefs().get(2).summary());
        assertTrue(d.briefs().get(3).summary().startsWith("LJUBLJANA, April 7 (Reuters) - Slovenian retailer"));
        assertTrue(d.briefs().stream().allMatch(b -> b.section().equals("More news")));

        Article article = DumpEvents.article(d).orElseThrow();
        assertEquals("Reuters", article.getOrigin().getSource());
        assertEquals(
                "https://www.reuters.com/article/croatia-agrokor-idUSL5N1H73ZR",
                article.getOrigin().getUrl());
        assertEquals(Instant.parse("2017-04-07T15:10:00Z"), article.getOrigin().getPublishedAt());
    }

    @Test
    void cyrillicDump() {
        ParsedDump d = Samples.parsed(Samples.resource("ria-cyrillic.txt"));
        assertEquals("РИА Новости", d.source());
        assertEquals(Instant.parse("2017-04-07T16:05:00Z"), d.capturedAt());
        assertEquals(
                "Хорватия и Китай подписали план сотрудничества в сельском хозяйстве",
                d.article().title());
        assertEquals(3, d.article().paragraphs().size());
        assertTrue(d.article().paragraphs().get(2).startsWith("«Это важный шаг"));
        List<Brief> briefs = DumpEvents.briefs(d);
        assertEquals(3, briefs.size());
        assertEquals("Агрокор договорился с банками о моратории", briefs.get(0).getHeadline());
        assertEquals("Последние новости", briefs.get(0).getSection());
        assertEquals(
                "Азия: японская Asahi завершила покупку Pilsner Urquell",
                briefs.get(2).getHeadline());
        assertNull(briefs.get(2).getSummary());
        assertEquals(3, briefs.get(2).getOrigin().getPosition());
    }
}
