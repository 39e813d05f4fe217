package io.newsflow.enrich.tagging.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Benchmark input: the labelled newswire items (test resource), as headline + paragraphs. */
final class Corpus {

    record Item(String headline, List<String> paragraphs, int utf8Bytes) {}

    private Corpus() {}

    static List<Item> items() {
        String text;
        try (InputStream in = Corpus.class.getResourceAsStream("/tagging/labelled-items.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Item> items = new ArrayList<>();
        for (String block : text.split("\n== ")) {
            List<String> lines = Arrays.stream(block.split("\n"))
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
            if (lines.size() < 3) {
                continue;
            }
            List<String> paragraphs = lines.subList(2, lines.size());
            int bytes = lines.get(1).getBytes(StandardCharsets.UTF_8).length
                    + paragraphs.stream()
                            .mapToInt(p -> p.getBytes(StandardCharsets.UTF_8).length)
                            .sum();
            items.add(new Item(lines.get(1), List.copyOf(paragraphs), bytes));
        }
        return items;
    }

    /** All item text as one string, for matcher-only runs. */
    static String text() {
        StringBuilder b = new StringBuilder();
        for (Item i : items()) {
            b.append(i.headline()).append('\n');
            i.paragraphs().forEach(p -> b.append(p).append('\n'));
        }
        return b.toString();
    }
}
