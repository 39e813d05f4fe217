package io.newsflow.enrich.tagging;

import io.newsflow.enrich.tagging.ItemText.Segment;
import io.newsflow.enrich.tagging.ItemText.Zone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extracts salient proper-noun phrases ("Pilsner Urquell", "Zagreb Stock Exchange", "Agrokor") so
 * that topics nobody configured still surface as keywords for burst counting. Runs of capitalised
 * words are split at titles, stop words and dates; a capitalised word at a sentence start counts
 * only if the item also capitalises it elsewhere. Stateless and thread-safe.
 */
final class KeywordExtractor {

    /** Lower-case particles that belong inside names ("Bank of Japan", "Ursula von der Leyen"). */
    private static final WordSet CONNECTORS = new WordSet(Set.of(
            "of", "de", "del", "della", "di", "da", "do", "dos", "van", "von", "der", "den", "la", "le", "du", "al",
            "bin", "ibn", "&"));

    /** Prefixes of Arabic and European particle names written with a hyphen ("al-Assad"). */
    private static final Set<String> PARTICLE_PREFIXES = Set.of(
            "al", "el", "ad", "ar", "as", "ash", "at", "az", "ibn", "bin", "abu", "de", "van", "von", "la", "le");

    /** Capitalised words that are not worth a keyword on their own ("the Ministry", "European"). */
    private static final Set<String> GENERIC = Set.of(
            "European",
            "African",
            "Asian",
            "Arab",
            "Western",
            "Eastern",
            "Northern",
            "Southern",
            "Middle",
            "Ministry",
            "Government",
            "Parliament",
            "Army",
            "Police",
            "Court",
            "State",
            "Republic",
            "Union",
            "Council",
            "Party",
            "Agency",
            "Company",
            "Group",
            "Bank",
            "Committee",
            "Office",
            "Department",
            "Internet",
            "Christian",
            "Muslim",
            "Muslims",
            "Islamic",
            "Jewish",
            "Catholic");

    private final Gazetteer gazetteer;
    private final int limit;

    public KeywordExtractor(Gazetteer gazetteer, int limit) {
        this.gazetteer = gazetteer;
        this.limit = limit;
    }

    /** Words that end a name run: stop words, dates and titles ("Prime Minister Andrej Plenkovic"). */
    private static final WordSet BREAKERS = breakers();

    private static WordSet breakers() {
        Set<String> words = new HashSet<>(Words.STOP);
        words.addAll(Words.CALENDAR);
        words.addAll(Words.TITLES);
        return new WordSet(words);
    }

    /** What a token can do in a name run; classified once while tokenizing. */
    private enum Role {
        NAME,
        CONNECTOR,
        BREAK
    }

    /** {@code bare}: the text without a possessive ending, worked out once as every later step needs it. */
    private record Token(String text, String bare, Role role, boolean sentenceStart, boolean gluedToPrevious) {
        boolean endsWithPossessive() {
            return bare.length() != text.length();
        }
    }

    /** Stands for any token that can neither be nor join a name: its text and flags are never read. */
    private static final Token BREAK = new Token("", "", Role.BREAK, false, false);

