package io.newsflow.platform.logging;

import java.util.regex.Pattern;

/**
 * One structured log line as {@code key=value} pairs (logfmt): values with spaces, quotes or {@code =}
 * are quoted, so a line splits back into its fields with any logfmt parser.
 */
public final class KeyValueLine {
    private static final Pattern PLAIN = Pattern.compile("[^\\s\"=\\\\]+");

    private final StringBuilder line = new StringBuilder();

    private KeyValueLine(String event) {
        line.append(event);
    }

    /** A line starting with the event's name, e.g. {@code dump} or {@code burst}. */
    public static KeyValueLine of(String event) {
        return new KeyValueLine(event);
    }

    /** Adds {@code key=value}; a null value is left out. */
    public KeyValueLine add(String key, Object value) {
        if (value != null) {
            line.append(' ').append(key).append('=').append(quoted(value.toString()));
        }
        return this;
    }

    static String quoted(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Override
    public String toString() {
        return line.toString();
    }
}
