package io.newsflow.ingest.parse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pages made of briefs in many styles, laid out as docs/input-formats.md says a sidebar is read, come back as
 * the same briefs in every dump format. The styles: sentences, results and dividend lines, table
 * rows, capitals, one word or eighty, headlines ending in "?", ":" or a ticker. What varies by layout
 * is only which briefs may lack a summary (the "known pattern"; see {@link SidebarPairing}):
 *
 * <ul>
 *   <li>paired blocks (headline and summary on consecutive lines, a blank line between briefs): any;
 *   <li>alternating (a blank line after every line) and dense (no blank lines), full: none, and at
 *       least one summary is a sentence; a capitals summary that is not a sentence comes only where
 *       the layout can tell (a capitals sentence summary, or a headline not in capitals, beside it);
 *   <li>the same layouts, mixed: summaries are sentences or results/dividend/table lines, never two
 *       briefs without summary in a row, headlines all in capitals or none;
 *   <li>lists: no summaries, headlines all in capitals or none, none over 80 characters.
 * </ul>
 */
class SidebarRoundTripPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DumpReader READER = new DumpReader();
    private static final DumpParser PARSER = new DumpParser();
    private static final List<String> HEADINGS =
            List.of("Latest news", "More news", "Related news:", "TOP STORIES", "Most read");

    enum Layout {
        PAIRED,
        ALTERNATING,
        DENSE,
        ALTERNATING_MIXED,
        DENSE_MIXED,
        LIST_BLANKS,
        LIST_DENSE
    }

    enum Format {
        PLAIN,
        HEADER,
        MULTI,
        CRLF,
        BOM,
        GZIP,
        JSON_LINES
    }

    record Brief(String headline, String summary, boolean capitalsHeadline, SummaryStyle style) {}

    enum SummaryStyle {
        SENTENCE,
        CAPITALS_SENTENCE,
        RESULTS,
        DIVIDEND,
        TABLE,
        CAPITALS,
        ONE_WORD,
        LONG,
        NONE
    }

    record Sidebar(String heading, Layout layout, List<Brief> briefs) {}

    record Page(String title, List<String> paragraphs, List<Sidebar> sidebars) {}

    @Property(tries = 200)
    void briefsComeBackTheSameInEveryFormat(@ForAll("pages") Page page) {
        page.sidebars().forEach(s -> Statistics.label("layout").collect(s.layout()));
        List<ParsedBrief> expected = new ArrayList<>();
        for (Sidebar s : page.sidebars()) {
            s.briefs().forEach(b -> expected.add(new ParsedBrief(s.heading(), b.headline(), b.summary())));
        }
        for (Format format : Format.values()) {
            List<ReadOutcome> read = READER.read("page", render(page, format), Samples.MTIME);
            assertEquals(format == Format.MULTI ? 2 : 1, read.size(), format::name);
            for (ReadOutcome r : read) {
                ParsedDump d = (ParsedDump) PARSER.parse((RawDump) r);
                assertEquals(expected, d.briefs(), () -> format + "\n" + text(page));
                assertEquals(page.title(), d.article().title(), format::name);
                assertEquals(page.paragraphs(), d.article().paragraphs(), format::name);
            }
        }
    }

    @Provide
    Arbitrary<Page> pages() {
        Arbitrary<String> title =
                Arbitraries.oneOf(headline(false), headline(true)).injectNull(0.3);
        Arbitrary<List<String>> paragraphs = Combinators.combine(
                        sentence(8, 40), paragraph().list().ofMaxSize(4))
                .as((first, rest) -> { // the first is a sentence, so a page without title does not start with a
                    // headline
                    List<String> all = new ArrayList<>(List.of(first));
                    all.addAll(rest);
                    return all;
                });
        return Combinators.combine(
                        title, paragraphs, sidebar().list().ofMinSize(1).ofMaxSize(2))
                .as(Page::new);
    }

    private Arbitrary<Sidebar> sidebar() {
        return Combinators.combine(
                        Arbitraries.of(HEADINGS),
                        Arbitraries.of(Layout.class),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(2, 7))
                .flatAs((heading, layout, capitals, size) ->
                        briefs(layout, capitals, size).map(b -> new Sidebar(heading, layout, b)))
                .filter(SidebarRoundTripPropertiesTest::fitsItsLayout);
    }

    /** Briefs for one layout; {@code capitals} is the headline case where the layout needs one for all. */
    private Arbitrary<List<Brief>> briefs(Layout layout, boolean capitals, int size) {
        Arbitrary<Boolean> caps = switch (layout) {
            case PAIRED, ALTERNATING, DENSE -> Arbitraries.of(true, false);
            default -> Arbitraries.just(capitals);
        };
        Arbitrary<SummaryStyle> style = switch (layout) {
            case PAIRED -> Arbitraries.of(SummaryStyle.class);
            case ALTERNATING, DENSE -> Arbitraries.of(SummaryStyle.class).filter(s -> s != SummaryStyle.NONE);
            case ALTERNATING_MIXED, DENSE_MIXED ->
                Arbitraries.of(
                        SummaryStyle.SENTENCE,
                        SummaryStyle.CAPITALS_SENTENCE,
                        SummaryStyle.RESULTS,
                        SummaryStyle.DIVIDEND,
                        SummaryStyle.TABLE,
                        SummaryStyle.NONE);
            case LIST_BLANKS, LIST_DENSE -> Arbitraries.just(SummaryStyle.NONE);
        };
        Arbitrary<Brief> brief = Combinators.combine(caps, style)
                .flatAs((c, s) -> Combinators.combine(headline(c), summary(s)).as((h, sum) -> new Brief(h, sum, c, s)));
        return brief.list().ofSize(size);
    }

    /** The known patterns of missing summaries and the ambiguities docs/input-formats.md names, kept out. */
    private static boolean fitsItsLayout(Sidebar s) {
        List<Brief> b = s.briefs();
        boolean anyMissing = b.stream().anyMatch(x -> x.summary() == null);
        boolean anySummary = b.stream().anyMatch(x -> x.summary() != null);
        return switch (s.layout()) {
            case PAIRED -> anySummary;
            case ALTERNATING, DENSE ->
                b.stream().anyMatch(x -> isSentence(x.style()))
                        && !(b.stream().allMatch(Brief::capitalsHeadline)
                                && b.stream().noneMatch(x -> x.style() == SummaryStyle.CAPITALS_SENTENCE)
                                && b.stream().anyMatch(x -> !isSentence(x.style()) && isCapitals(x.summary())));
            case ALTERNATING_MIXED, DENSE_MIXED ->
                anyMissing && anySummary && noTwoMissingInARow(b) && shortHeadlines(b);
            case LIST_BLANKS, LIST_DENSE -> shortHeadlines(b);
        };
    }

    /** A headline over 80 characters after a short one would read as its summary. */
    private static boolean shortHeadlines(List<Brief> b) {
        return b.stream().allMatch(x -> x.headline().length() <= 80);
    }

    private static boolean isSentence(SummaryStyle style) {
        return style == SummaryStyle.SENTENCE || style == SummaryStyle.CAPITALS_SENTENCE || style == SummaryStyle.LONG;
    }

    private static boolean noTwoMissingInARow(List<Brief> b) {
        for (int i = 1; i < b.size(); i++) {
            if (b.get(i - 1).summary() == null && b.get(i).summary() == null) {
                return false;
            }
        }
        return true;
    }

    /** Letters, none in lower case. */
    private static boolean isCapitals(String s) {
        return s.equals(s.toUpperCase(Locale.ROOT)) && !s.equals(s.toLowerCase(Locale.ROOT));
    }

    private static Arbitrary<String> word() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(9),
                Arbitraries.of(
                        "Agrokor",
                        "Zagreb",
                        "Aleppo",
                        "Café",
                        "Ayrault",
                        "oil",
                        "bank",
                        "prices",
                        "deal",
                        "2017",
                        "al-Assad"));
    }

    private static Arbitrary<String> words(int min, int max) {
        return word().list().ofMinSize(min).ofMaxSize(max).map(w -> {
            String s = String.join(" ", w);
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        });
    }

    /** A headline: sentence case or capitals, ending in a word, "?", ":" or a ticker. */
    private static Arbitrary<String> headline(boolean capitals) {
        Arbitrary<String> ending = Arbitraries.of("", "", "?", ":", " (ACT)", " <BFI.O>", " - USDA");
        return Combinators.combine(words(3, 9), ending)
                .as((w, e) -> capitals ? (w + e).toUpperCase(Locale.ROOT) : w + e)
                .filter(h -> !SidebarHeadings.isHeading(h));
    }

    private static Arbitrary<String> sentence(int min, int max) {
        return words(min, max).map(w -> w + ".");
    }

    private static Arbitrary<String> paragraph() {
        return Arbitraries.oneOf(
                sentence(5, 40), summary(SummaryStyle.RESULTS), words(1, 6).filter(p -> !SidebarHeadings.isHeading(p)));
    }

    private static Arbitrary<String> summary(SummaryStyle style) {
        Arbitrary<Integer> n = Arbitraries.integers().between(1, 999);
        return switch (style) {
            case SENTENCE -> sentence(4, 30);
            case CAPITALS_SENTENCE -> sentence(4, 20).map(x -> x.toUpperCase(Locale.ROOT));
            case RESULTS ->
                Combinators.combine(n, n, n, n)
                        .as((a, b, c, d) -> "Shr " + a + " cts vs " + b + " cts; Net " + c + ",118,000 vs " + d
                                + ",904,000; Revs 61.2 mln vs 55.8 mln");
            case DIVIDEND ->
                Combinators.combine(n, n)
                        .as((a, b) -> "Qtly div " + a + " cts vs " + b + " cts prior; Pay May 2; Record April 10");
            case TABLE -> n.map(a -> "MAX TEMP..MIN TEMP..RAINFALL; ZAGREB......." + a + ".......12...");
            case CAPITALS -> words(2, 8).map(x -> x.toUpperCase(Locale.ROOT));
            case ONE_WORD -> words(1, 1).filter(w -> !SidebarHeadings.isHeading(w));
            case LONG -> words(80, 80);
            case NONE -> Arbitraries.just(null);
        };
    }

    /** The page as text: an article, then each sidebar in its layout. */
    static String text(Page page) {
        List<String> out = new ArrayList<>();
        if (page.title() != null) {
            out.add(page.title());
            out.add("");
        }
        for (String p : page.paragraphs()) {
            out.add(p);
            out.add("");
        }
        for (Sidebar s : page.sidebars()) {
            out.add(s.heading());
            out.add("");
            for (Brief b : s.briefs()) {
                switch (s.layout()) {
                    case PAIRED -> {
                        out.add(b.headline());
                        addIfAny(out, b.summary());
                        out.add("");
                    }
                    case ALTERNATING, ALTERNATING_MIXED, LIST_BLANKS -> {
                        out.add(b.headline());
                        out.add("");
                        if (b.summary() != null) {
                            out.add(b.summary());
                            out.add("");
                        }
                    }
                    case DENSE, DENSE_MIXED, LIST_DENSE -> {
                        out.add(b.headline());
                        addIfAny(out, b.summary());
                    }
                }
            }
            out.add("");
        }
        return String.join("\n", out) + "\n";
    }

    private static void addIfAny(List<String> out, String line) {
        if (line != null) {
            out.add(line);
        }
    }

    private static byte[] render(Page page, Format format) {
        String text = text(page);
        String header = "Source: example.test\nURL: https://example.test/a/1\nCaptured: 2026-12-01T10:00:00Z\n\n";
        Function<String, byte[]> utf8 = s -> s.getBytes(StandardCharsets.UTF_8);
        return switch (format) {
            case PLAIN -> utf8.apply(text);
            case HEADER -> utf8.apply(header + text);
            case MULTI -> utf8.apply(header + text + "=====\n" + text);
            case CRLF -> utf8.apply((header + text).replace("\n", "\r\n"));
            case BOM -> utf8.apply("\uFEFF" + text);
            case GZIP -> gzip(utf8.apply(header + text));
            case JSON_LINES -> {
                ObjectNode line = JSON.createObjectNode()
                        .put("url", "https://example.test/a/1")
                        .put("captured", "2026-12-01T10:00:00Z")
                        .put("text", text);
                yield utf8.apply(line + "\n");
            }
        };
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
