package io.newsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scraped pages of a newswire site, built from real Reuters-21578 stories
 * ({@code tools/corpora/reuters-21578/stories.jsonl}): page {@code n} is story {@code n} as its article and a
 * "Latest news" sidebar of the {@value #SIDEBAR} stories before it as briefs (headline and first
 * paragraph), the way a site's sidebar repeats recent stories on every page. So a brief recurs on up
 * to {@value #SIDEBAR} pages (exact duplicates), is the headline and lead of an earlier page's article
 * (brief of article), and some occurrences carry another capital's dateline (the same text after
 * normalising) or an added sentence (near duplicates).
 *
 * <p>Every item of a page has the page's capture time as its event time ({@code Published:} equals
 * {@code Captured:}), rising with the page number, so a batch of these pages ingested in file order
 * arrives in event-time order.
 *
 * <p>{@code java -cp 'enrich-service/target/enrich-service.jar:enrich-service/target/lib/*'
 * io.newsflow.bench.NewswirePages tools/corpora/reuters-21578/stories.jsonl OUT_DIR PAGES START HOURS}
 * writes PAGES files ({@code page-0000.txt} ...) with capture times spread evenly over HOURS from START.
 */
public final class NewswirePages {
    public static final int SIDEBAR = 20;
    private static final String[] CAPITALS = {
        "LONDON", "NEW YORK", "TOKYO", "PARIS", "FRANKFURT", "SYDNEY", "WASHINGTON"
    };
    private static final String ADDED = " More details were not immediately available.";

    private final List<Story> stories;

    private record Story(String title, List<String> paragraphs) {}

    private NewswirePages(List<Story> stories) {
        this.stories = stories;
    }

    /** Reads stories.jsonl: one JSON object a line with {@code title} and {@code body}. */
    public static NewswirePages fromStories(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Story> stories = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode story = json.readTree(line);
                stories.add(new Story(
                        oneLine(story.get("title").asText()),
                        paragraphs(story.get("body").asText())));
            }
        }
        return new NewswirePages(stories);
    }

    public int size() {
        return stories.size();
    }

    /** Page {@code n}, captured (and published) at {@code captured}. */
    public String page(int n, Instant captured) {
        Story story = stories.get(n);
        StringBuilder out = new StringBuilder()
                .append("Source: Reuters\n")
                .append("URL: https://newswire.example/story/")
                .append(n)
                .append('\n')
                .append("Captured: ")
                .append(captured)
                .append('\n')
                .append("Published: ")
                .append(captured)
                .append("\n\n")
                .append(story.title())
                .append("\n\n");
        story.paragraphs().forEach(p -> out.append(p).append("\n\n"));
        out.append("Latest news\n\n");
        for (int k = 1; k <= SIDEBAR && n - k >= 0; k++) {
            Story earlier = stories.get(n - k);
            String summary = earlier.paragraphs().get(0);
            if ((n + k) % 7 == 0) {
                summary = CAPITALS[(n * 31 + k) % CAPITALS.length] + " (Reuters) - " + summary;
            } else if ((n + k) % 11 == 0) {
                summary = summary + ADDED;
            }
            out.append(earlier.title()).append('\n').append(summary).append("\n\n");
        }
        return out.toString();
    }

    /** The article and brief events of page {@code n}, as ingest-service makes them. */
    public List<SpecificRecord> events(int n, Instant captured) {
        return BenchDumps.events("page-" + n, page(n, captured), captured);
    }

    /** Writes pages {@code 0 .. pages-1}, one a file, capture times spread evenly over {@code span} from {@code start}. */
    public List<Path> writeFiles(Path dir, int pages, Instant start, Duration span) throws IOException {
        if (pages > stories.size()) {
            throw new IllegalArgumentException("only " + stories.size() + " stories for " + pages + " pages");
        }
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (int n = 0; n < pages; n++) {
            Path file = dir.resolve(String.format("page-%04d.txt", n));
            Files.writeString(file, page(n, start.plus(span.multipliedBy(n).dividedBy(pages))), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    /** Reuters bodies: paragraphs indented, lines wrapped, a "Reuter" sign-off and an end-of-text mark. */
    private static List<String> paragraphs(String body) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : body.replace("\u0003", "").split("\n {2,}")) {
            String text = oneLine(paragraph).replaceFirst("\\s*Reuter$", "");
            if (!text.isEmpty()) {
                paragraphs.add(text.endsWith(".") || text.endsWith("\"") ? text : text + ".");
            }
        }
        return paragraphs;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: NewswirePages STORIES_JSONL OUT_DIR PAGES START(ISO instant) HOURS");
            System.exit(2);
        }
        List<Path> files = fromStories(Path.of(args[0]))
                .writeFiles(
                        Path.of(args[1]),
                        Integer.parseInt(args[2]),
                        Instant.parse(args[3]),
                        Duration.ofHours(Long.parseLong(args[4])));
        System.out.println("wrote " + files.size() + " pages to " + args[1]);
    }
}
