package io.newsflow.enrich.tagging;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AhoCorasickMatcherTest {

    private static List<String> found(AhoCorasickMatcher m, List<String> patterns, String text) {
        return m.findAll(text).stream()
                .map(x -> patterns.get(x.pattern()) + "@" + x.start())
                .toList();
    }

    @Test
    void findsWholeWordsOnlyAndCaseSensitively() {
        List<String> patterns = List.of("Syria", "Split", "Man");
        AhoCorasickMatcher m = new AhoCorasickMatcher(patterns);
        assertEquals(List.of("Syria@12", "Man@39"), found(m, patterns, "Syrians and Syria's split. Manchester, Man."));
    }

    @Test
    void prefersLeftmostLongestMatch() {
        List<String> patterns = List.of("Sudan", "South Sudan", "South Sudanese", "Guinea", "Papua New Guinea", "New");
        AhoCorasickMatcher m = new AhoCorasickMatcher(patterns);
        assertEquals(
                List.of("South Sudanese@0", "Sudan@20", "Papua New Guinea@30"),
                found(m, patterns, "South Sudanese left Sudan for Papua New Guinea"));
    }

    @Test
    void treatsCurlyApostropheLikeStraightOne() {
        List<String> patterns = List.of("Cote d'Ivoire");
        AhoCorasickMatcher m = new AhoCorasickMatcher(patterns);
        assertEquals(List.of("Cote d'Ivoire@3"), found(m, patterns, "in Cote d\u2019Ivoire today"));
    }

    @Test
    void emptyPatternListMatchesNothing() {
        assertTrue(new AhoCorasickMatcher(List.of()).findAll("anything").isEmpty());
    }

    @Test
    void largeDictionaryStillMatchesExactly() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add("Name" + i);
        }
        AhoCorasickMatcher m = new AhoCorasickMatcher(many);
        assertTrue(m.states() > 10_000);
        assertEquals(List.of("Name42@2", "Name9999@11"), found(m, many, "x Name42 y Name9999 Name10000"));
    }

    /** Against a brute-force scan over a two-letter alphabet, where overlaps are frequent. */
    @Property(tries = 500)
    void agreesWithBruteForce(
            @ForAll @Size(min = 1, max = 8)
                    List<@StringLength(min = 1, max = 4) @CharRange(from = 'a', to = 'b') String> patterns,
            @ForAll @StringLength(max = 60) @CharRange(from = 'a', to = 'c') String raw) {
        String text = raw.replace('c', ' ');
        List<AhoCorasickMatcher.Match> got = new AhoCorasickMatcher(patterns).findAll(text);
        int end = -1;
        for (AhoCorasickMatcher.Match x : got) {
            assertEquals(patterns.get(x.pattern()), text.substring(x.start(), x.end()));
            assertTrue(x.start() >= end, "matches must not overlap");
            assertTrue(x.start() == 0 || text.charAt(x.start() - 1) == ' ', "word start");
            assertTrue(x.end() == text.length() || text.charAt(x.end()) == ' ', "word end");
            end = x.end();
        }
        // Patterns have no spaces, so a whole-word occurrence is a whole word of the text.
        int wordStart = 0;
        for (String word : text.split(" ", -1)) {
            int s = wordStart;
            boolean expected = patterns.contains(word);
            boolean reported = got.stream().anyMatch(x -> x.start() == s && x.end() == s + word.length());
            assertEquals(expected, reported, "word '" + word + "' at " + s);
            wordStart += word.length() + 1;
        }
    }
}
