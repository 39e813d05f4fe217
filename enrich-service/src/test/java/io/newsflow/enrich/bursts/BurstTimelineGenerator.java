package io.newsflow.enrich.bursts;

import io.newsflow.avro.TermKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic but realistic mention timelines with labelled bursts, for {@link BurstEvaluation}.
 * Parameters were fixed from what a news feed looks like before any detector setting was tuned:
 * <ul>
 *   <li>background: 10 always-frequent terms ("government", "Friday", ...) at 6-30 mentions an hour,
 *       80 medium terms at 0.2-4 an hour, 400 rare terms at 0.1-3 a day (rates log-uniform), Poisson
 *       arrivals modulated by a daily cycle (x0.4 at 03:00 to x1.6 at 15:00, mean 1);</li>
 *   <li>arrival: most items reach the counter within a minute or two of their event time; 2% come
 *       from late dumps, 0-30 min late, so some miss the grace period;</li>
 *   <li>bursts, 10 a day after a burst-free first day: a frequent (15%), medium (30%), rare (30%) or
 *       never-seen (25%) term gets max(k x its rate, a handful of mentions spread over the burst) for
 *       30-120 min, k uniform in 3-10, a handful uniform in 4-8; with {@code onsetClump} > 0 the first
 *       dump after the start also carries 1..onsetClump items of the story at once (the "five items
 *       of one sidebar" of the issue).</li>
 * </ul>
 */
final class BurstTimelineGenerator {

    static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
    static final Duration LENGTH = Duration.ofDays(6);
    static final Duration BURST_FREE = Duration.ofDays(1);
    static final int BURSTS_PER_DAY = 10;

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    private static final double PEAK_SEASON = 1.6;
    private static final String[] FREQUENT = {
        "government", "Friday", "Monday", "police", "president", "minister", "parliament", "market", "US", "elections"
    };

    enum Category {
        FREQUENT,
        MEDIUM,
        RARE,
        NEW
    }

    /** One deduplicated item mentioning a term; {@code arrival} is when the counter sees it. */
    record Mention(Term term, long eventTime, long arrival, String itemId, String headline) {}

    record InjectedBurst(Term term, Category category, long start, long end) {}

    record Timeline(long start, long end, List<Mention> mentions, List<InjectedBurst> bursts) {}

    private record Background(Term term, Category category, double perHour) {}

    private final SplittableRandom random;
    private final int onsetClump;
    private final List<Mention> mentions = new ArrayList<>();
    private int items;

    private BurstTimelineGenerator(long seed, int onsetClump) {
        this.random = new SplittableRandom(seed);
        this.onsetClump = onsetClump;
    }

    static Timeline generate(long seed, int onsetClump) {
        return new BurstTimelineGenerator(seed, onsetClump).timeline();
    }

    private Timeline timeline() {
        long start = START.toEpochMilli();
        long end = start + LENGTH.toMillis();
        List<Background> background = background();
        for (Background b : background) {
            poisson(b.term, start, end, b.perHour, true);
        }
        List<InjectedBurst> bursts = injectBursts(background, start + BURST_FREE.toMillis(), end);
        mentions.sort(Comparator.comparingLong(Mention::arrival).thenComparing(Mention::itemId));
        return new Timeline(start, end, List.copyOf(mentions), bursts);
    }

    private List<Background> background() {
        List<Background> terms = new ArrayList<>();
        for (String name : FREQUENT) {
            TermKind kind =
                    name.equals("US") ? TermKind.COUNTRY : name.equals("elections") ? TermKind.TOPIC : TermKind.KEYWORD;
            terms.add(new Background(new Term(kind, name), Category.FREQUENT, logUniform(6, 30)));
        }
        for (int i = 0; i < 80; i++) {
            terms.add(new Background(new Term(TermKind.KEYWORD, "medium-" + i), Category.MEDIUM, logUniform(0.2, 4)));
        }
        for (int i = 0; i < 400; i++) {
            terms.add(new Background(new Term(TermKind.KEYWORD, "rare-" + i), Category.RARE, logUniform(0.1, 3) / 24));
        }
        return terms;
    }

    private List<InjectedBurst> injectBursts(List<Background> background, long from, long end) {
        Map<Category, List<Background>> byCategory = new HashMap<>();
        background.forEach(b ->
                byCategory.computeIfAbsent(b.category, c -> new ArrayList<>()).add(b));
        Map<Term, Long> lastBurstEnd = new HashMap<>();
        List<InjectedBurst> bursts = new ArrayList<>();
        int count = (int) (BURSTS_PER_DAY * (end - from) / Duration.ofDays(1).toMillis());
        for (int i = 0; i < count; i++) {
            long start = from + (long) (random.nextDouble() * (end - from - 3 * HOUR));
            long duration = (30 + random.nextInt(91)) * MINUTE;
            double r = random.nextDouble();
            Category category =
                    r < 0.15 ? Category.FREQUENT : r < 0.45 ? Category.MEDIUM : r < 0.75 ? Category.RARE : Category.NEW;
            Term term;
            double perHour;
            if (category == Category.NEW) {
                term = new Term(TermKind.KEYWORD, "new-" + i);
                perHour = 0;
            } else {
                Background b;
                do { // one burst per term and day keeps the labels unambiguous
                    List<Background> pool = byCategory.get(category);
                    b = pool.get(random.nextInt(pool.size()));
                } while (lastBurstEnd.getOrDefault(b.term, Long.MIN_VALUE / 2)
                                + Duration.ofDays(1).toMillis()
                        > start);
                term = b.term;
                perHour = b.perHour;
            }
            lastBurstEnd.put(term, start + duration);
            double k = 3 + 7 * random.nextDouble();
            double handful = 4 + random.nextInt(5);
            double extraPerHour = Math.max(k * perHour, handful * HOUR / duration) - perHour;
            poisson(term, start, start + duration, extraPerHour, false);
            if (onsetClump > 0) {
                long firstDump = start + (long) (random.nextDouble() * 2 * MINUTE);
                int clump = 1 + random.nextInt(onsetClump);
                for (int j = 0; j < clump; j++) {
                    add(term, firstDump);
                }
            }
            bursts.add(new InjectedBurst(term, category, start, start + duration));
        }
        bursts.sort(Comparator.comparingLong(InjectedBurst::start));
        return bursts;
    }

    /**
     * Poisson arrivals at {@code perHour}; with {@code seasonal} modulated by the daily cycle (by
     * thinning). Bursts are not seasonal: they follow the story, not the time of day.
     */
    private void poisson(Term term, long from, long to, double perHour, boolean seasonal) {
        if (perHour <= 0) {
            return;
        }
        double peak = seasonal ? PEAK_SEASON : 1;
        double candidatesPerMs = perHour * peak / HOUR;
        for (long t = from + exponential(candidatesPerMs); t < to; t += exponential(candidatesPerMs)) {
            if (!seasonal || random.nextDouble() * PEAK_SEASON < season(t)) {
                add(term, t);
            }
        }
    }

    private static double season(long t) {
        double hourOfDay = (t % (24 * HOUR)) / (double) HOUR;
        return 1 + 0.6 * Math.sin(2 * Math.PI * (hourOfDay - 9) / 24);
    }

    private void add(Term term, long eventTime) {
        long lag = random.nextDouble() < 0.02 ? (long) (random.nextDouble() * 30 * MINUTE) : exponential(1.0 / MINUTE);
        String id = String.format("item-%07d", items++);
        mentions.add(new Mention(term, eventTime, eventTime + lag, id, "Story " + id + " on " + term.text()));
    }

    private long exponential(double perMs) {
        return 1 + (long) (-Math.log(1 - random.nextDouble()) / perMs);
    }

    private double logUniform(double low, double high) {
        return Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
    }
}
