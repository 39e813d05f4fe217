package io.newsflow.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Brief pairing on text nobody here wrote: 300 pages laid out from Reuters-21578 stories by
 * {@code tools/sidebar-corpus/generate.mjs}, with the briefs each page is made of as ground truth.
 *
 * <p>The rule, fixed before the parser was run on the corpus: a brief is exactly right when the
 * parser gives a brief with the expected section, headline and summary (no summary where none is
 * expected), each compared in the parser's normal form ({@link LineNormalizer#line}: NFC, every run
 * of whitespace one space, trimmed, byte order marks dropped; nothing else, so case and punctuation
 * count). Each expected brief matches at most one parsed brief. A brief is split when its summary
 * comes out as the headline of a brief of its own; two briefs are merged when one's headline comes
 * out as the other's summary. Accuracy is exactly right briefs over expected briefs.
 *
 * <p>{@code -Dfidelity.dir=DIR} reads a held-out corpus made by the generator with another seed
 * ({@code --seed N --out DIR}) instead of the committed one.
 */
@Tag("evaluation")
class SidebarFidelityTest {

    private static final String DIR = "/fidelity/reuters-pages/";
    private static final String HELD_OUT = System.getProperty("fidelity.dir");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void briefsOfRealNewswirePagesComeOutIntact() throws IOException {
        Score total = new Score();
        Map<String, Score> byLayout = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (JsonNode page : expectedPages()) {
            String name = page.get("page").asText();
            ParsedDump parsed = parse(name);
            List<ParsedBrief> expected = new ArrayList<>();
            for (JsonNode b : page.get("briefs")) {
                expected.add(new ParsedBrief(norm(b.get("section")), norm(b.get("headline")), norm(b.get("summary"))));
            }
            Score page1 = score(expected, parsed.briefs(), name, wrong);
            total.add(page1);
            byLayout.computeIfAbsent(page.get("layout").asText(), k -> new Score())
                    .add(page1);
            total.articles++;
            JsonNode article = page.get("article");
            List<String> paragraphs = new ArrayList<>();
            article.get("paragraphs").forEach(p -> paragraphs.add(norm(p)));
            if (parsed.article() != null
                    && Objects.equals(
                            norm(article.get("title")), parsed.article().title())
                    && paragraphs.equals(parsed.article().paragraphs())) {
                total.articlesRight++;
            } else {
                wrong.add(name + ": article " + parsed.article() + " / expected title " + norm(article.get("title")));
            }
        }
        System.out.printf("sidebar fidelity (Reuters-21578 pages): %s%n", total);
        byLayout.forEach((layout, s) -> System.out.printf("  %-18s %s%n", layout, s));
        wrong.stream().limit(40).forEach(w -> System.out.println("  wrong: " + w));

        assertEquals(0, total.split, "briefs split");
        assertEquals(0, total.merged, "briefs merged");
        assertTrue(total.accuracy() >= 0.99, () -> "pairing accuracy " + total.accuracy() + " below 0.99");
    }

    private static Score score(List<ParsedBrief> expected, List<ParsedBrief> parsed, String page, List<String> wrong) {
        Score s = new Score();
        s.expected = expected.size();
        List<ParsedBrief> unmatched = new ArrayList<>(parsed);
        Set<String> expectedHeadlines = new HashSet<>();
        for (ParsedBrief e : expected) {
            expectedHeadlines.add(e.headline());
            if (unmatched.remove(e)) {
                s.right++;
            } else {
                wrong.add(page + ": expected " + e);
            }
        }
        for (ParsedBrief e : expected) {
            if (e.summary() != null
                    && parsed.stream().anyMatch(p -> p.headline().equals(e.summary()))) {
                s.split++;
            }
        }
        for (ParsedBrief p : parsed) {
            if (p.summary() != null && expectedHeadlines.contains(p.summary())) {
                s.merged++;
            }
        }
        return s;
    }

    private static ParsedDump parse(String name) throws IOException {
        byte[] bytes;
        try (InputStream in = open(name)) {
            bytes = in.readAllBytes();
        }
        List<ReadOutcome> read = new DumpReader().read(name, bytes, Samples.MTIME);
        assertEquals(1, read.size(), name);
        return (ParsedDump) new DumpParser().parse((RawDump) read.get(0));
    }

    private static List<JsonNode> expectedPages() throws IOException {
        List<JsonNode> pages = new ArrayList<>();
        try (InputStream in = open("expected.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    pages.add(JSON.readTree(line));
                }
            }
        }
        return pages;
    }

    private static InputStream open(String name) throws IOException {
        return HELD_OUT != null
                ? Files.newInputStream(Path.of(HELD_OUT, name))
                : Objects.requireNonNull(SidebarFidelityTest.class.getResourceAsStream(DIR + name), name);
    }

    private static String norm(JsonNode node) {
        return node == null || node.isNull() ? null : LineNormalizer.line(node.asText());
    }

    private static final class Score {
        int expected;
        int right;
        int split;
        int merged;
        int articles;
        int articlesRight;

        void add(Score o) {
            expected += o.expected;
            right += o.right;
            split += o.split;
            merged += o.merged;
            articles += o.articles;
            articlesRight += o.articlesRight;
        }

        double accuracy() {
            return expected == 0 ? 1 : (double) right / expected;
        }

        @Override
        public String toString() {
            String s = String.format(
                    "briefs %d/%d exactly right (%.4f), split %d, merged %d",
                    right, expected, accuracy(), split, merged);
            return articles == 0 ? s : s + String.format(", articles %d/%d exactly right", articlesRight, articles);
        }
    }
}
