package io.newsflow.ingest.parse;

/** Tells text from binary data that happened to decode: text has no NULs and few control characters. */
final class TextCheck {

    /** Control characters tolerated per hundred characters before the input counts as binary. */
    private static final int MAX_CONTROL_PERCENT = 1;

    private TextCheck() {}

    /** Returns why the text looks binary, or null when it looks like text. */
    static String binaryReason(CharSequence text) {
        int controls = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x0B) {
                if (c == 0) {
                    return "binary content: NUL character at offset " + i;
                }
                controls++;
            }
        }
        if (controls * 100L > (long) MAX_CONTROL_PERCENT * text.length()) {
            return "binary content: " + controls + " control characters in " + text.length() + " characters (more than "
                    + MAX_CONTROL_PERCENT + "%)";
        }
        return null;
    }
}
