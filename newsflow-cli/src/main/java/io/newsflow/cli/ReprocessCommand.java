package io.newsflow.cli;

import io.newsflow.enrich.EnrichSettings;
import io.newsflow.enrich.dedup.DedupStores;
import io.newsflow.enrich.reprocess.ReprocessPoint;
import io.newsflow.platform.stack.Stack;
import io.newsflow.schemas.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code ./newsflow reprocess}: reset enrich-service so it re-runs from a point in time. */
@Command(
        name = "reprocess",
        mixinStandardHelpOptions = true,
        description = "Reset enrich-service to re-run enrichment from --from (after the rules changed): stop every "
                + "enrich-service instance first; this moves its input offsets to the time minus the dedup window (re-read as "
                + "dedup context only), records the reprocess point on the cluster, deletes its internal topics and local state "
                + "(Kafka's StreamsResetter); then start it again (./newsflow up or ./newsflow enrich).")
public final class ReprocessCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "TIME",
            description = "Re-process input records with timestamps (event times) from this time on, ISO-8601.")
    Instant from;

    @Override
    public Integer call() {
        try (Stack stack = Stack.resolve(cluster.config())) {
            EnrichSettings settings = EnrichSettings.from(stack.config());
            ReprocessPoint point = EnrichReset.resetTo(stack, settings, from);
            System.out.println(
                    "enrich-service (" + settings.applicationId() + ") reset to " + from
                            + ": input offsets moved back to "
                            + point.contextStart(DedupStores.retention(settings.dedup(), settings.reorderGrace()))
                            + " (the dedup window before it is read again as context, not published), internal topics and local state deleted.");
            System.out.println("Reprocess point (in " + Topics.REPROCESS_POINTS_NAME
                    + ", read by every instance at start): " + point.toJson());
            System.out.println(
                    "Start it again to re-run enrichment: ./newsflow up, or ./newsflow enrich against your cluster.");
            return 0;
        }
    }
}
