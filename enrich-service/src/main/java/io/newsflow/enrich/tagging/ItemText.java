package io.newsflow.enrich.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The text of a news item as the taggers see it: headline (may be null) and paragraphs, lead first. */
public record ItemText(String headline, List<String> paragraphs) {

  /** Where a piece of text sits in the item; salience weights by place. */
  public enum Zone {
    DATELINE(4), HEADLINE(3), LEAD(2), BODY(1);

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

  public ItemText {
    paragraphs = paragraphs == null ? List.of()
        : paragraphs.stream().filter(Objects::nonNull).toList();
  }

  public List<Segment> segments() {
    List<Segment> segments = new ArrayList<>(paragraphs.size() + 1);
    if (headline != null && !headline.isBlank()) {
      segments.add(new Segment(Zone.HEADLINE, headline));
    }
    for (int i = 0; i < paragraphs.size(); i++) {
      segments.add(new Segment(i == 0 ? Zone.LEAD : Zone.BODY, paragraphs.get(i)));
    }
    return segments;
  }

  /** Headline and paragraphs joined by blank lines, for whole-item context look-ups. */
  public String fullText() {
    StringBuilder b = new StringBuilder();
    for (Segment s : segments()) {
      b.append(s.text()).append("\n\n");
    }
    return b.toString();
  }
}
