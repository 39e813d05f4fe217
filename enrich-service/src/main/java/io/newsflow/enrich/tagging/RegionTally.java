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
      tags.add(RegionTag.newBuilder()
          .setCountryCode(country.code())
          .setCountryName(country.name())
          .setSubregion(country.subregion())
          .setSubregionCode(country.subregionCode())
          .setContinent(country.continent())
          .setContinentCode(country.continentCode())
          .setMentions(c.mentions)
          .setMatched(List.copyOf(c.matched))
          .setSalience(total == 0 ? 0 : c.weight / total)
          .build());
    }
    return tags;
  }
}
