package io.newsflow.ingest.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.newsflow.ingest.parse.Samples.failed;
import static io.newsflow.ingest.parse.Samples.parsed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DumpParserTest {

    private static final String ARTICLE = "First paragraph of the article.\n\nSecond paragraph, still the article.\n\n";

    @Test
    void headerBlockGivesMetadataAndIsNotBody() {
        ParsedDump d = parsed("""
        Source: Hina
        URL: https://www.hina.hr/news/123
        Captured: 2017-04-07T10:15:30+02:00
        Published: 2017-04-07T09:00:00Z
        Lang: en
        Title: Agrokor talks go on

        Agrokor talks go on
        ZAGREB, April 7 - Talks went on.
        """);
        assertEquals("Hina", d.source());
        assertEquals("https://www.hina.hr/news/123", d.url());
        assertEquals(Instant.parse("2017-04-07T08:15:30Z"), d.capturedAt());
        assertEquals(Instant.parse("2017-04-07T09:00:00Z"), d.publishedAt());
        assertEquals(new HeaderField("Lang", "en"), d.header().get(4));
        assertEquals("Agrokor talks go on", d.article().title());
        assertEquals(List.of("ZAGREB, April 7 - Talks went on."), d.article().paragraphs());
    }

    @Test
    void withoutCapturedTheFallbackTimeAndUrlHostAreUsed() {
        ParsedDump d = parsed("URL: https://www.dw.com/en/a-1\n\n" + ARTICLE);
        assertEquals(Samples.MTIME, d.capturedAt());
        assertEquals("www.dw.com", d.source());
        assertNull(d.publishedAt());
    }

    @Test
    void dateOnlyAndZonelessTimesAreUtc() {
        assertEquals(
                Instant.parse("2017-04-07T00:00:00Z"),
                parsed("Captured: 2017-04-07\n\n" + ARTICLE).capturedAt());
        assertEquals(
                Instant.parse("2017-04-07T10:15:00Z"),
                parsed("Captured: 2017-04-07 10:15:00\n\n" + ARTICLE).capturedAt());
    }

    @Test
    void invalidCapturedTimeIsAPreciseFailure() {
        DumpFailure f = failed("Captured: yesterday noon\n\n" + ARTICLE);
        assertEquals(
                "invalid Captured: time 'yesterday noon' (expected ISO-8601, e.g. 2017-04-07T10:15:30Z)", f.reason());
        assertEquals(FailureClass.BAD_TIMESTAMP, f.failureClass());
    }

    @Test
    void colonLinesAtTheTopAreNotAHeaderUnlessAKnownKeyIsThere() {
        ParsedDump d = parsed("Dalic: We welcome possible deal between Agrokor and banks\n\n"
                + "The government welcomes the possibility of an agreement.\n");
        assertTrue(d.header().isEmpty());
        assertEquals(
                "Dalic: We welcome possible deal between Agrokor and banks",
                d.article().title());
        ParsedDump mixed = parsed("Source: Hina\nNote: a: b\n\nTurkish opposition: Imprisoned chief on hunger strike\n"
                + "The head of the party has launched a hunger strike.\n");
        assertEquals(List.of(new HeaderField("Source", "Hina"), new HeaderField("Note", "a: b")), mixed.header());
        assertEquals(
                "Turkish opposition: Imprisoned chief on hunger strike",
                mixed.article().title());
    }

    @Test
    void headerBlockNeedsEveryLineToBeKeyValue() {
        ParsedDump d = parsed("Source: Hina\nthis line is prose, so there is no header.\n\nMore text.\n");
        assertTrue(d.header().isEmpty());
        assertNull(d.source());
        // The short first line then reads as the article's title; nothing is lost either way.
        assertEquals("Source: Hina", d.article().title());
        assertEquals(
                List.of("this line is prose, so there is no header.", "More text."),
                d.article().paragraphs());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Latest news",
                "Latest News",
                "LATEST NEWS",
                "More news",
                "Related news",
                "Most read",
                "Top stories",
                "Latest news:",
                "Read more",
                "Последние новости"
            })
    void sidebarHeadingsAreRecognisedCaseInsensitively(String heading) {
        ParsedDump d = parsed(ARTICLE + heading + "\n\nHeadline one\n\nIts summary sentence.\n");
        assertEquals(2, d.article().paragraphs().size());
        assertEquals(List.of(new ParsedBrief(heading, "Headline one", "Its summary sentence.")), d.briefs());
    }

    @Test
    void crlfBomTabsAndBlankRunsAreNormalisedButTextIsKept() {
        ParsedDump d = parsed("\uFEFF  First\tparagraph  with   spaces. \r\n\r\n\r\n\r\n\t Second\u00A0one.\r\n\r\n"
                + "Latest news\r\n\r\n  Headline\t one \r\n\r\nSummary  of it.\r\n");
        assertEquals(
                List.of("First paragraph with spaces.", "Second one."),
                d.article().paragraphs());
        assertEquals(List.of(new ParsedBrief("Latest news", "Headline one", "Summary of it.")), d.briefs());
    }

    @Test
    void loneCarriageReturnsSplitLines() {
        ParsedDump d = parsed("One sentence here.\rAnother sentence there.\r");
        assertEquals(
                List.of("One sentence here.", "Another sentence there."),
                d.article().paragraphs());
    }

    @Test
    void textIsNfcNormalised() {
        ParsedDump d = parsed("Cafe\u0301 au lait is served in Zagreb.");
        assertEquals(
                "Caf\u00E9 au lait is served in Zagreb.",
                d.article().paragraphs().get(0));
    }

    @Test
    void missingBlankLinesBetweenHeadlinesAndSummaries() {
        ParsedDump d = parsed(ARTICLE + "Latest news\nHeadline one\nSummary one is a sentence.\n"
                + "Headline two\nSummary two is a sentence.\nHeadline three\nSummary three is a sentence.\n");
        assertEquals(
                List.of(
                        new ParsedBrief("Latest news", "Headline one", "Summary one is a sentence."),
                        new ParsedBrief("Latest news", "Headline two", "Summary two is a sentence."),
                        new ParsedBrief("Latest news", "Headline three", "Summary three is a sentence.")),
                d.briefs());
    }

    @Test
    void headlinesWithoutSummaries() {
        ParsedDump d = parsed(ARTICLE + "Most read\n\nLonely headline\n\nHeadline with summary\n\nThe summary.\n\n"
                + "Is Agrokor too big to fail?\n\nLast headline alone\n");
        assertEquals(
                List.of(
                        new ParsedBrief("Most read", "Lonely headline", null),
                        new ParsedBrief("Most read", "Headline with summary", "The summary."),
                        new ParsedBrief("Most read", "Is Agrokor too big to fail?", null),
                        new ParsedBrief("Most read", "Last headline alone", null)),
                d.briefs());
    }

    @Test
    void severalSidebarsKeepTheirOwnHeadings() {
        ParsedDump d =
                parsed(ARTICLE + "Latest news\n\nA headline\n\nA summary.\n\nMost read\n\nB headline\n\nB summary.\n");
        assertEquals(List.of("Latest news", "Most read"), d.sections());
        assertEquals("Latest news", d.briefs().get(0).section());
        assertEquals("Most read", d.briefs().get(1).section());
    }

    @Test
    void sidebarWithNoArticleAbove() {
        ParsedDump d = parsed("Top stories\n\nA headline\n\nA summary.\n\nB headline\n\nB summary.\n");
        assertNull(d.article());
        assertEquals(2, d.briefs().size());
        assertTrue(DumpEvents.article(d).isEmpty());
        assertEquals(1, DumpEvents.briefs(d).get(0).getOrigin().getPosition());
    }

    @Test
    void articleWithNoSidebar() {
        ParsedDump d = parsed("A title without a full stop\n\n" + ARTICLE);
        assertEquals("A title without a full stop", d.article().title());
        assertEquals(2, d.article().paragraphs().size());
        assertTrue(d.briefs().isEmpty());
        assertTrue(d.sections().isEmpty());
    }

    @Test
    void aSingleShortLineIsAParagraphNotATitle() {
        ParsedDump d = parsed("Just one line");
        assertNull(d.article().title());
        assertEquals(List.of("Just one line"), d.article().paragraphs());
    }

    @Test
    void quotesInHeadlines() {
        ParsedDump d = parsed(ARTICLE + "More news\n\n\"We will not give up,\" says Plenkovic\n"
                + "Prime Minister Andrej Plenkovic said on Friday the government would not give up.\n"
                + "Thaksin to junta: 'Cut me out'\nThaksin said he was \"not interested\".\n");
        assertEquals(
                "\"We will not give up,\" says Plenkovic", d.briefs().get(0).headline());
        assertEquals("Thaksin to junta: 'Cut me out'", d.briefs().get(1).headline());
        assertEquals(
                "Thaksin said he was \"not interested\".", d.briefs().get(1).summary());
    }

    @Test
    void nonLatinScripts() {
        ParsedDump d = parsed("""
        Хорватия и Китай подписали план сотрудничества

        Министерства сельского хозяйства Хорватии и Китая в пятницу подписали план действий.

        Другие новости

        Агрокор договорился с банками
        Банки и Агрокор согласовали ключевые элементы соглашения о моратории.

        أخبار ذات صلة

        المعارضة السورية تستبعد أي دور للأسد
        قالت المعارضة السورية يوم الجمعة إنها لن تقبل أي دور للرئيس بشار الأسد.

        最新新闻

        克罗地亚与中国签署农业合作行动计划
        克罗地亚和中国农业部周五签署了2017至2018年农业合作行动计划。
        """);
        assertEquals(
                "Хорватия и Китай подписали план сотрудничества", d.article().title());
        assertEquals(List.of("Другие новости", "أخبار ذات صلة", "最新新闻"), d.sections());
        assertEquals(3, d.briefs().size());
        assertEquals(
                "Банки и Агрокор согласовали ключевые элементы соглашения о моратории.",
                d.briefs().get(0).summary());
        assertEquals("المعارضة السورية تستبعد أي دور للأسد", d.briefs().get(1).headline());
        assertEquals("克罗地亚与中国签署农业合作行动计划", d.briefs().get(2).headline());
        assertTrue(d.briefs().get(2).summary().endsWith("。"));
    }

    @Test
    void unparseableDumpsAreFailuresWithTheWholeInput() {
        assertEquals("empty dump: no text at all", failed("").reason());
        assertEquals(
                FailureClass.NO_CONTENT, failed("Latest news\n\nMost read\n").failureClass());
        assertTrue(failed(" \r\n\t\n\u00A0\n").reason().startsWith("no text"));
        assertEquals(
                "only a header block (2 field(s)), no body text",
                failed("Source: Hina\nURL: x\n\n\n").reason());
        assertTrue(failed("Latest news\n\nMost read\n").reason().startsWith("no article text and no briefs"));
        String binary = "PK\u0003\u0004\u0000\u0000garbage";
        DumpFailure f = failed(binary);
        assertEquals("binary content: NUL character at offset 4", f.reason());
        assertEquals(FailureClass.NOT_TEXT, f.failureClass());
        assertArrayEquals(binary.getBytes(StandardCharsets.UTF_8), f.original());
        assertTrue(failed("a\u0001b\u0002c\u0003d\u0004e").reason().startsWith("binary content: 4 control characters"));
    }

    @Test
    void envelopeFieldsApplyWhenTheTextHasNoHeader() {
        RawDump raw = new RawDump(
                "feed.jsonl:1",
                ARTICLE,
                Map.of(HeaderBlock.URL, "https://example.org/x", HeaderBlock.CAPTURED, "2017-04-07T12:00:00Z"),
                Samples.MTIME);
        ParsedDump d = (ParsedDump) new DumpParser().parse(raw);
        assertEquals("example.org", d.source());
        assertEquals(Instant.parse("2017-04-07T12:00:00Z"), d.capturedAt());
        RawDump withHeader = new RawDump(
                "feed.jsonl:2",
                "Captured: 2017-04-08T00:00:00Z\n\n" + ARTICLE,
                Map.of(HeaderBlock.CAPTURED, "2017-04-07T12:00:00Z"),
                Samples.MTIME);
        assertEquals(
                Instant.parse("2017-04-08T00:00:00Z"), ((ParsedDump) new DumpParser().parse(withHeader)).capturedAt());
    }

    @Test
    void dumpIdIgnoresHeaderAndWhitespaceButNotContent() {
        String body = "Para one.\n\nLatest news\n\nHead\n\nSumm.\n";
        String a = parsed("Captured: 2017-04-07T10:00:00Z\n\n" + body).dumpId();
        String b = parsed("Captured: 2017-05-01T10:00:00Z\nSource: Other\n\n" + body.replace("\n", "\r\n\r\n") + "  ")
                .dumpId();
        assertEquals(a, b);
        assertTrue(!a.equals(parsed(body.replace("Summ.", "Summary.")).dumpId()));
    }
}
