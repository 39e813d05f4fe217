package io.newsflow.ingest.parse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.newsflow.ingest.parse.Samples.parsed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Sidebars paired by their layout (issue #14). Apart from the issue's page, the cases are the
 * fidelity corpus's worst (Reuters-21578 text, see {@code tools/sidebar-corpus}), each one a way the
 * parser went wrong while its rules were refined.
 */
class SidebarPairingTest {

    private static final String ARTICLE =
            "Acme Tool Corp said on Tuesday its second-quarter profit rose on stronger demand.\n\n";

    @Test
    void theIssuesPageKeepsResultsAndDividendLinesWithTheirHeadlines() {
        ParsedDump d = parsed("""
        Source: example.test
        Captured: 2026-12-01T10:00:00Z

        Acme Tool Corp said on Tuesday its second-quarter profit rose on stronger demand for machine tools.

        Latest news

        ACME TOOL CORP (ACT) 2ND QTR NET

        Shr 52 cts vs 47 cts; Net 2,118,000 vs 1,904,000; Revs 61.2 mln vs 55.8 mln

        BETA FOODS INC (BFI) SETS DIVIDEND

        Qtly div 15 cts vs 15 cts prior; Pay May 2; Record April 10

        Oil prices rise on supply worries

        Oil prices rose on Tuesday as traders worried about supply disruptions in the Middle East.
        """);
        assertEquals(
                List.of(
                        brief(
                                "Latest news",
                                "ACME TOOL CORP (ACT) 2ND QTR NET",
                                "Shr 52 cts vs 47 cts; Net 2,118,000 vs 1,904,000; Revs 61.2 mln vs 55.8 mln"),
                        brief(
                                "Latest news",
                                "BETA FOODS INC (BFI) SETS DIVIDEND",
                                "Qtly div 15 cts vs 15 cts prior; Pay May 2; Record April 10"),
                        brief(
                                "Latest news",
                                "Oil prices rise on supply worries",
                                "Oil prices rose on Tuesday as traders worried about supply disruptions in the Middle East.")),
                d.briefs());
    }

    @Test
    void aSidebarOfResultsLinesOnlyIsStillPaired() {
        ParsedDump d = parsed(ARTICLE + """
        Latest news

        ACME TOOL CORP (ACT) 2ND QTR NET

        Shr 52 cts vs 47 cts; Net 2,118,000 vs 1,904,000; Revs 61.2 mln vs 55.8 mln

        BETA FOODS INC (BFI) SETS DIVIDEND

        Qtly div 15 cts vs 15 cts prior; Pay May 2; Record April 10
        """);
        assertEquals(
                List.of(
                        "Shr 52 cts vs 47 cts; Net 2,118,000 vs 1,904,000; Revs 61.2 mln vs 55.8 mln",
                        "Qtly div 15 cts vs 15 cts prior; Pay May 2; Record April 10"),
                summaries(d));
    }

    @Test
    void inAnAlternatingSidebarAnySummaryStaysWithItsHeadline() {
        ParsedDump d = parsed(ARTICLE + """
        Latest news

        WEATHER: ZAGREB FORECAST

        MAX TEMP..MIN TEMP..RAINFALL

        Is Agrokor too big to fail?

        Yes

        Croatia, China sign action plan for cooperation in agriculture

        The Croatian and Chinese ministries of agriculture on Friday signed an action plan.
        """);
        assertEquals(
                List.of(
                        "MAX TEMP..MIN TEMP..RAINFALL",
                        "Yes",
                        "The Croatian and Chinese ministries of agriculture on Friday signed an action plan."),
                summaries(d));
    }

    @Test
    void pairedBlocksDecideWhateverTheLinesLookLike() {
        ParsedDump d = parsed(ARTICLE + """
        More news

        ACME TOOL CORP (ACT) 2ND QTR NET
        SHR 52 CTS VS 47 CTS

        Lonely headline

        Markets: what next?
        Nobody knows

        JAPANESE BANKS EXPAND HONG KONG PRESENCE

        SUMMER/WINTER TIME CHANGES.
        ISRAEL INTRODUCES SUMMER TIME.
        """);
        assertEquals(
                List.of(
                        brief("More news", "ACME TOOL CORP (ACT) 2ND QTR NET", "SHR 52 CTS VS 47 CTS"),
                        brief("More news", "Lonely headline", null),
                        brief("More news", "Markets: what next?", "Nobody knows"),
                        brief("More news", "JAPANESE BANKS EXPAND HONG KONG PRESENCE", null),
                        brief("More news", "SUMMER/WINTER TIME CHANGES.", "ISRAEL INTRODUCES SUMMER TIME.")),
                d.briefs());
    }

    @Test
    void twoHeadlinesWithoutSummaryInARowAmongSentenceSummaries() {
        ParsedDump d = parsed(ARTICLE + """
        LATEST NEWS

        UAW SAYS MAJOR WORK STOPPAGE POSSIBLE AT GM, FORD

        Leaders of the nation's unionized automobile workers have signaled their intent for a major work stoppage later this year.

        ULTRASYSTEMS INC <ULS> 4TH QTR NET

        Shr 26 cts vs 18 cts; Net 2,102,000 vs 1,415,000; Revs 44.1 mln vs 42.2 mln

        NATIONAL PORK BOARD ALLOCATES 2.4 MLN DLRS

        RED LION INNS FILES PLANS OFFERING

        STET CONFIRMS TALKS UNDER WAY WITH THOMSON

        Italy's state-controlled telecommunications company <Stet> and France's Thomson-CSF <TCSF.PA> said they were negotiating a deal.
        """);
        assertEquals(
                List.of(
                        "UAW SAYS MAJOR WORK STOPPAGE POSSIBLE AT GM, FORD",
                        "ULTRASYSTEMS INC <ULS> 4TH QTR NET",
                        "NATIONAL PORK BOARD ALLOCATES 2.4 MLN DLRS",
                        "RED LION INNS FILES PLANS OFFERING",
                        "STET CONFIRMS TALKS UNDER WAY WITH THOMSON"),
                headlines(d));
        assertNull(d.briefs().get(2).summary());
        assertNull(d.briefs().get(3).summary());
    }

    @Test
    void aResultsLineWhereAHeadlineWouldBeShowsTheSidebarDoesNotAlternate() {
        ParsedDump d = parsed(ARTICLE + """
        More news:

        TEXAS INTERNATIONAL <TEI> RETIRES SOME NOTES

        Texas International Co said it has retired 2,700,000 dlrs of its 10 pct third delayed convertible snior subordinated notes of 1993 Series A and B.

        TEXACO <TX> TO CEASE POSTING TEXAS OIL PRICE

        LIFE OF INDIANA CORP <LIFI> 4TH QTR LOSS

        Shr loss two cts vs profit six cts; Net loss 103,000 vs profit 319,000; Revs 4,357,000 vs 6,494,000

        PUBLICKER <PUL> AUDITORS' OPINION UNQUALIFIED

        NATIONAL INTERGROUP <NII> UNIT FILES FOR OFFER

        National Intergrup Inc said its Permian Partners LP subsidiary plans to make a public offering of cumulative convertible preferred partnership units.
        """);
        assertEquals(
                List.of(
                        brief(
                                "More news:",
                                "TEXAS INTERNATIONAL <TEI> RETIRES SOME NOTES",
                                "Texas International Co said it has retired "
                                        + "2,700,000 dlrs of its 10 pct third delayed convertible snior subordinated notes of 1993 Series A and B."),
                        brief("More news:", "TEXACO <TX> TO CEASE POSTING TEXAS OIL PRICE", null),
                        brief(
                                "More news:",
                                "LIFE OF INDIANA CORP <LIFI> 4TH QTR LOSS",
                                "Shr loss two cts vs profit six cts; Net loss 103,000 vs profit 319,000; Revs 4,357,000 vs 6,494,000"),
                        brief("More news:", "PUBLICKER <PUL> AUDITORS' OPINION UNQUALIFIED", null),
                        brief(
                                "More news:",
                                "NATIONAL INTERGROUP <NII> UNIT FILES FOR OFFER",
                                "National Intergrup Inc said its Permian "
                                        + "Partners LP subsidiary plans to make a public offering of cumulative convertible preferred partnership units.")),
                d.briefs());
    }

    @Test
    void initialismsEndingALineDoNotMakeItASentence() {
        ParsedDump d = parsed(ARTICLE + """
        Related news

        WORLD GRAIN TRADE RECOVERY MAY BE UNDERWAY

        World grain trade could be turning the corner and heading toward recovery in the 1986-87 season, a Cargill, Inc. analyst said.

        <RANGE ROVER> TO SELL VEHICLES IN U.S.

        Range Rover of North America Inc said it would begin selling the luxury utility vehicles in the United States March 16.

        NPS TECHNOLOGIES GROUP <NPSGU> 4TH QTR

        Shr N.A. vs N.A.
        """);
        assertEquals(
                List.of(
                        "WORLD GRAIN TRADE RECOVERY MAY BE UNDERWAY",
                        "<RANGE ROVER> TO SELL VEHICLES IN U.S.",
                        "NPS TECHNOLOGIES GROUP <NPSGU> 4TH QTR"),
                headlines(d));
        assertEquals("Shr N.A. vs N.A.", d.briefs().get(2).summary());
    }

    @Test
    void headlinesEndingWithAStop() {
        ParsedDump dense = parsed(ARTICLE + """
        Other news
        CHRONAR CORP <CRNR.O> YEAR LOSS
        Shr loss 95 cts vs loss nine cts; Net loss 6,882,497 vs loss 513,153; Revs 11.3 mln vs 10.0 mln
        RANGE ROVER OF NORTH AMERICA INC MARCH SALES.
        <Range Rover of North America Inc> said that for the month of March it sold 79 vehicles versus nil for March 1986.
        AMOSKEAG CO <AMOS> SETS QUARTERLY
        Qtly div 30 cts vs 30 cts prior; Pay March 31; Record March Five
        """);
        assertEquals(
                List.of(
                        "CHRONAR CORP <CRNR.O> YEAR LOSS",
                        "RANGE ROVER OF NORTH AMERICA INC MARCH SALES.",
                        "AMOSKEAG CO <AMOS> SETS QUARTERLY"),
                headlines(dense));
        ParsedDump afterASummary = parsed(ARTICLE + """
        More news

        SEC'S SHAD SEES WIDENING TRADING PROBES
        Securities and Exchange Commission chairman John Shad said the SEC's investigations will broaden.

        MERRILL MANDATED FOR IEL U.S. NOTE.

        THATCHER PARTY HAS NINE POINT POLL LEAD
        """);
        assertEquals(
                List.of(
                        brief(
                                "More news",
                                "SEC'S SHAD SEES WIDENING TRADING PROBES",
                                "Securities and Exchange Commission chairman John Shad said the SEC's investigations will broaden."),
                        brief("More news", "MERRILL MANDATED FOR IEL U.S. NOTE.", null),
                        brief("More news", "THATCHER PARTY HAS NINE POINT POLL LEAD", null)),
                afterASummary.briefs());
    }

    @Test
    void listsOfHeadlinesStayLists() {
        ParsedDump d = parsed(ARTICLE + """
        Latest news

        BRITAIN, U.S. TO DISCUSS JAPAN TRADE RELATIONS
        THOMPSON MEDICAL <TM> OFFER OVERSUBSCRIBED
        INTl AMERICAN HOMES <HOME> TO SELL CONVERTIBLES
        JOLIET HOGS UP 1.00 DLR - USDA
        U.S. FINANCIAL ANALYSTS - March 3

        Most read

        TELECONCEPTS CORP <TCC> 3RD QTR NET
        UNIVERSAL RESOURCES <UVR> TO VOTE ON MERGER
        """);
        assertEquals(7, d.briefs().size());
        assertEquals(List.of(), summaries(d));
    }

    @Test
    void aMarketTableInOneLineUnderItsHeadline() {
        ParsedDump d = parsed(ARTICLE + """
        LATEST NEWS

        U.S. CORPORATE FINANCE - FINANCING SURGE SEEN

        POGO <PPP> SEES INCREASING OIL PRODUCTION

        Pogo Producing Co said it should gain some 700 to 800 barrels per day of additional oil production.

        MIDWEST GRAIN FUTURES 12:10 EDT

        MINNEAPOLIS WHEAT MAY7 285 UP 1 1/2 JUL7 281 1/4 UP 1/2 SEP7 276 1/2 UP 1/2 DEC7 -- -- MAR8 -- --

        STRIKE TO CLOSE NEW ZEALAND PORTS ON MONDAY

        Harbour workers said they will strike for 24 hours on Monday, effectively closing all New Zealand's ports.
        """);
        assertEquals(
                List.of(
                        "U.S. CORPORATE FINANCE - FINANCING SURGE SEEN",
                        "POGO <PPP> SEES INCREASING OIL PRODUCTION",
                        "MIDWEST GRAIN FUTURES 12:10 EDT",
                        "STRIKE TO CLOSE NEW ZEALAND PORTS ON MONDAY"),
                headlines(d));
        assertNull(d.briefs().get(0).summary());
    }

    @Test
    void aTableArticleHasATitleOnlyWhenItsFirstLineReadsAsOne() {
        ParsedDump untitled =
                parsed("Shr 20 cts vs 21 cts\n\nNet 783,564 vs 806,278\n\nYear\n\nShr 89 cts vs 86 cts\n");
        assertNull(untitled.article().title());
        assertEquals(4, untitled.article().paragraphs().size());
        ParsedDump titled = parsed("REUTER INC <REUT> 4TH QTR\n\nShr 67 cts vs six cts\n\nNet 1.6 mln vs 131,630\n");
        assertEquals("REUTER INC <REUT> 4TH QTR", titled.article().title());
        assertEquals(
                List.of("Shr 67 cts vs six cts", "Net 1.6 mln vs 131,630"),
                titled.article().paragraphs());
    }

    private static ParsedBrief brief(String section, String headline, String summary) {
        return new ParsedBrief(section, headline, summary);
    }

    private static List<String> headlines(ParsedDump d) {
        return d.briefs().stream().map(ParsedBrief::headline).toList();
    }

    private static List<String> summaries(ParsedDump d) {
        return d.briefs().stream()
                .map(ParsedBrief::summary)
                .filter(s -> s != null)
                .toList();
    }
}
