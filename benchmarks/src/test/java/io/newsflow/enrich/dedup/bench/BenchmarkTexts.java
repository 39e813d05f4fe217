package io.newsflow.enrich.dedup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Benchmark input: the words of the labelled evaluation set, recombined with a fixed seed into
 * briefs and articles of the lengths the benchmarks ask for.
 */
public final class BenchmarkTexts {

    private final List<String> words = new ArrayList<>();
    private final Random random = new Random(42);

    public BenchmarkTexts() {
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(BenchmarkTexts.class.getResourceAsStream("/dedup/dedup-eval.jsonl")),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode item = mapper.readTree(line);
                for (JsonNode paragraph : item.get("paragraphs")) {
                    words.addAll(List.of(paragraph.asText().split("\\s+")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code count} words drawn independently from the corpus: word frequencies as in news, but no
     * two texts share more than chance overlap (windows of a corpus this small would repeat).
     */
    public String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
        }
        return text.toString();
    }

    /** An article of about {@code count} words in paragraphs of 40 words. */
    List<String> paragraphs(int count) {
        List<String> paragraphs = new ArrayList<>();
        for (int done = 0; done < count; done += 40) {
            paragraphs.add(words(Math.min(40, count - done)));
        }
        return paragraphs;
    }
}
