package io.newsflow.enrich.bursts;

import io.newsflow.avro.Enrichment;
import io.newsflow.avro.RegionTag;
import io.newsflow.avro.TermKind;
import io.newsflow.avro.TopicTag;

import java.util.Set;
import java.util.TreeSet;

/**
 * What mentions are counted for: a keyword, a configured topic (by slug, which stays stable when
 * its label is edited) or a country (ISO code). Ordered by kind then text, so iterating a set of
 * terms is deterministic.
 */
record Term(TermKind kind, String text) implements Comparable<Term> {

    public Term {
        if (kind == null || text == null || text.isBlank()) {
            throw new IllegalArgumentException("a term needs a kind and a non-blank text");
        }
    }

    /**
     * The terms an enriched item mentions, each once however often the item names it; countries
     * are those the item is about ({@code regions}), not those it names in passing.
     */
    public static Set<Term> mentionedBy(Enrichment enrichment) {
        Set<Term> terms = new TreeSet<>();
        for (String keyword : enrichment.getKeywords()) {
            if (!keyword.isBlank()) {
                terms.add(new Term(TermKind.KEYWORD, keyword.strip()));
            }
        }
        for (TopicTag topic : enrichment.getTopics()) {
            terms.add(new Term(TermKind.TOPIC, topic.getSlug()));
        }
        for (RegionTag region : enrichment.getRegions()) {
            terms.add(new Term(TermKind.COUNTRY, region.getCountryCode()));
        }
        return terms;
    }

    /** Store and repartition key, e.g. "KEYWORD:Agrokor"; {@link #fromKey} reverses it. */
    public String key() {
        return kind + ":" + text;
    }

    public static Term fromKey(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a term key: " + key);
        }
        return new Term(TermKind.valueOf(key.substring(0, colon)), key.substring(colon + 1));
    }

    @Override
    public int compareTo(Term other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : text.compareTo(other.text);
    }
}
