package io.newsflow.cli;

import io.newsflow.platform.replay.TopicReplay;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartitionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code ./newsflow replay}: copy a time range of a topic into another topic, exactly once. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description =
                "Copy the records of TOPIC with timestamps in [--from, --to) into --to-topic, keys, headers and "
                        + "timestamps preserved, each to the same partition, in transactions (interrupted? run it again: it resumes).")
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Source topic.")
    String topic;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "TIME",
            description = "Start (inclusive), ISO-8601, e.g. 2017-04-07T00:00:00Z.")
    Instant from;

    @Option(
            names = "--to",
            paramLabel = "TIME",
            description = "End (exclusive), ISO-8601. Default: the current end of the topic.")
    Instant to;

    @Option(
            names = "--to-topic",
            required = true,
            paramLabel = "TOPIC",
            description = "Target topic; created with the source's partition count if missing.")
    String target;

    @Override
    public Integer call() throws Exception {
        if (target.equals(topic)) {
            System.err.println("--to-topic must differ from --topic");
            return 2;
        }
        try (Stack stack = Stack.resolve(cluster.config())) {
            int partitions;
            try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
                List<TopicPartitionInfo> infos = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS)
                        .get(topic)
                        .partitions();
                partitions = infos.size();
            }
            TopicSetup.ensure(stack.config(), List.of(target), partitions, (short) -1);
            TopicReplay replay = new TopicReplay(stack.kafkaClientProperties());
            boolean terminal = System.console() != null;
            long copied = replay.copy(topic, from, to, target, n -> {
                if (terminal) {
                    System.err.printf("\rcopied %d records", n);
                }
            });
            if (terminal) {
                System.err.println();
            }
            System.out.printf(
                    "replayed %d records of %s [%s, %s) into %s%n",
                    copied, topic, from, to == null ? "end" : to, target);
            return 0;
        }
    }
}
