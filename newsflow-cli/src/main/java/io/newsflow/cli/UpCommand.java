package io.newsflow.cli;

import io.newsflow.enrich.EnrichService;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Runs the embedded Kafka broker and Schema Registry (and one enrich-service) until Ctrl-C. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = "Start the embedded Kafka broker (KRaft, data in var/kafka) and Schema Registry on loopback, "
                + "create Newsflow's topics, and run one enrich-service instance until Ctrl-C.")
public final class UpCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(
            names = "--no-enrich",
            description = "Only Kafka and the Schema Registry; run enrich-service separately (./newsflow enrich).")
    boolean noEnrich;

    @Override
    public Integer call() throws InterruptedException {
        NewsflowConfig config = cluster.config();
        boolean startKafka = config.get(NewsflowConfig.BOOTSTRAP_SERVERS).isEmpty();
        long started = System.nanoTime();
        Stack stack = Stack.startEmbedded(config, startKafka);
        TopicSetup.prepare(stack);
        EnrichService enrich = noEnrich ? null : EnrichService.start(stack);
        System.out.printf(
                "Newsflow is up in %.1f s%n  Kafka:           %s%s%n  Schema Registry: %s%n",
                (System.nanoTime() - started) / 1e9,
                stack.bootstrapServers(),
                startKafka
                        ? " (embedded KRaft broker, data in "
                                + Stack.dataDir(config).resolve("kafka") + ")"
                        : "",
                stack.registryUrl());
        if (enrich != null) {
            System.out.println("  enrich-service:  http://" + config.require(NewsflowConfig.BIND_ADDRESS) + ":"
                    + enrich.httpPort() + " (/health/ready, /metrics)");
        }
        System.out.println("Press Ctrl-C to stop.");
        EnrichCommand.awaitShutdown(() -> {
            if (enrich != null) {
                enrich.close();
            }
            stack.close();
        });
        return 0;
    }
}
