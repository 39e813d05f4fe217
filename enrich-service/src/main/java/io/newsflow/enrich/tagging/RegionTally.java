package io.newsflow.enrich.tagging;

import io.newsflow.avro.RegionTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Country mentions of one item, accumulated with their place weights; not thread-safe (one per item). */
public final class RegionTally {

  private static final class Count {
    int mentions;
    double weight;
    final Set<String> matched = new LinkedHashSet<>();
  }

  private final Map<String, Count> counts = new LinkedHashMap<>();

  public void add(String countryCode, String surface, double weight) {
    Count c = counts.computeIfAbsent(countryCode, k -> new Count());
    c.mentions++;
    c.weight += weight;
    c.matched.add(surface);
  }

  public boolean isEmpty() {
    return counts.isEmpty();
  }

  /** Tags, most salient first (weight, then mentions, then code for a stable order). */
  public List<RegionTag> toTags(Gazetteer gazetteer) {
    double total = counts.values().stream().mapToDouble(c -> c.weight).sum();
    List<Map.Entry<String, Count>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Comparator.<Map.Entry<String, Count>>comparingDouble(e -> -e.getValue().weight)
        .thenComparingInt(e -> -e.getValue().mentions)
        .thenComparing(Map.Entry::getKey));
    List<RegionTag> tags = new ArrayList<>(sorted.size());
    for (Map.Entry<String, Count> e : sorted) {
      Gazetteer.Country country = gazetteer.country(e.getKey());
      Count c = e.getValue();
      // The all-fields constructor, not the builder: builders resolve and copy schema defaults per
      // record, a cost that showed in the tagger's throughput.
      tags.add(new RegionTag(country.code(), country.name(), country.subregion(), country.subregionCode(),
          country.continent(), country.continentCode(), c.mentions, List.copyOf(c.matched),
          total == 0 ? 0 : c.weight / total));
    }
    return tags;
  }
}
