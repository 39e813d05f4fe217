package io.newsflow.ingest.parse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parser never throws and never loses a non-blank line of its input. */
class DumpParserPropertiesTest {

    private final DumpParser parser = new DumpParser();

    @Property(tries = 300)
    void anyStringIsParsedOrRejectedWithoutLoss(@ForAll String text) {
        checkLossless(text);
    }

    @Property(tries = 600)
    void dumpShapedTextIsParsedOrRejectedWithoutLoss(@ForAll("dumpShaped") String text) {
        checkLossless(text);
    }

    private void checkLossless(String text) {
        ParseOutcome outcome = parser.parse(RawDump.of("prop", text, Samples.MTIME));
        Statistics.collect(
                outcome instanceof ParsedDump d && !d.briefs().isEmpty()
                        ? "with briefs"
                        : outcome.getClass().getSimpleName());
        if (outcome instanceof DumpFailure f) {
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), f.original(), "a failure carries the whole input");
            assertTrue(!f.reason().isBlank());
            return;
        }
        ParsedDump d = (ParsedDump) outcome;
        Set<String> covered = new HashSet<>(d.sections());
        if (d.article() != null) {
            covered.addAll(d.article().paragraphs());
            if (d.article().title() != null) {
                covered.add(d.article().title());
            }
        }
        for (ParsedBrief b : d.briefs()) {
            covered.add(b.headline());
            if (b.summary() != null) {
                covered.add(b.summary());
            }
        }
        for (String raw : text.split("\r\n|\r|\n", -1)) {
            String line = LineNormalizer.line(raw);
            if (!line.isEmpty()) {
                assertTrue(
                        covered.contains(line) || isHeaderField(d.header(), line),
                        () -> "line lost: [" + line + "] from " + d);
            }
        }
    }

    private static boolean isHeaderField(List<HeaderField> header, String line) {
        return header.stream()
                .anyMatch(f -> line.startsWith(f.key() + ":")
                        && line.substring(f.key().length() + 1).strip().equals(f.value()));
    }

    /** Lines made of the things real dumps hold, joined by the line endings and blank runs they use. */
    @Provide
    Arbitrary<String> dumpShaped() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                Arbitraries.of(
                        "Агрокор",
                        "новости",
                        "الأسد",
                        "克罗地亚",
                        "Café",
                        "Cafe\u0301",
                        "al-Assad",
                        "\"We",
                        "welcome\"",
                        "'Cut",
                        "me out'",
                        "Dalic:",
                        "(Reuters)",
                        "-",
                        "—",
                        "ZAGREB,",
                        "2017",
                        "?",
                        "!",
                        "...",
                        "…",
                        "。"));
        Arbitrary<String> space = Arbitraries.of(" ", " ", " ", "  ", "\t", "\u00A0", " \u3000");
        Arbitrary<String> sentence = Combinators.combine(
                        word.list().ofMinSize(1).ofMaxSize(30),
                        space,
                        Arbitraries.of("", "", ".", ".", "?", "!", ":", "\"", ".'"))
                .as((words, sp, end) -> String.join(sp, words) + end);
        Arbitrary<String> special = Arbitraries.of(
                "Latest news",
                "LATEST NEWS",
                "More news",
                "Related news:",
                "Most read",
                "Top stories",
                "Последние новости",
                "Source: Hina",
                "URL: https://www.hina.hr/a?b=1",
                "Captured: 2017-04-07T10:00:00Z",
                "Captured: not a time",
                "Published: 2017-04-07",
                "Title: Agrokor: deal signed",
                "Lang: hr",
                "=====",
                "\uFEFF",
                "  ",
                "",
                "\u0000",
                "x\u0001y");
        Arbitrary<String> line = Arbitraries.frequencyOf(Tuple.of(6, sentence), Tuple.of(2, special));
        Arbitrary<String> eol = Arbitraries.of("\n", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n\n\n\n");
        return Combinators.combine(
                        line.list().ofMaxSize(40), eol.list().ofMinSize(40).ofMaxSize(40))
                .as((lines, eols) -> {
                    List<String> parts = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        parts.add(lines.get(i) + eols.get(i));
                    }
                    return String.join("", parts);
                });
    }
}
