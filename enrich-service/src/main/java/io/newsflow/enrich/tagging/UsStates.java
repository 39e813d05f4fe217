package io.newsflow.enrich.tagging;

import io.newsflow.enrich.tagging.Gazetteer.Entry;
import io.newsflow.enrich.tagging.Gazetteer.Kind;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AP-style abbreviations of US states that wire copy puts after a town ("TRENTON, N.J.",
 * "Andalusia, Ala."). Several are also words or titles ("Miss.", "Ind.", "La."), so they count only
 * after a place and a comma, never on their own.
 */
final class UsStates {

  static final Set<String> ABBREVIATIONS = Set.of(
      "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "D.C.", "Fla.", "Ga.", "Ill.", "Ind.",
      "Kan.", "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.",
      "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.",
      "S.D.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.");

  /** What an abbreviation stands for in a tally: the United States, as a name. */
  static final Entry ENTRY = new Entry("US state", "US", Kind.NAME, false);

  /** A capitalised place of one to three words, a comma, and a state abbreviation (group 1). */
  static final Pattern AFTER_PLACE = Pattern.compile(
      "\\b\\p{Lu}[\\p{L}'\\-]+(?: \\p{Lu}[\\p{L}'\\-]+){0,2}, ("
          + String.join("|", ABBREVIATIONS.stream().sorted().map(Pattern::quote).toList()) + ")(?=[\\s,;:)]|$)");

  private UsStates() {}

  static boolean isAbbreviation(String word) {
    return ABBREVIATIONS.contains(word);
  }
}
