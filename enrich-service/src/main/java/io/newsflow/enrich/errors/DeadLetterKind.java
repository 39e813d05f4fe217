package io.newsflow.enrich.errors;

import java.util.Locale;

/** Where in enrich-service a record failed: each has its own DeadLetter stage and its own counter. */
enum DeadLetterKind {
    DESERIALIZATION("enrich.deserialize"),
    PROCESSING("enrich.process"),
    PRODUCTION("enrich.produce"),
    SERIALIZATION("enrich.serialize");

    private final String stage;

    DeadLetterKind(String stage) {
        this.stage = stage;
    }

    /** The DeadLetter's stage field. */
    public String stage() {
        return stage;
    }

    /** The value of the counter's kind label, e.g. {@code deserialization}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
