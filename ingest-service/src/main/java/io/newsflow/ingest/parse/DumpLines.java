package io.newsflow.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A dump's text split into normalised lines (LF, CRLF and lone CR end a line; blank ones become empty
 * strings), and what the same pass over its characters tells besides: whether it holds control
 * characters (then {@link TextCheck} has a look) and its size in UTF-8. One pass over a char array
 * instead of one per question over the string: splitting and normalising were half the parse.
 *
 * @param controls control characters other than tab, line and form feeds
 * @param utf8Bytes the whole text's length in UTF-8, as the dump's size is reported
 */
record DumpLines(List<String> lines, int controls, long utf8Bytes) {

  private static final String DOUBLE_SPACE = "  ";

  static DumpLines of(String text) {
    char[] a = text.toCharArray();
    int n = a.length;
    List<String> lines = new ArrayList<>(n / 64 + 8);
    int controls = 0;
    long extraBytes = 0; // UTF-8 bytes beyond one per char
    // Found by the JDK's vectorised search, so that the loop below need not look at space pairs.
    int doubleSpace = text.indexOf(DOUBLE_SPACE);
    int start = 0;
    boolean plain = true; // only printable ASCII in the line so far
    for (int i = 0; i < n; i++) {
      char c = a[i];
      if (c >= ' ' && c < 0x7F) {
        continue;
      }
      if (c == '\n' || c == '\r') {
        if (doubleSpace >= 0 && doubleSpace < start) {
          doubleSpace = text.indexOf(DOUBLE_SPACE, start);
        }
        lines.add(line(a, start, i, plain && (doubleSpace < 0 || doubleSpace + 1 >= i)));
        if (c == '\r' && i + 1 < n && a[i + 1] == '\n') {
          i++;
        }
        start = i + 1;
        plain = true;
        continue;
      }
      plain = false;
      if (c < ' ') {
        controls += c == '\t' || c == '\f' || c == 0x0B ? 0 : 1;
      } else if (c < 0x80) {
        continue; // DEL
      } else if (c < 0x800) {
        extraBytes += 1;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(a[i + 1])) {
        extraBytes += 2; // four bytes for the pair
        i++;
      } else {
        extraBytes += 2;
      }
    }
    if (doubleSpace >= 0 && doubleSpace < start) {
      doubleSpace = text.indexOf(DOUBLE_SPACE, start);
    }
    lines.add(line(a, start, n, plain && doubleSpace < 0));
    return new DumpLines(lines, controls, n + extraBytes);
  }

  /** A line of printable ASCII without two spaces in a row is normal unless it starts or ends with one. */
  private static String line(char[] a, int from, int to, boolean plainInside) {
    if (plainInside && (from == to || a[from] != ' ' && a[to - 1] != ' ')) {
      return new String(a, from, to - from);
    }
    return TextNormalizer.line(a, from, to);
  }
}
