package io.newsflow.platform.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Prints the effective configuration, where each value came from, secrets masked. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration (flags > environment > --config file > defaults) with the origin of "
                + "every value; passwords, JAAS configs and credentials are masked.")
public final class ConfigCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        cluster.config().describe().forEach((key, value) -> System.out.println(key + " = " + value));
        return 0;
    }
}
