package io.newsflow.bench;

import io.newsflow.ingest.parse.DumpEvents;
import io.newsflow.ingest.parse.DumpParser;
import io.newsflow.ingest.parse.DumpReader;
import io.newsflow.ingest.parse.ParsedDump;
import io.newsflow.ingest.parse.RawDump;
import io.newsflow.ingest.parse.ReadOutcome;
import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realistic bench dumps made from a real page dump (one article + a sidebar of briefs): dump
 * {@code n} has the sample's structure and sizes, its number woven into every headline and paragraph,
 * and about half of its longer words swapped for other words of the sample. The number makes every id
 * distinct and, through the dedup number guard, every story distinct; the swapped words keep variants
 * of one story from all landing in the same LSH buckets, as real distinct stories would not.
 *
 * <p>Every {@value #REVISION_EVERY}th dump is a re-scrape of the one before: its article gains a
 * sentence (a near duplicate), every other brief is repeated as is (exact) and the rest gain that
 * sentence too (near).
 */
public final class BenchDumps {
    public static final int REVISION_EVERY = 10;
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    private static final Pattern CLOSING = Pattern.compile("[.!?\"'\u201d]+$");
    private static final double SWAP = 0.5;
    private static final String UPDATE = " More details are expected later in the day.";

    private final List<String> blocks;
    private final int sidebarHeading;
    private final List<String> vocabulary;

    private BenchDumps(List<String> blocks, int sidebarHeading, List<String> vocabulary) {
        this.blocks = blocks;
        this.sidebarHeading = sidebarHeading;
        this.vocabulary = vocabulary;
    }

    /** @param sample a header-less page dump: article paragraphs, a "Latest news" heading, headline/summary pairs */
    public static BenchDumps fromSample(String sample) {
        List<String> blocks = new ArrayList<>();
        for (String block : sample.replace("\r\n", "\n").strip().split("\n\\s*\n")) {
            blocks.add(block.strip().replaceAll("\\s+", " "));
        }
        int heading = -1;
        for (int i = 0; i < blocks.size() && heading < 0; i++) {
            if (blocks.get(i).toLowerCase(Locale.ROOT).matches("(latest|more|related) news")) {
                heading = i;
            }
        }
        if (heading < 1) {
            throw new IllegalArgumentException("The sample has no article followed by a 'Latest news' sidebar");
        }
        TreeSet<String> words = new TreeSet<>();
        Matcher m = WORD.matcher(sample);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return new BenchDumps(blocks, heading, List.copyOf(words));
    }

    /** Articles and briefs in one dump. */
    public int itemsPerDump() {
        return 1 + (blocks.size() - sidebarHeading - 1) / 2;
    }

    /** Dump {@code n} with its header block; {@code captured} is its event time. */
    public String dump(int n, Instant captured) {
        boolean revision = n % REVISION_EVERY == REVISION_EVERY - 1;
        int story = revision ? n - 1 : n;
        SplittableRandom random = new SplittableRandom(story * 0x9E3779B97F4A7C15L);
        StringBuilder out = new StringBuilder()
                .append("Source: newsflow-bench\n")
                .append("URL: https://news.example/bench/")
                .append(n)
                .append('\n')
                .append("Captured: ")
                .append(captured)
                .append("\n\n");
        for (int i = 0; i < blocks.size(); i++) {
            if (i == sidebarHeading) {
                out.append(blocks.get(i)).append("\n\n");
                continue;
            }
            String text = withNumber(vary(blocks.get(i), random), story);
            boolean summary = i > sidebarHeading && (i - sidebarHeading) % 2 == 0;
            int brief = (i - sidebarHeading - 1) / 2;
            if (revision && (i == sidebarHeading - 1 || summary && brief % 2 == 1)) {
                text = text + UPDATE;
            }
            out.append(text).append("\n\n");
        }
        return out.toString();
    }

    /** The article and brief events of dump {@code n}, as ingest-service makes them. */
    public List<SpecificRecord> events(int n, Instant captured) {
        return events("bench-" + n, dump(n, captured), captured);
    }

    /** The article and brief events of a dump text, as ingest-service makes them. */
    static List<SpecificRecord> events(String name, String dump, Instant captured) {
        List<SpecificRecord> events = new ArrayList<>();
        DumpParser parser = new DumpParser();
        for (ReadOutcome read : new DumpReader().read(name, dump.getBytes(StandardCharsets.UTF_8), captured)) {
            if (read instanceof RawDump raw && parser.parse(raw) instanceof ParsedDump parsed) {
                DumpEvents.article(parsed).ifPresent(events::add);
                events.addAll(DumpEvents.briefs(parsed));
            }
        }
        return events;
    }

    /**
     * Writes dumps {@code 0 ..} holding at least {@code items} items into {@code files} files (dumps
     * separated by {@code =====}), capture times one minute apart from {@code start}.
     *
     * @return the files, in order
     */
    public List<Path> writeFiles(Path dir, long items, int files, Instant start) throws IOException {
        int dumps = (int) Math.max(1, (items + itemsPerDump() - 1) / itemsPerDump());
        int perFile = Math.max(1, (dumps + files - 1) / files);
        List<Path> written = new ArrayList<>();
        for (int d = 0; d < dumps; d += perFile) {
            StringBuilder text = new StringBuilder();
            for (int n = d; n < Math.min(dumps, d + perFile); n++) {
                if (n > d) {
                    text.append("=====\n");
                }
                text.append(dump(n, start.plus(Duration.ofMinutes(n))));
            }
            Path file = dir.resolve(String.format("bench-%04d.txt", written.size()));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    /** Before the closing punctuation, which the parser reads to tell a summary from a headline. */
    private static String withNumber(String text, int number) {
        Matcher end = CLOSING.matcher(text);
        int at = end.find() ? end.start() : text.length();
        return text.substring(0, at) + " (" + number + ")" + text.substring(at);
    }

    private String vary(String text, SplittableRandom random) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            String replacement = word;
            if (random.nextDouble() < SWAP) {
                String other = vocabulary.get(random.nextInt(vocabulary.size()));
                replacement = Character.isUpperCase(word.charAt(0))
                        ? Character.toUpperCase(other.charAt(0)) + other.substring(1)
                        : other;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }
}
