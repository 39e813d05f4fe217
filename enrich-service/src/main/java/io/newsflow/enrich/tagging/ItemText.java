package io.newsflow.enrich.tagging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The text of a news item as the taggers see it: headline (may be null) and paragraphs, lead first.
 * One instance per item, shared by the region, topic and keyword passes: what they all need (the
 * segments, the lead's dateline, the joined text) is worked out once, the last two only on demand.
 * Not thread-safe.
 */
final class ItemText {

    /** Where a piece of text sits in the item; salience weights by place. */
    public enum Zone {
        DATELINE(4),
        HEADLINE(3),
        LEAD(2),
        BODY(1);

        private final double weight;

        Zone(double weight) {
            this.weight = weight;
        }

        public double weight() {
            return weight;
        }
    }

    /** A piece of the item and its place. */
    public record Segment(Zone zone, String text) {}

    private final String headline;
    private final List<String> paragraphs;
    private final List<Segment> segments;
    private boolean datelineFound;
    private Dateline dateline;
    private String fullText;

    public ItemText(String headline, List<String> paragraphs) {
        this.headline = headline;
        List<String> kept = new ArrayList<>(paragraphs == null ? 0 : paragraphs.size());
        List<Segment> segs = new ArrayList<>(kept.size() + 1);
        if (headline != null && !headline.isBlank()) {
            segs.add(new Segment(Zone.HEADLINE, headline));
        }
        if (paragraphs != null) {
            for (String p : paragraphs) {
                if (p != null) {
                    segs.add(new Segment(kept.isEmpty() ? Zone.LEAD : Zone.BODY, p));
                    kept.add(p);
                }
            }
        }
        this.paragraphs = Collections.unmodifiableList(kept);
        this.segments = Collections.unmodifiableList(segs);
    }

    public String headline() {
        return headline;
    }

    public List<String> paragraphs() {
        return paragraphs;
    }

    public List<Segment> segments() {
        return segments;
    }

    /** The wire dateline at the start of the lead, or null; the region and keyword passes both need it. */
    Dateline dateline() {
        if (!datelineFound) {
            datelineFound = true;
            dateline = paragraphs.isEmpty() ? null : Dateline.find(paragraphs.get(0));
        }
        return dateline;
    }

    /** Headline and paragraphs joined by blank lines, for whole-item context look-ups. */
    public String fullText() {
        if (fullText == null) {
            StringBuilder b = new StringBuilder();
            for (Segment s : segments) {
                b.append(s.text()).append("\n\n");
            }
            fullText = b.toString();
        }
        return fullText;
    }
}