    /** Keywords, most frequent first (headline mentions count double), at most {@code limit}. */
    public List<String> extract(ItemText item) {
        List<List<Token>> segments = new ArrayList<>();
        Set<String> capitalisedMidSentence = new HashSet<>();
        for (Segment s : item.segments()) {
            // Agency and place of a dateline are not what the story is about.
            Dateline dateline = s.zone() == Zone.LEAD ? item.dateline() : null;
            List<Token> tokens = tokenize(s.text(), dateline == null ? 0 : dateline.end());
            segments.add(tokens);
            for (Token t : tokens) {
                if (!t.sentenceStart() && t.role() == Role.NAME) {
                    capitalisedMidSentence.add(t.bare());
                }
            }
        }
        Map<String, double[]> scores = new LinkedHashMap<>();
        List<Segment> segs = item.segments();
        for (int i = 0; i < segs.size(); i++) {
            double weight = segs.get(i).zone() == Zone.HEADLINE ? 2 : 1;
            for (String phrase : phrases(segments.get(i), capitalisedMidSentence)) {
                scores.computeIfAbsent(phrase, k -> new double[1])[0] += weight;
            }
        }
        List<Map.Entry<String, double[]>> ranked = new ArrayList<>(scores.entrySet());
        // Stable sort keeps first-seen order among equal scores.
        ranked.sort(Comparator.comparingDouble(e -> -e.getValue()[0]));
        return ranked.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    private List<String> phrases(List<Token> tokens, Set<String> capitalisedMidSentence) {
        List<String> out = new ArrayList<>();
        List<Token> run = new ArrayList<>();
        for (Token t : tokens) {
            boolean extendsRun = !run.isEmpty()
                    && t.gluedToPrevious()
                    && !run.get(run.size() - 1).endsWithPossessive();
            boolean nameLike = t.role() == Role.NAME;
            boolean connector = t.role() == Role.CONNECTOR;
            if ((nameLike || connector && !run.isEmpty()) && (run.isEmpty() || extendsRun)) {
                run.add(t);
                continue;
            }
            emit(run, capitalisedMidSentence, out);
            run.clear();
            if (nameLike) {
                run.add(t);
            }
        }
        emit(run, capitalisedMidSentence, out);
        return out;
    }

    private void emit(List<Token> run, Set<String> capitalisedMidSentence, List<String> out) {
        int from = 0;
        int to = run.size();
        while (to > from && run.get(to - 1).role() == Role.CONNECTOR) {
            to--;
        }
        if (to == from) {
            return;
        }
        Token first = run.get(from);
        if (to - from == 1) {
            String word = first.bare();
            // A lone capitalised word at a sentence start is as likely an ordinary word ("Parts", "Banks").
            if (first.sentenceStart() && !Words.isAllCaps(word) && !capitalisedMidSentence.contains(word)
                    || GENERIC.contains(word)
                    || Words.PLACE_MODIFIERS.contains(word)) {
                return;
            }
        }
        // Most phrases are one word, which is already a string of its own.
        String phrase = to - from == 1 ? first.bare() : join(run, from, to);
        Gazetteer.Entry place = gazetteer.lookup(phrase);
        // Countries, demonyms and cities are already region tags; a keyword would only repeat them.
        if (place == null && phrase.length() > 1) {
            out.add(phrase);
        }
    }

    /** Capitalised ("Agrokor"), an acronym ("ZSE") or a particle-prefixed name ("al-Assad"). */
    static boolean isNameLike(String word) {
        if (word.isEmpty()) {
            return false;
        }
        if (Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        int hyphen = word.indexOf('-');
        return hyphen > 0
                && hyphen + 1 < word.length()
                && Character.isUpperCase(word.charAt(hyphen + 1))
                && PARTICLE_PREFIXES.contains(word.substring(0, hyphen));
    }

    /** The words of run[from, to) separated by spaces, the last without its possessive ending. */
    private static String join(List<Token> run, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                b.append(' ');
            }
            b.append(i == to - 1 ? run.get(i).bare() : run.get(i).text());
        }
        return b.toString();
    }

    /** Where text[start, end) ends without its possessive ending ("Agrokor's", "Reuters'"). */
    private static int bareEnd(String text, int start, int end) {
        char last = text.charAt(end - 1);
        if (last == '\'' || last == '\u2019') {
            return end - 1;
        }
        if (end - start >= 2 && last == 's' && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '\u2019')) {
            return end - 2;
        }
        return end;
    }

    private static List<Token> tokenize(String text, int from) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = from;
        int previousEnd = -1;
        while (i < n) {
            char c = text.charAt(i);
            if (!Words.isLetterOrDigit(c) && c != '&') {
                i++;
                continue;
            }
            int start = i++;
            boolean hyphenated = false;
            while (c != '&' && i < n && (Words.isLetterOrDigit(text.charAt(i)) || isInnerMark(text, i))) {
                hyphenated |= text.charAt(i) == '-';
                i++;
            }
            // Glued: only a single space between this token and the previous one, no punctuation.
            boolean glued = previousEnd >= 0 && start - previousEnd == 1 && text.charAt(previousEnd) == ' ';
            previousEnd = i;
            char first = text.charAt(start);
            Token token = BREAK;
            if (Character.isUpperCase(first) || hyphenated) {
                int bareEnd = bareEnd(text, start, i);
                // Capitalised words are name-like; only hyphenated lower-case ones need their text.
                if (!BREAKERS.contains(text, start, bareEnd)
                        && (Character.isUpperCase(first) || isNameLike(text.substring(start, i)))) {
                    String word = text.substring(start, i);
                    String bare = bareEnd == i ? word : text.substring(start, bareEnd);
                    boolean sentenceStart = Character.isUpperCase(first) && Words.isSentenceStart(text, start);
                    token = new Token(word, bare, Role.NAME, sentenceStart, glued);
                }
            } else {
                // Lower-case words and numbers only end a run, unless they are a name particle.
                String connector = CONNECTORS.find(text, start, i);
                if (connector != null) {
                    token = new Token(connector, connector, Role.CONNECTOR, false, glued);
                }
            }
            // A run of breaks ends a name run no differently than one break does.
            if (token != BREAK || tokens.isEmpty() || tokens.get(tokens.size() - 1) != BREAK) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Apostrophes and hyphens inside a word ("Côte d'Ivoire", "Jean-Marc", "Agrokor's"). */
    private static boolean isInnerMark(String text, int i) {
        char c = text.charAt(i);
        return (c == '\'' || c == '\u2019' || c == '-' || c == '&')
                && i + 1 < text.length()
                && Words.isLetterOrDigit(text.charAt(i + 1))
                && i > 0
                && Words.isLetterOrDigit(text.charAt(i - 1));
    }
}
