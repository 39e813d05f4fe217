package io.newsflow.cli;

import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EnrichedBrief;
import io.newsflow.avro.Enrichment;
import io.newsflow.avro.RegionTag;
import io.newsflow.avro.TopicTag;
import io.newsflow.platform.consume.CommittedReader;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Watches the output topics from where they stood before a run and tallies what the run produced:
 * enriched items, duplicates by method, countries and topics, burst alerts. Every ingested item ends
 * up in exactly one of the item outputs, so the run is complete when their tally reaches the number
 * of items ingested; alerts are counted but not part of that tally.
 */
final class RunSummary implements AutoCloseable {
    private static final List<String> OUTPUTS = List.of(
            Topics.ENRICHED_ARTICLES_NAME, Topics.ENRICHED_BRIEFS_NAME, Topics.DUPLICATES_NAME, Topics.BURSTS_NAME);

    private final Topics topics;
    private final CommittedReader<String, byte[]> outputs;
    private int enrichedArticles;
    private int enrichedBriefs;
    private final Map<String, Integer> duplicatesByMethod = new TreeMap<>();
    private final Map<String, Integer> countries = new HashMap<>();
    private final Map<String, Integer> topicLabels = new HashMap<>();
    private final List<String> examples = new ArrayList<>();
    private final Map<String, Integer> bursts = new HashMap<>();

    /** Positions at the current end of the output topics: only what comes after counts. */
    RunSummary(Map<String, Object> kafkaClientProperties, Topics topics) {
        this.topics = topics;
        outputs = new CommittedReader<>(
                        kafkaClientProperties,
                        "newsflow-run-summary",
                        OUTPUTS,
                        new StringDeserializer(),
                        new ByteArrayDeserializer())
                .fromEnd();
    }

    /** Reads outputs until {@code expected} items are accounted for or {@code timeout} passes. */
    boolean await(long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (total() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : outputs.poll(Duration.ofMillis(250))) {
                count(record);
            }
        }
        return total() >= expected;
    }

    long total() {
        return enrichedArticles
                + enrichedBriefs
                + duplicatesByMethod.values().stream()
                        .mapToInt(Integer::intValue)
                        .sum();
    }

    private void count(ConsumerRecord<String, byte[]> record) {
        switch (record.topic()) {
            case Topics.ENRICHED_ARTICLES_NAME -> {
                EnrichedArticle a =
                        topics.enrichedArticles.valueSerde().deserializer().deserialize(record.topic(), record.value());
                enrichedArticles++;
                tally(
                        a.getEnrichment(),
                        "article  "
                                + (a.getArticle().getTitle() != null
                                        ? a.getArticle().getTitle()
                                        : a.getArticle().getParagraphs().get(0)));
            }
            case Topics.ENRICHED_BRIEFS_NAME -> {
                EnrichedBrief b =
                        topics.enrichedBriefs.valueSerde().deserializer().deserialize(record.topic(), record.value());
                enrichedBriefs++;
                tally(b.getEnrichment(), "brief    " + b.getBrief().getHeadline());
            }
            case Topics.BURSTS_NAME -> {
                BurstAlert alert =
                        topics.bursts.valueSerde().deserializer().deserialize(record.topic(), record.value());
                bursts.merge(alert.getKeyword(), 1, Integer::sum);
            }
            default -> {
                DuplicateNotice d =
                        topics.duplicates.valueSerde().deserializer().deserialize(record.topic(), record.value());
                duplicatesByMethod.merge(d.getMethod().name().toLowerCase(), 1, Integer::sum);
            }
        }
    }

    private void tally(Enrichment enrichment, String line) {
        enrichment.getRegions().stream()
                .map(RegionTag::getCountryCode)
                .forEach(c -> countries.merge(c, 1, Integer::sum));
        enrichment.getTopics().stream().map(TopicTag::getLabel).forEach(t -> topicLabels.merge(t, 1, Integer::sum));
        if (examples.size() < 5) {
            String tags = (enrichment.getPrimaryCountry() == null ? "-" : enrichment.getPrimaryCountry())
                    + enrichment.getTopics().stream()
                            .map(TopicTag::getSlug)
                            .map(s -> " #" + s)
                            .collect(Collectors.joining());
            examples.add(String.format("  %-75.75s [%s]", line, tags));
        }
    }

    void print(PrintStream out) {
        int duplicates =
                duplicatesByMethod.values().stream().mapToInt(Integer::intValue).sum();
        out.printf(
                "enrich:  %d articles and %d briefs published, %d duplicates %s%n",
                enrichedArticles,
                enrichedBriefs,
                duplicates,
                duplicatesByMethod.isEmpty() ? "" : duplicatesByMethod.toString());
        out.println("tags:    countries " + top(countries) + "; topics " + top(topicLabels));
        // Few runs span the detector's one-day warm-up, hence the hint when there are none.
        out.println("bursts:  "
                + (bursts.isEmpty() ? "no alerts (none fire within a day of the first window)" : top(bursts)));
        if (!examples.isEmpty()) {
            out.println("a few enriched items (./newsflow tail news.enriched.briefs for all):");
            examples.forEach(out::println);
        }
    }

    private static String top(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(6)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        outputs.close();
    }
}
