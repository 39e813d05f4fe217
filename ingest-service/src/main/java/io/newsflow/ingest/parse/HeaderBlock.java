package io.newsflow.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The optional header block at the top of a dump: {@code Key: value} lines ended by a blank line.
 * To keep headlines like "Dalic: We welcome ..." out of it, a block is a header only when every line
 * has a single-word key and at least one key is a known one; unknown keys are then tolerated.
 */
final class HeaderBlock {

    static final String SOURCE = "Source";
    static final String URL = "URL";
    static final String CAPTURED = "Captured";
    static final String PUBLISHED = "Published";
    static final String TITLE = "Title";

    private static final Set<String> KNOWN = Set.of("source", "url", "captured", "published", "title");
    private static final int MAX_KEY_LENGTH = 32;

    private HeaderBlock() {}

    /** Returns the fields of the leading block when it is a header, else an empty list. */
    static List<HeaderField> parse(List<String> block) {
        List<HeaderField> fields = new ArrayList<>(block.size());
        boolean anyKnown = false;
        for (String line : block) {
            HeaderField f = field(line);
            if (f == null) {
                return List.of();
            }
            anyKnown |= KNOWN.contains(f.key().toLowerCase(Locale.ROOT));
            fields.add(f);
        }
        return anyKnown ? fields : List.of();
    }

    /** The value of the first field with that key (case-insensitive), or null; empty values count as absent. */
    static String value(List<HeaderField> fields, String key) {
        for (HeaderField f : fields) {
            if (f.key().equalsIgnoreCase(key)) {
                return f.value().isEmpty() ? null : f.value();
            }
        }
        return null;
    }

    /** Parses a normalised {@code Key: value} line; null when the line has no single-word key. */
    private static HeaderField field(String line) {
        int colon = line.indexOf(':');
        if (colon < 1 || colon > MAX_KEY_LENGTH || !isAsciiLetter(line.charAt(0))) {
            return null;
        }
        for (int i = 1; i < colon; i++) {
            char c = line.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') {
                return null;
            }
        }
        return new HeaderField(
                line.substring(0, colon), line.substring(colon + 1).strip());
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
