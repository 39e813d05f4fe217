package io.newsflow.enrich.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Case-sensitive Aho-Corasick automaton over UTF-16 chars that reports whole-word matches.
 *
 * <p>The scan is one pass over the text whatever the number of patterns: per char one table look-up
 * for its code and one double-array transition (state {@code t = base[s] + code} is a child of
 * {@code s} when {@code check[t] == s}), plus failure steps that are amortised constant. Check, base,
 * failure link and output of a state sit side by side in one int array, so a transition touches one
 * cache line however large the automaton grows. Patterns and text both get a virtual word-start
 * mark before every char that follows a non-word char, so the automaton only ever enters a pattern
 * at a word start: inside words that begin no pattern it stays at the root, which is what makes it
 * fast on prose. The automaton is immutable after construction, so one instance is shared by all
 * threads.
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
    /** The word-start mark in patterns: a char that never reaches the automaton from text (see {@link #fold}). */
    private static final char WORD_START = '\u0000';
    /** Chars no pattern contains; no state has a transition on it. */
    private static final int NO_CODE = 0;

    private static final int MARK_CODE = 1;
    /** Chars that {@link #fold} changes. */
    private static final char[] FOLDED = {'\u2019', '\u02BC', '\u00A0', '\u202F', WORD_START};

    private static final Comparator<Match> GROUP_THEN_LEFTMOST_LONGEST = Comparator.comparingInt(Match::group)
            .thenComparingInt(Match::start)
            .thenComparing(Comparator.comparingInt(Match::length).reversed());

    // Fields of a state in {@link #cells}; a state is its index there divided by STRIDE.
    private static final int STRIDE = 4;
    private static final int CHECK = 0;
    private static final int BASE = 1;
    private static final int FAIL = 2;
    /** The terminal of the state or of its nearest failure-link suffix that ends a pattern, or -1. */
    private static final int HIT = 3;

    /** Code of each text char (after folding); the most frequent pattern chars get the smallest codes. */
    private final char[] codeOf = new char[Character.MAX_VALUE + 1];
    /** The state after a word-start mark and the char with the given code, from the root. */
    private final int[] wordStartNext;

    private final int[] cells;
    private final int states;
    // Terminals: states that end a pattern, numbered in breadth-first order.
    /** Pattern index (over all groups) ending at the terminal; the lowest one when several do. */
    private final int[] terminalPattern;
    /** The next terminal along the failure links, or -1. */
    private final int[] terminalNext;
    /** The pattern of the next group that ends at the same node as this one, or -1. */
    private final int[] sameNodeNextGroup;
    /** The group of each pattern. */
    private final int[] patternGroup;
    /** Index of each group's first pattern in the flattened list. */
    private final int[] groupStart;
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
        String[] marked = new String[patterns.size()];
        patternLength = new int[patterns.size()];
        for (int i = 0; i < marked.length; i++) {
            marked[i] = markWordStarts(patterns.get(i));
            patternLength[i] = patterns.get(i).length();
        }
        int alphabet = assignCodes(marked);
        Trie trie = buildTrie(marked);
        states = trie.parent.size();

        DoubleArray da = new DoubleArray(trie, alphabet);
        cells = da.cells;
        int[] slotOf = da.slotOf;
        int[] order = da.breadthFirst;
        // Failure links and outputs in breadth-first order: a state's failure target is shallower.
        int terminals = 0;
        for (int n = 0; n < states; n++) {
            terminals += trie.output.get(n) >= 0 ? 1 : 0;
        }
        terminalPattern = new int[terminals];
        terminalNext = new int[terminals];
        int t = 0;
        for (int n : order) {
            int s = slotOf[n];
            int parent = trie.parent.get(n);
            int fail = parent <= ROOT ? ROOT : step(cells[slotOf[parent] * STRIDE + FAIL], trie.code.get(n));
            cells[s * STRIDE + FAIL] = fail;
            int inherited = n == ROOT ? -1 : cells[fail * STRIDE + HIT];
            if (trie.output.get(n) >= 0) {
                terminalPattern[t] = trie.output.get(n);
                terminalNext[t] = inherited;
                cells[s * STRIDE + HIT] = t++;
            } else {
                cells[s * STRIDE + HIT] = inherited;
            }
        }
        wordStartNext = new int[alphabet];
        int wordStart = step(ROOT, MARK_CODE);
        for (int code = 0; code < alphabet; code++) {
            wordStartNext[code] = step(wordStart, code);
        }
    }

    /** Number of automaton states; grows with the patterns, the scan cost does not. */
    public int states() {
        return states;
    }

    /** Leftmost-longest, non-overlapping whole-word matches of each group: by group, then in text order. */
    public List<Match> findAll(CharSequence text) {
        List<Match> all = new ArrayList<>();
        // A copy spares every char read the bounds and coder checks of String.charAt.
        char[] chars = text.toString().toCharArray();
        int n = chars.length;
        int state = ROOT;
        boolean inWord = false;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            boolean wordChar = isWordChar(c);
            if (state == ROOT && inWord) {
                // Every pattern starts with the word-start mark, so the rest of this word cannot begin one.
                inWord = wordChar;
                continue;
            }
            int code = codeOf[c];
            if (inWord) {
                state = step(state, code);
            } else if (state == ROOT) {
                state = wordStartNext[code];
            } else {
                state = step(step(state, MARK_CODE), code);
            }
            inWord = wordChar;
            int t = cells[state * STRIDE + HIT];
            if (t < 0 || i + 1 < n && isWordChar(chars[i + 1])) {
                continue;
            }
            // Every pattern begins with a word-start mark, so the start boundary holds by construction.
            for (; t >= 0; t = terminalNext[t]) {
                for (int p = terminalPattern[t]; p >= 0; p = sameNodeNextGroup[p]) {
                    int g = patternGroup[p];
                    all.add(new Match(g, p - groupStart[g], i + 1 - patternLength[p], i + 1));
                }
            }
        }
        return leftmostLongest(all);
    }

    private int step(int state, int code) {
        while (true) {
            int next = cells[state * STRIDE + BASE] + code;
            if (cells[next * STRIDE + CHECK] == state) {
                return next;
            }
            if (state == ROOT) {
                return ROOT;
            }
            state = cells[state * STRIDE + FAIL];
        }
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
        return Words.isLetterOrDigit(c);
    }

    /** Typographic variants newswire mixes freely (curly apostrophes, no-break spaces); NUL is reserved. */
    static char fold(char c) {
        return switch (c) {
            case '\u2019', '\u02BC' -> '\'';
            case '\u00A0', '\u202F', WORD_START -> ' ';
            default -> c;
        };
    }

    /**
     * Fills {@link #codeOf}: pattern chars by descending frequency from 2 on, so that the children of
     * a state have close codes and pack densely; returns the number of codes.
     */
    private int assignCodes(String[] marked) {
        int[] count = new int[Character.MAX_VALUE + 1];
        for (String pattern : marked) {
            for (int i = 0; i < pattern.length(); i++) {
                count[pattern.charAt(i)]++;
            }
        }
        count[WORD_START] = 0;
        List<Character> used = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (count[c] > 0) {
                used.add((char) c);
            }
        }
        used.sort(Comparator.comparingInt((Character c) -> -count[c]).thenComparing(c -> c));
        int next = MARK_CODE + 1;
        for (char c : used) {
            codeOf[c] = (char) next++;
        }
        for (char c : FOLDED) {
            codeOf[c] = codeOf[fold(c)];
        }
        return next;
    }

    private int codeOfPatternChar(char c) {
        return c == WORD_START ? MARK_CODE : codeOf[c];
    }

    /** Trie nodes in insertion order; node 0 is the root. */
    private static final class Trie {
        final IntList parent = new IntList();
        final IntList code = new IntList();
        final IntList output = new IntList();
    }

    private Trie buildTrie(String[] marked) {
        // Inserting the patterns in sorted order shares each prefix with the previous pattern only, so
        // the trie needs no per-node child map.
        Integer[] order = new Integer[marked.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> marked[i]));
        Trie trie = new Trie();
        trie.parent.add(-1);
        trie.code.add(NO_CODE);
        trie.output.add(-1);
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
                int child = trie.parent.size();
                trie.parent.add(node);
                trie.code.add(codeOfPatternChar(pattern.charAt(i)));
                trie.output.add(-1);
                path[i] = child;
                node = child;
            }
            // The sort is stable, so equal patterns arrive together in index order, hence in group order:
            // the first of each group is the one that group reports.
            if (trie.output.get(node) < 0) {
                trie.output.set(node, p);
                lastAtNode = p;
            } else if (patternGroup[p] != patternGroup[lastAtNode]) {
                sameNodeNextGroup[lastAtNode] = p;
                lastAtNode = p;
            }
            previous = pattern;
        }
        return trie;
    }

    /**
     * The trie laid out as a double array: each node's children get slots {@code base + code}, with
     * a base found first-fit among the free slots. Nodes are placed breadth-first, so the shallow
     * states that every scan visits end up together at the front.
     */
    private static final class DoubleArray {
        final int[] cells;
        /** The slot (state) of each trie node. */
        final int[] slotOf;

        final int[] breadthFirst;

        DoubleArray(Trie trie, int alphabet) {
            int nodes = trie.parent.size();
            int[] childStart = new int[nodes + 1];
            for (int n = 1; n < nodes; n++) {
                childStart[trie.parent.get(n) + 1]++;
            }
            for (int n = 0; n < nodes; n++) {
                childStart[n + 1] += childStart[n];
            }
            int[] children = new int[Math.max(0, nodes - 1)];
            int[] fill = Arrays.copyOf(childStart, nodes);
            for (int n = 1; n < nodes; n++) {
                children[fill[trie.parent.get(n)]++] = n;
            }
            breadthFirst = new int[nodes];
            breadthFirst[0] = ROOT;
            int tail = 1;
            for (int head = 0; head < tail; head++) {
                int n = breadthFirst[head];
                for (int e = childStart[n]; e < childStart[n + 1]; e++) {
                    breadthFirst[tail++] = children[e];
                }
            }

            slotOf = new int[nodes];
            int[] base = new int[nodes];
            BitSet taken = new BitSet();
            taken.set(ROOT);
            int maxSlot = ROOT;
            int[] codes = new int[alphabet];
            int firstFree = ROOT + 1;
            for (int n : breadthFirst) {
                int k = 0;
                for (int e = childStart[n]; e < childStart[n + 1]; e++) {
                    codes[k++] = trie.code.get(children[e]);
                }
                if (k == 0) {
                    continue;
                }
                Arrays.sort(codes, 0, k);
                firstFree = taken.nextClearBit(firstFree);
                int b = freeBase(taken, codes, k, firstFree);
                base[n] = b;
                for (int e = childStart[n]; e < childStart[n + 1]; e++) {
                    int slot = b + trie.code.get(children[e]);
                    taken.set(slot);
                    slotOf[children[e]] = slot;
                    maxSlot = Math.max(maxSlot, slot);
                }
            }
            // Every base + code must stay inside the array, also for leaves (base 0).
            int size = maxSlot + alphabet + 1;
            cells = new int[size * STRIDE];
            for (int s = 0; s < size; s++) {
                cells[s * STRIDE + CHECK] = -1;
                cells[s * STRIDE + HIT] = -1;
            }
            for (int n = 0; n < nodes; n++) {
                int s = slotOf[n];
                cells[s * STRIDE + BASE] = base[n];
                if (n != ROOT) {
                    cells[s * STRIDE + CHECK] = slotOf[trie.parent.get(n)];
                }
            }
        }

        /** The lowest base at which all the (sorted) codes land on free slots, none before {@code firstFree}. */
        private static int freeBase(BitSet taken, int[] codes, int k, int firstFree) {
            for (int first = taken.nextClearBit(Math.max(codes[0], firstFree));
                    ;
                    first = taken.nextClearBit(first + 1)) {
                int b = first - codes[0];
                int i = 1;
                while (i < k && !taken.get(b + codes[i])) {
                    i++;
                }
                if (i == k) {
                    return b;
                }
            }
        }
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
    }
}
