package io.newsflow.ingest.parse;

import java.text.Normalizer;

/**
 * Normalises one line of scraped text the one way items are stored and hashed: Unicode NFC,
 * every run of whitespace (tabs, no-break spaces and other Unicode spaces included) collapsed to
 * one space, trimmed, byte order marks dropped. Nothing else is changed.
 */
public final class TextNormalizer {

  private static final char BOM = '\uFEFF';
  /** Below this code point text is always NFC, so the normaliser need not look at it. */
  private static final char FIRST_NON_NFC_SAFE = '\u0300';

  private TextNormalizer() {
  }

  public static String line(String s) {
    return line(s, 0, s.length());
  }

  /** Normalises {@code s[from, to)}; the fast path returns a plain substring for clean lines. */
  public static String line(String s, int from, int to) {
    boolean clean = true;
    boolean mayNeedNfc = false;
    char prev = ' ';
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c > ' ' && c < 0x7F) {
        prev = c;
        continue;
      }
      if (c == ' ' ? prev == ' ' : isSpace(c) || c == BOM) {
        clean = false;
        break;
      }
      mayNeedNfc |= c >= FIRST_NON_NFC_SAFE;
      prev = c;
    }
    String out;
    if (clean && prev != ' ') {
      out = s.substring(from, to);
    } else if (clean && from == to) {
      return "";
    } else {
      // Runs between spaces are copied whole: scraped paragraphs full of no-break spaces come this way.
      StringBuilder sb = new StringBuilder(to - from);
      boolean pendingSpace = false;
      int run = -1;
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        boolean space = !(c > ' ' && c < 0x7F) && isSpace(c);
        if (space || c == BOM) {
          if (run >= 0) {
            sb.append(s, run, i);
            run = -1;
          }
          pendingSpace |= space && sb.length() > 0;
          continue;
        }
        if (run < 0) {
          if (pendingSpace) {
            sb.append(' ');
            pendingSpace = false;
          }
          run = i;
        }
        mayNeedNfc |= c >= FIRST_NON_NFC_SAFE;
      }
      if (run >= 0) {
        sb.append(s, run, to);
      }
      out = sb.toString();
    }
    if (mayNeedNfc && !Normalizer.isNormalized(out, Normalizer.Form.NFC)) {
      out = Normalizer.normalize(out, Normalizer.Form.NFC);
    }
    return out;
  }

  /** Java's isWhitespace leaves out no-break spaces, which scraped pages are full of. */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
