package io.newsflow.registry;

import java.util.Locale;

/** Confluent's compatibility levels; names are the strings the REST API uses. */
public enum CompatibilityLevel {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE;

    public boolean backward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || full();
    }

    public boolean forward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || full();
    }

    private boolean full() {
        return this == FULL || this == FULL_TRANSITIVE;
    }

    /** Transitive levels check against every earlier version, the others against the latest only. */
    public boolean transitive() {
        return name().endsWith("_TRANSITIVE");
    }

    public static CompatibilityLevel parse(String level) {
        try {
            return valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new SchemaRegistryException(
                    422,
                    SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
                    "Invalid compatibility level. Valid values are none, backward, forward, full, "
                            + "backward_transitive, forward_transitive, and full_transitive");
        }
    }
}
