package io.newsflow.cli;

import io.newsflow.platform.cli.ClusterOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Re-runs enrichment from a point in time. */
@Command(name = "reprocess", mixinStandardHelpOptions = true,
        description = "Re-run enrichment from a point in time after the rules changed.")
public final class ReprocessCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        System.err.println("newsflow reprocess: not yet implemented (issue #7)");
        return 2;
    }
}
