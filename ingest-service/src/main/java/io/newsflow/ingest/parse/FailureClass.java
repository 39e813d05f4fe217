package io.newsflow.ingest.parse;

import java.util.Locale;

/** What kind of problem kept a dump out, coarse enough to count and alert on (the reason has the details). */
public enum FailureClass {
    /** The file or stream could not be read, or its gzip data is corrupt. */
    UNREADABLE,
    /** Over the size limit, before or after decompression. */
    TOO_LARGE,
    /** Binary data or not UTF-8. */
    NOT_TEXT,
    /** A JSON Lines record that is not valid JSON or lacks its text. */
    BAD_JSON,
    /** Nothing to publish: empty, blank, a header block only, or sidebar headings only. */
    NO_CONTENT,
    /** A Captured: or Published: header that is not a time, or not one of years 0000-9999. */
    BAD_TIMESTAMP,
    /** Turning the dump into events failed in a way no dump should; the reason names the error. */
    UNPROCESSABLE;

    /** The lower-case name used in metrics and log lines, e.g. {@code not_text}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
