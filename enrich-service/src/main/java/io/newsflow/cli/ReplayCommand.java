package io.newsflow.cli;

import io.newsflow.platform.cli.ClusterOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Copies a time range of a topic into another topic. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Copy a time range of a topic into another topic, exactly once.")
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        System.err.println("newsflow replay: not yet implemented (issue #7)");
        return 2;
    }
}
