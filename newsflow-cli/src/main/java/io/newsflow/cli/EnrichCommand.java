package io.newsflow.cli;

import io.newsflow.enrich.EnrichService;
import io.newsflow.platform.stack.Stack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Runs one enrich-service instance against the given cluster until stopped. */
@Command(
        name = "enrich",
        mixinStandardHelpOptions = true,
        description = "Run one enrich-service instance (Kafka Streams) until Ctrl-C; several instances with the same "
                + "newsflow.enrich.application.id share the work. HTTP on 127.0.0.1:8080 (/health/ready, /metrics).")
public final class EnrichCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() throws InterruptedException {
        Stack stack = Stack.resolve(cluster.config());
        EnrichService service = EnrichService.start(stack);
        System.out.println("enrich-service running against " + stack.description() + "; Ctrl-C to stop");
        awaitShutdown(() -> {
            service.close();
            stack.close();
        });
        return 0;
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then runs {@code stop}. */
    static void awaitShutdown(Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.err.println("Stopping Newsflow...");
                            stop.run();
                            stopped.countDown();
                        },
                        "newsflow-shutdown"));
        stopped.await();
    }
}
