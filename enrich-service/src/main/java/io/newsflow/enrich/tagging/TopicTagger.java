package io.newsflow.enrich.tagging;

import io.newsflow.avro.TopicTag;
import io.newsflow.enrich.tagging.ItemText.Segment;
import io.newsflow.enrich.tagging.ItemText.Zone;
import io.newsflow.enrich.tagging.TopicRules.Topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches configured topics against their aliases and context terms. {@link Tagger} finds those in
 * the same automaton pass as the place names ({@link #patterns()}); {@link #tag(ItemText)} scans on
 * its own. Thread-safe.
 */
final class TopicTagger {

    /** A topic an item matched, with where its aliases were found (for the implied region). */
    public record Hit(Topic topic, List<String> matched, List<Zone> zones) {
        public TopicTag toTag() {
            // Constructor rather than builder, as in RegionTally: builders copy schema defaults per record.
            return new TopicTag(topic.slug(), topic.label(), List.copyOf(new LinkedHashSet<>(matched)), matched.size());
        }
    }

    /** What a pattern stands for: an alias or a context term of a topic. */
    private record Role(int topic, boolean alias) {}

    private final List<Topic> topics;
    private final List<List<Role>> roles = new ArrayList<>();
    private final List<String> patterns = new ArrayList<>();
    private final AhoCorasickMatcher matcher;

    public TopicTagger(TopicRules rules) {
        this.topics = rules.topics();
        Map<String, Integer> patternIndex = new HashMap<>();
        for (int t = 0; t < topics.size(); t++) {
            for (String alias : topics.get(t).aliases()) {
                addRole(alias, new Role(t, true), patterns, patternIndex);
            }
            for (String term : topics.get(t).context()) {
                addRole(term, new Role(t, false), patterns, patternIndex);
                // Lower-case context words also count capitalised at a sentence start.
                if (Character.isLowerCase(term.charAt(0))) {
                    addRole(
                            Character.toUpperCase(term.charAt(0)) + term.substring(1),
                            new Role(t, false),
                            patterns,
                            patternIndex);
                }
            }
        }
        this.matcher = new AhoCorasickMatcher(patterns);
    }

    private void addRole(String pattern, Role role, List<String> patterns, Map<String, Integer> index) {
        int i = index.computeIfAbsent(pattern, p -> {
            patterns.add(p);
            roles.add(new ArrayList<>());
            return patterns.size() - 1;
        });
        if (!roles.get(i).contains(role)) {
            roles.get(i).add(role);
        }
    }

    /** Aliases and context terms, indexed as {@link AhoCorasickMatcher.Match#pattern()} of the matches given to {@link #tag(ItemText, List)}. */
    List<String> patterns() {
        return patterns;
    }

    /** Topics matched, in configuration order. */
    public List<Hit> tag(ItemText item) {
        List<List<AhoCorasickMatcher.Match>> matches = new ArrayList<>();
        for (Segment segment : item.segments()) {
            matches.add(matcher.findAll(segment.text()));
        }
        return tag(item, matches);
    }

    /** Topics matched, in configuration order, given the matches of {@link #patterns()} in each segment. */
    List<Hit> tag(ItemText item, List<List<AhoCorasickMatcher.Match>> matchesBySegment) {
        int n = topics.size();
        List<List<String>> matched = new ArrayList<>(n);
        List<List<Zone>> zones = new ArrayList<>(n);
        boolean[] hasContext = new boolean[n];
        for (int t = 0; t < n; t++) {
            matched.add(null);
            zones.add(null);
        }
        List<Segment> segments = item.segments();
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            String text = segment.text();
            for (AhoCorasickMatcher.Match m : matchesBySegment.get(s)) {
                for (Role role : roles.get(m.pattern())) {
                    if (!role.alias()) {
                        hasContext[role.topic()] = true;
                        continue;
                    }
                    if (matched.get(role.topic()) == null) {
                        matched.set(role.topic(), new ArrayList<>());
                        zones.set(role.topic(), new ArrayList<>());
                    }
                    matched.get(role.topic()).add(text.substring(m.start(), m.end()));
                    zones.get(role.topic()).add(segment.zone());
                }
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            Topic topic = topics.get(t);
            if (matched.get(t) != null && (topic.context().isEmpty() || hasContext[t])) {
                hits.add(new Hit(topic, List.copyOf(matched.get(t)), List.copyOf(zones.get(t))));
            }
        }
        return hits;
    }

    /**
     * Applies the topics' {@code about} conditions once the item's about-regions are known: a hit
     * whose topic lists countries the item is not about is dropped, and a topic with no aliases
     * matches when the item is about one of its countries. Configuration order is kept.
     */
    List<Hit> restrictToAbout(List<Hit> hits, Set<String> aboutCountries) {
        List<Hit> kept = new ArrayList<>(hits.size());
        int h = 0;
        for (Topic topic : topics) {
            Hit hit = h < hits.size() && hits.get(h).topic() == topic ? hits.get(h++) : null;
            if (topic.about().isEmpty()) {
                if (hit != null) {
                    kept.add(hit);
                }
                continue;
            }
            List<String> about =
                    topic.about().stream().filter(aboutCountries::contains).toList();
            if (about.isEmpty()) {
                continue;
            }
            if (hit != null) {
                kept.add(hit);
            } else if (topic.aliases().isEmpty()) {
                kept.add(new Hit(topic, about, List.of()));
            }
        }
        return kept;
    }
}
