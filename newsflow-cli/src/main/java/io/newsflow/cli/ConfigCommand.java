package io.newsflow.cli;

import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.TopicRetention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Prints the effective configuration, where each value came from, secrets masked. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description =
                "Print the effective configuration (flags > environment > --config file > defaults) with the origin of "
                        + "every value; passwords, JAAS configs and credentials are masked.")
public final class ConfigCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        NewsflowConfig config = cluster.config();
        config.describe().forEach((key, value) -> System.out.println(key + " = " + value));
        // What every news.* topic is created with and brought to on start (docs/operations.md, "Retention").
        TopicRetention.topicConfigs(config)
                .forEach((key, value) ->
                        System.out.println("topic config " + key + " = " + value + "  (every news.* topic)"));
        return 0;
    }
}
