package io.newsflow.enrich.tagging;

import io.newsflow.avro.RegionTag;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mention-level country-tag quality on hand-labelled newswire items (tagging/labelled-items.txt,
 * labelled with every country named): micro-averaged precision, recall and F1 over (item, country)
 * pairs of {@code regions} and {@code mentionedRegions} together.
 */
@Tag("evaluation")
class LabelledSetTest {

    /** A labelled item; {@code dateline} is null when the file gives none (then the lead may carry it). */
    record Item(String id, Set<String> expected, String dateline, String headline, List<String> paragraphs) {

        /** The paragraphs as a wire service sends them: the dateline opens the lead. */
        List<String> paragraphsWithDateline() {
            if (dateline == null || dateline.isEmpty() || paragraphs.isEmpty()) {
                return paragraphs;
            }
            List<String> withDateline = new ArrayList<>(paragraphs);
            withDateline.set(0, dateline + " " + paragraphs.get(0));
            return withDateline;
        }
    }

    static List<Item> load() throws IOException {
        return load("/tagging/labelled-items.txt");
    }

    /**
     * Items in this file's format: "== id | codes [| dateline]" (codes in the labeller's order), then
     * the headline and the paragraphs.
     */
    static List<Item> load(String resource) throws IOException {
        String text;
        try (InputStream in = LabelledSetTest.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Item> items = new ArrayList<>();
        String id = null;
        Set<String> expected = null;
        String dateline = null;
        List<String> lines = new ArrayList<>();
        for (String line : (text + "\n== end | -").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("== ")) {
                if (id != null) {
                    items.add(new Item(
                            id, expected, dateline, lines.get(0), List.copyOf(lines.subList(1, lines.size()))));
                }
                String[] header = line.substring(3).split("\\|", -1);
                id = header[0].strip();
                dateline = header.length > 2 ? header[2].strip() : null;
                String codes = header[1].strip();
                expected = codes.equals("-") ? Set.of() : new LinkedHashSet<>(List.of(codes.split(",")));
                lines = new ArrayList<>();
            } else {
                lines.add(line.strip());
            }
        }
        return items;
    }

    @Test
    void countryTagsReachF1OfAtLeast085() throws IOException {
        List<Item> items = load();
        assertTrue(items.size() >= 100, "labelled items: " + items.size());
        Set<String> continents = new HashSet<>();
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        StringBuilder errors = new StringBuilder();
        for (Item item : items) {
            // Mention level: the countries the item is about and those it mentions, together.
            Tagger.Result result = Fixtures.TAGGER.tag(item.headline(), item.paragraphs());
            Set<String> got = new TreeSet<>();
            for (RegionTag tag : result.regions()) {
                got.add(tag.getCountryCode());
            }
            for (RegionTag tag : result.mentionedRegions()) {
                got.add(tag.getCountryCode());
            }
            item.expected()
                    .forEach(c -> continents.add(Fixtures.GAZETTEER.country(c).continent()));
            Set<String> tp = new TreeSet<>(got);
            tp.retainAll(item.expected());
            Set<String> fp = new TreeSet<>(got);
            fp.removeAll(item.expected());
            Set<String> fn = new TreeSet<>(item.expected());
            fn.removeAll(got);
            truePositives += tp.size();
            falsePositives += fp.size();
            falseNegatives += fn.size();
            if (!fp.isEmpty() || !fn.isEmpty()) {
                errors.append(String.format("  %s: extra %s, missed %s%n", item.id(), fp, fn));
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        double f1 = 2 * precision * recall / (precision + recall);
        System.out.printf(
                "Country tags on %d labelled items: precision %.3f, recall %.3f, F1 %.3f "
                        + "(TP %d, FP %d, FN %d)%n%s",
                items.size(), precision, recall, f1, truePositives, falsePositives, falseNegatives, errors);
        assertEquals(Set.of("Europe", "Asia", "Africa", "Americas", "Oceania"), continents);
        assertTrue(f1 >= 0.85, String.format("F1 %.3f < 0.85; errors:%n%s", f1, errors));
    }
}
