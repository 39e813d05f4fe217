package io.newsflow.enrich.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Case-sensitive Aho-Corasick automaton over UTF-16 chars that reports whole-word matches.
 *
 * <p>The scan is one pass over the text whatever the number of patterns: per char one transition
 * (a direct table at the root, a small sorted edge list below it) plus failure steps that are
 * amortised constant. Patterns and text both get a virtual word-start mark before every char that
 * follows a non-word char, so the automaton only ever enters a pattern at a word start: inside
 * words that begin no pattern it stays at the root, which is what makes it fast on prose. The
 * automaton is immutable after construction, so one instance is shared by all threads.
 *
 * <p>Patterns may come in groups, matched in the same pass but reported as if each group had its
 * own automaton (leftmost-longest within the group, the first of equal patterns within the group):
 * one scan then serves callers that need different pattern sets over the same text.
 */
public final class AhoCorasickMatcher {

  /**
   * A whole-word occurrence of pattern {@code pattern} (index into its group's list) of group
   * {@code group} (0 for a single list) at [start, end).
   */
  public record Match(int group, int pattern, int start, int end) {
    public int length() {
      return end - start;
    }
  }

  private static final int ROOT = 0;
  /** The word-start mark: a char that never occurs in text fed to the automaton. */
  private static final char WORD_START = '\u0000';
  private static final boolean[] ASCII_WORD = new boolean[128];
  private static final int DENSE_MIN_CHILDREN = 12;
  private static final Comparator<Match> GROUP_THEN_LEFTMOST_LONGEST = Comparator.comparingInt(Match::group)
      .thenComparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::length).reversed());

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
    }
  }

  private final int[] rootNext = new int[Character.MAX_VALUE + 1];
  /** The state after a word-start mark at the root (the root itself when there are no patterns). */
  private final int wordStart;
  /** The state after a word-start mark and an ASCII char at the root: taken at almost every word. */
  private final int[] wordStartAscii = new int[128];
  // Edges of node n are edgeChar/edgeTarget[edgeStart[n] .. edgeStart[n + 1]), sorted by char.
  private final int[] edgeStart;
  private final char[] edgeChar;
  private final int[] edgeTarget;
  private final int[] fail;
  /** For states with many children, the index of their direct ASCII row in {@link #dense}, else -1. */
  private final int[] denseRow;
  /** Direct ASCII transitions (-1 for none) of the states branching widest, 128 per row. */
  private final int[] dense;
  /** Pattern index (over all groups) ending at the node, or -1; the lowest one when several do. */
  private final int[] output;
  /** The pattern of the next group that ends at the same node as this one, or -1. */
  private final int[] sameNodeNextGroup;
  /** The group of each pattern. */
  private final int[] patternGroup;
  /** Index of each group's first pattern in the flattened list. */
  private final int[] groupStart;
  /** Nearest proper suffix node (via failure links) that ends a pattern, or -1. */
  private final int[] nextOutput;
  /** Length in text chars of each pattern (automaton depth also counts word-start marks). */
  private final int[] patternLength;

  public AhoCorasickMatcher(List<String> patterns) {
    this(patterns, new int[] {0});
  }

  /** One automaton over several pattern lists; {@link Match#group()} says which list a match is from. */
  public static AhoCorasickMatcher ofGroups(List<List<String>> groups) {
    List<String> all = new ArrayList<>();
    int[] starts = new int[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      starts[g] = all.size();
      all.addAll(groups.get(g));
    }
    return new AhoCorasickMatcher(all, starts);
  }

  private AhoCorasickMatcher(List<String> patterns, int[] groupStart) {
    this.groupStart = groupStart;
    patternGroup = new int[patterns.size()];
    for (int g = 0; g < groupStart.length; g++) {
      int end = g + 1 < groupStart.length ? groupStart[g + 1] : patterns.size();
      Arrays.fill(patternGroup, groupStart[g], end, g);
    }
    sameNodeNextGroup = new int[patterns.size()];
    Arrays.fill(sameNodeNextGroup, -1);
    // Inserting the patterns in sorted order creates each node's children in char order, so the
    // edges can be laid out in compact arrays without a per-node map.
    Integer[] order = new Integer[patterns.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    String[] marked = new String[patterns.size()];
    patternLength = new int[patterns.size()];
    for (int i = 0; i < marked.length; i++) {
      marked[i] = markWordStarts(patterns.get(i));
      patternLength[i] = patterns.get(i).length();
    }
    Arrays.sort(order, Comparator.comparing(i -> marked[i]));

    IntList parents = new IntList();
    IntList chars = new IntList();
    IntList outputs = new IntList();
    parents.add(-1);
    chars.add(0);
    outputs.add(-1);
    int[] path = new int[16];
    String previous = "";
    int lastAtNode = -1;
    for (int p : order) {
      String pattern = marked[p];
      if (pattern.isEmpty()) {
        continue;
      }
      if (path.length <= pattern.length()) {
        path = Arrays.copyOf(path, pattern.length() * 2);
      }
      int common = commonPrefix(previous, pattern);
      int node = common == 0 ? ROOT : path[common - 1];
      for (int i = common; i < pattern.length(); i++) {
        int child = parents.size();
        parents.add(node);
        chars.add(pattern.charAt(i));
        outputs.add(-1);
        path[i] = child;
        node = child;
      }
      // The sort is stable, so equal patterns arrive together in index order, hence in group order:
      // the first of each group is the one that group reports.
      if (outputs.get(node) < 0) {
        outputs.set(node, p);
        lastAtNode = p;
      } else if (patternGroup[p] != patternGroup[lastAtNode]) {
        sameNodeNextGroup[lastAtNode] = p;
        lastAtNode = p;
      }
      previous = pattern;
    }

    int nodes = parents.size();
    output = outputs.toArray();
    edgeStart = new int[nodes + 1];
    for (int n = 1; n < nodes; n++) {
      edgeStart[parents.get(n) + 1]++;
    }
    for (int n = 0; n < nodes; n++) {
      edgeStart[n + 1] += edgeStart[n];
    }
    edgeChar = new char[Math.max(0, nodes - 1)];
    edgeTarget = new int[Math.max(0, nodes - 1)];
    int[] fill = Arrays.copyOf(edgeStart, nodes);
    // Node ids grow in insertion order, so each parent's children arrive in char order.
    for (int n = 1; n < nodes; n++) {
      int slot = fill[parents.get(n)]++;
      edgeChar[slot] = (char) chars.get(n);
      edgeTarget[slot] = n;
    }
    for (int e = edgeStart[ROOT]; e < edgeStart[ROOT + 1]; e++) {
      rootNext[edgeChar[e]] = edgeTarget[e];
    }
    // Name prefixes such as "\0Sa" branch widely; a direct row spares them a binary search per char.
    denseRow = new int[nodes];
    int rows = 0;
    for (int n = 1; n < nodes; n++) {
      denseRow[n] = edgeStart[n + 1] - edgeStart[n] >= DENSE_MIN_CHILDREN ? rows++ : -1;
    }
    dense = new int[rows * 128];
    Arrays.fill(dense, -1);
    for (int n = 1; n < nodes; n++) {
      for (int e = edgeStart[n]; denseRow[n] >= 0 && e < edgeStart[n + 1]; e++) {
        if (edgeChar[e] < 128) {
          dense[denseRow[n] * 128 + edgeChar[e]] = edgeTarget[e];
        }
      }
    }

    wordStart = rootNext[WORD_START];
    fail = new int[nodes];
    nextOutput = new int[nodes];
    Arrays.fill(nextOutput, -1);
    int[] queue = new int[nodes];
    int head = 0;
    int tail = 0;
    for (int e = edgeStart[ROOT]; e < edgeStart[ROOT + 1]; e++) {
      queue[tail++] = edgeTarget[e];
    }
    while (head < tail) {
      int node = queue[head++];
      for (int e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
        int child = edgeTarget[e];
        int f = step(fail[node], edgeChar[e]);
        fail[child] = f;
        nextOutput[child] = output[f] >= 0 ? f : nextOutput[f];
        queue[tail++] = child;
      }
    }
    for (char c = 0; c < 128; c++) {
      wordStartAscii[c] = step(wordStart, fold(c));
    }
  }

  /** Number of automaton states; grows with the patterns, the scan cost does not. */
  public int states() {
    return fail.length;
  }

  /** Leftmost-longest, non-overlapping whole-word matches of each group: by group, then in text order. */
  public List<Match> findAll(CharSequence text) {
    List<Match> all = new ArrayList<>();
    int state = ROOT;
    int n = text.length();
    boolean inWord = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (state == ROOT && inWord) {
        // Every pattern starts with the word-start mark, so the rest of this word cannot begin one.
        inWord = isWordChar(c);
        continue;
      }
      if (inWord) {
        state = step(state, fold(c));
      } else if (state == ROOT && c < 128) {
        state = wordStartAscii[c];
      } else {
        state = step(state == ROOT ? wordStart : step(state, WORD_START), fold(c));
      }
      inWord = isWordChar(c);
      int t = output[state] >= 0 ? state : nextOutput[state];
      if (t < 0 || i + 1 < n && isWordChar(text.charAt(i + 1))) {
        continue;
      }
      // Every pattern begins with a word-start mark, so the start boundary holds by construction.
      for (; t >= 0; t = nextOutput[t]) {
        for (int p = output[t]; p >= 0; p = sameNodeNextGroup[p]) {
          int g = patternGroup[p];
          all.add(new Match(g, p - groupStart[g], i + 1 - patternLength[p], i + 1));
        }
      }
    }
    return leftmostLongest(all);
  }

  private int step(int state, char c) {
    while (state != ROOT) {
      int next = child(state, c);
      if (next >= 0) {
        return next;
      }
      state = fail[state];
    }
    return rootNext[c];
  }

  private int child(int node, char c) {
    if (c < 128 && denseRow[node] >= 0) {
      return dense[denseRow[node] * 128 + c];
    }
    int lo = edgeStart[node];
    int hi = edgeStart[node + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char m = edgeChar[mid];
      if (m < c) {
        lo = mid + 1;
      } else if (m > c) {
        hi = mid - 1;
      } else {
        return edgeTarget[mid];
      }
    }
    return -1;
  }

  private static List<Match> leftmostLongest(List<Match> all) {
    if (all.size() < 2) {
      return all;
    }
    all.sort(GROUP_THEN_LEFTMOST_LONGEST);
    List<Match> kept = new ArrayList<>(all.size());
    int group = -1;
    int end = -1;
    for (Match m : all) {
      if (m.group() != group) {
        group = m.group();
        end = -1;
      }
      if (m.start() >= end) {
        kept.add(m);
        end = m.end();
      }
    }
    return kept;
  }

  private static boolean isWordChar(char c) {
    return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  /** Typographic variants newswire mixes freely (curly apostrophes, no-break spaces); NUL is reserved. */
  static char fold(char c) {
    return switch (c) {
      case '\u2019', '\u02BC' -> '\'';
      case '\u00A0', '\u202F', WORD_START -> ' ';
      default -> c;
    };
  }

  /** The pattern as the automaton sees text: folded, with a word-start mark where a word begins. */
  private static String markWordStarts(String s) {
    StringBuilder b = new StringBuilder(s.length() + 4);
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!inWord) {
        b.append(WORD_START);
      }
      b.append(fold(c));
      inWord = isWordChar(c);
    }
    return b.toString();
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /** Growable int array, to build the automaton without boxing millions of Integers. */
  private static final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int get(int i) {
      return values[i];
    }

    void set(int i, int v) {
      values[i] = v;
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
