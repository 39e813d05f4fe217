package io.newsflow.ingest.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits a file holding several dumps at separator lines of five or more '='. */
final class DumpSplitter {

    private static final int MIN_SEPARATOR = 5;

    private DumpSplitter() {}

    /**
     * One raw dump per non-blank part; a file with one part keeps its plain name as source id, the
     * parts of a split file are numbered {@code name#1, name#2, ...}. A file that is all blank still
     * yields one dump, so the parser can say what is wrong with it. Each dump gets its part of
     * {@code latin1}, the text's bytes when it is all Latin-1 (else null).
     */
    static List<ReadOutcome> split(String name, String text, Latin1Text latin1, Instant fallbackCapturedAt) {
        List<Part> parts = new ArrayList<>();
        int partStart = 0;
        int lineStart = 0;
        int n = text.length();
        while (lineStart <= n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            if (isSeparator(text, lineStart, lineEnd)) {
                parts.add(new Part(text.substring(partStart, lineStart), partStart));
                partStart = Math.min(lineEnd + 1, n);
            }
            lineStart = lineEnd + 1;
        }
        parts.add(new Part(text.substring(partStart), partStart));
        parts.removeIf(part -> part.text().isBlank());
        if (parts.isEmpty()) {
            return List.of(new RawDump(name, text, Map.of(), fallbackCapturedAt, latin1));
        }
        List<ReadOutcome> out = new ArrayList<>(parts.size());
        for (Part part : parts) {
            String id = parts.size() == 1 ? name : name + "#" + (out.size() + 1);
            Latin1Text bytes = latin1 == null
                    ? null
                    : latin1.range(part.from(), part.from() + part.text().length());
            out.add(new RawDump(id, part.text(), Map.of(), fallbackCapturedAt, bytes));
        }
        return out;
    }

    private record Part(String text, int from) {}

    /** A run of five or more '=' with nothing else on the line but whitespace (a trailing CR included). */
    private static boolean isSeparator(String text, int from, int to) {
        while (from < to && isBlank(text.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(text.charAt(to - 1))) {
            to--;
        }
        if (to - from < MIN_SEPARATOR) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '=') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(char c) {
        return LineNormalizer.isSpace(c) || c == '\uFEFF';
    }
}
