package io.newsflow.ingest.parse;

/**
 * A text whose characters are all Latin-1, as the bytes it was decoded into, one per character:
 * {@code bytes[from, from + length)}. Shared with the whole file's decoded bytes, never written to,
 * so the parser scans them without encoding the text again or checking that it can.
 */
record Latin1Text(byte[] bytes, int from, int length) {

    /** The bytes of the text's characters {@code [start, end)}. */
    Latin1Text range(int start, int end) {
        return new Latin1Text(bytes, from + start, end - start);
    }
}
