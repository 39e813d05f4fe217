package io.newsflow.enrich.tagging;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A tagger that may still be being built. Building the gazetteer's automata is the longest CPU step
 * of a start (seconds on a cold JVM), yet a topology needs only the rules version up front; so the
 * build runs while Kafka Streams opens its local stores and joins the group, and the tag stage waits
 * for it at its first item, if it has to.
 */
public final class PendingTagger {
    private final CompletableFuture<Tagger> build;
    private final String rulesVersion;

    private PendingTagger(CompletableFuture<Tagger> build, String rulesVersion) {
        this.build = build;
        this.rulesVersion = rulesVersion;
    }

    /** A tagger already built. */
    public static PendingTagger of(Tagger tagger) {
        return new PendingTagger(CompletableFuture.completedFuture(tagger), tagger.rulesVersion());
    }

    /** Starts building the bundled gazetteer's tagger with these topic rules, in the background. */
    public static PendingTagger build(TopicRules rules) {
        return new PendingTagger(CompletableFuture.supplyAsync(() -> Tagger.withRules(rules)), Tagger.versionOf(rules));
    }

    public String rulesVersion() {
        return rulesVersion;
    }

    /** The tagger, waiting for its build to end. */
    public Tagger get() {
        return build.join();
    }

    /** Runs {@code action} with the cause if the build fails. */
    public void onFailure(Consumer<Throwable> action) {
        build.whenComplete((tagger, failure) -> {
            if (failure != null) {
                action.accept(failure);
            }
        });
    }
}
