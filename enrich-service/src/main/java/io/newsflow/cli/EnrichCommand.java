package io.newsflow.cli;

import io.newsflow.platform.cli.ClusterOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Runs one enrich-service instance against the given cluster. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run one enrich-service instance (Kafka Streams) against the cluster; several instances share the work.")
public final class EnrichCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        System.err.println("newsflow enrich: not yet implemented (issue #4)");
        return 2;
    }
}
