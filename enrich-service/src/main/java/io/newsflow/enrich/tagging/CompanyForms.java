package io.newsflow.enrich.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A company's legal form as evidence of its home country ("Amoco Corp" US, "Wellcome PLC" GB,
 * "Electrolux AB" SE), the way an editor reads it. Only forms that belong to one country's law
 * are listed: "Ltd" or "SA" are used in many countries and say nothing.
 */
final class CompanyForms {

  /** A legal form found after a company name, with the country whose law it belongs to. */
  record Found(String countryCode, String surface, int start) {}

  private static final Map<String, String> COUNTRY = Map.ofEntries(
      Map.entry("Inc", "US"), Map.entry("Corp", "US"), Map.entry("Corporation", "US"),
      Map.entry("Incorporated", "US"), Map.entry("Co", "US"), Map.entry("Plc", "GB"), Map.entry("PLC", "GB"),
      Map.entry("GmbH", "DE"), Map.entry("NV", "NL"), Map.entry("BV", "NL"), Map.entry("SpA", "IT"),
      Map.entry("AB", "SE"), Map.entry("Oy", "FI"), Map.entry("Oyj", "FI"), Map.entry("ASA", "NO"),
      Map.entry("KK", "JP"), Map.entry("Bhd", "MY"), Map.entry("Pty", "AU"));

  /**
   * One to five capitalised name words, then a legal form that ends the name (so "Co" in
   * "Sony Co Ltd" or "Co Plc" does not count: the last form decides).
   */
  private static final Pattern FORM = Pattern.compile(
      "(?:\\b[\\p{Lu}0-9][\\p{L}0-9&'.\\-]*\\s+){1,5}(" + String.join("|", COUNTRY.keySet()) + ")\\b\\.?"
          + "(?!\\s*(?:Ltd|Limited|LTD|Plc|PLC|Inc|Corp|AG|SA|KG|NV|AB)\\b)");

  private CompanyForms() {}

  /** Legal forms in {@code text} starting at or after {@code from} and before {@code to}. */
  static List<Found> find(String text, int from, int to) {
    List<Found> found = new ArrayList<>(2);
    Matcher m = FORM.matcher(text);
    m.region(from, to);
    while (m.find()) {
      found.add(new Found(COUNTRY.get(m.group(1)), text.substring(m.start(), m.end(1)).strip(), m.start()));
    }
    return found;
  }
}
