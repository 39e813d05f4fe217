package io.newsflow.bench;

import io.newsflow.enrich.EnrichService;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.schemas.Topics;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Issue #16's figures, side by side in one run over the items already on news.articles/news.briefs:
 * CPU seconds per item of the enrich topology and of the pass-through (same serdes, exactly-once), with
 * and without one repartition topic, records written per item, how the dedup work spreads over the tasks
 * of six partitions, and items/s and each instance's share of the decisions with one and with two
 * instances.
 *
 * <p>CPU is the time of the app's own threads (stream threads and their clients' network threads,
 * whose names carry the application id), so the embedded broker in the same JVM is not counted.
 */
final class ScaleOutBench {
    private final EnrichBench bench;
    private final Stack stack;

    ScaleOutBench(EnrichBench bench, Stack stack) {
        this.bench = bench;
        this.stack = stack;
    }

    /** What one app did, read from its threads and metrics once its outputs were in. */
    record Usage(
            double cpuSeconds,
            double recordsWritten,
            Map<String, Double> recordsByTopic,
            List<Double> shardWork,
            List<Double> decisions) {
        static Usage of(String applicationId, List<KafkaStreams> instances) {
            double records = 0;
            Map<String, Double> byTopic = new TreeMap<>();
            List<Double> shardWork = new ArrayList<>();
            List<Double> decisions = new ArrayList<>();
            for (KafkaStreams streams : instances) {
                double decided = 0;
                for (Map.Entry<MetricName, ? extends Metric> e :
                        streams.metrics().entrySet()) {
                    MetricName name = e.getKey();
                    if (!(e.getValue().metricValue() instanceof Number number)) {
                        continue;
                    }
                    double value = number.doubleValue();
                    if (name.group().equals("producer-metrics") && name.name().equals("record-send-total")) {
                        records += value;
                    } else if (name.group().equals("producer-topic-metrics")
                            && name.name().equals("record-send-total")) {
                        // Internal topics without the application id ("<store>-changelog", "<name>-repartition"),
                        // the topic routes as one line.
                        String topic = name.tags().get("topic").replace(applicationId + "-", "");
                        byTopic.merge(topic.startsWith("news.topic.") ? "news.topic.*" : topic, value, Double::sum);
                    } else if (name.name().equals("dedup-shard-work-total")) {
                        shardWork.add(value);
                    } else if (name.name().equals("dedup-decisions-total")) {
                        decided += value;
                    }
                }
                decisions.add(decided);
            }
            return new Usage(cpuSeconds(applicationId), records, byTopic, shardWork, decisions);
        }

        static double cpuSeconds(String applicationId) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long nanos = 0;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().contains(applicationId)) {
                    nanos += Math.max(0, threads.getThreadCpuTime(thread.getId()));
                }
            }
            return nanos / 1e9;
        }

        static double share(List<Double> parts, boolean max) {
            double total = parts.stream().mapToDouble(Double::doubleValue).sum();
            double pick = parts.stream()
                    .mapToDouble(Double::doubleValue)
                    .reduce(max ? 0 : Double.MAX_VALUE, max ? Math::max : Math::min);
            return total == 0 ? 0 : pick / total;
        }
    }

    /** One measured run: its throughput and what its apps did. */
    private record Run(EnrichBench.Throughput throughput, Usage usage) {}

    /**
     * Each topology first runs once unmeasured over the same items, so the measured runs compare compiled
     * code with compiled code: in a cold JVM the short pass-through runs interpreted, at 2.5-4 times its warm
     * CPU per item, which flattered the ratio (17-20x cold against 42x warm, measured 2026-12-05).
     */
    void run(long items, ResultTable table) {
        passThrough("newsflow-bench-so-warm-up-passthrough", items, PassThroughTopology::build);
        enrich("newsflow-bench-so-warm-up-enrich", items, 1);

        Run base = passThrough("newsflow-bench-so-passthrough", items, PassThroughTopology::build);
        add(table, "pass-through (same serdes, exactly_once_v2)", base, items, "");
        Run repartitioned = passThrough(
                "newsflow-bench-so-passthrough-repartition", items, PassThroughTopology::buildThroughRepartition);
        add(table, "pass-through via one repartition topic, no logic", repartitioned, items, "");

        Run[] enrich = new Run[2];
        for (int instances = 1; instances <= 2; instances++) {
            Run run = enrich("newsflow-bench-so-enrich-" + instances, items, instances);
            enrich[instances - 1] = run;
            add(
                    table,
                    "enrich topology, " + instances + " instance" + (instances > 1 ? "s" : "") + ", "
                            + stack.config().intValue(NewsflowConfig.PARTITIONS) + " partitions",
                    run,
                    items,
                    String.format(
                            "; busiest shard task %.0f%% of shard work (%d tasks); decisions per instance %s",
                            100 * Usage.share(run.usage().shardWork(), true),
                            run.usage().shardWork().size(),
                            shares(run.usage().decisions())));
        }
        Usage one = enrich[0].usage();
        table.ratio(
                "enrich CPU us/item (1 instance) / pass-through (target <= 4)",
                1e6 * one.cpuSeconds() / items,
                1e6 * base.usage().cpuSeconds() / items);
        table.ratio(
                "pass-through via one repartition CPU us/item / pass-through",
                1e6 * repartitioned.usage().cpuSeconds() / items,
                1e6 * base.usage().cpuSeconds() / items);
        table.ratio(
                "enrich records written per 100 items (1 instance) / pass-through",
                100 * one.recordsWritten() / items,
                100 * base.usage().recordsWritten() / items);
        table.ratio(
                "enrich items/s: 2 instances / 1 instance",
                enrich[1].throughput().itemsPerSecond(),
                enrich[0].throughput().itemsPerSecond());
        Map<String, Double> byKind = new TreeMap<>();
        one.recordsByTopic().forEach((topic, n) -> byKind.merge(kind(topic), n / items, Double::sum));
        table.detail("enrich (1 instance) records written per item, by topic, most first; in all "
                + byKind.entrySet().stream()
                        .map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
                        .toList() + ":");
        one.recordsByTopic().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> table.detail(String.format("  %-56s %5.2f", e.getKey(), e.getValue() / items)));
        System.out.printf(
                "%nscale-out bench: on a 2-core machine shared with the broker (and, here, with other builds) the "
                        + "items/s of 1 vs 2 instances say little; the CPU seconds per item are what count.%n");
    }

    private Run passThrough(String applicationId, long items, Function<Topics, Topology> topology) {
        Usage[] usage = new Usage[1];
        EnrichBench.Throughput throughput = bench.passThrough(
                applicationId, items, topology, streams -> usage[0] = Usage.of(applicationId, List.of(streams)));
        return new Run(throughput, usage[0]);
    }

    private Run enrich(String applicationId, long items, int instances) {
        List<EnrichService> running = new ArrayList<>();
        try (OutputWatcher out = bench.enrichOutputs()) {
            for (int i = 0; i < instances; i++) {
                NewsflowConfig config = bench.appConfig(applicationId)
                        .with(
                                NewsflowConfig.DATA_DIR,
                                Stack.dataDir(stack.config())
                                        .resolve(applicationId + "-" + i)
                                        .toString(),
                                "bench");
                running.add(EnrichService.start(Stack.resolve(config)));
            }
            EnrichBench.Throughput throughput = bench.throughput(applicationId, out, items);
            return new Run(
                    throughput,
                    Usage.of(
                            applicationId,
                            running.stream().map(EnrichService::streams).toList()));
        } finally {
            running.forEach(EnrichService::close);
        }
    }

    private static void add(ResultTable table, String what, Run run, long items, String more) {
        EnrichBench.Throughput throughput = run.throughput();
        table.add("scale", what, throughput.items(), throughput.seconds(), -1, cpu(run.usage(), items) + more);
    }

    private static String kind(String topic) {
        return topic.endsWith("-changelog")
                ? "changelogs"
                : topic.endsWith("-repartition") ? "repartitions" : "outputs";
    }

    private static String cpu(Usage usage, long items) {
        return String.format(
                "CPU %.3f ms/item, %.1f records written/item",
                1000 * usage.cpuSeconds() / items, usage.recordsWritten() / items);
    }

    private static String shares(List<Double> decisions) {
        double total = decisions.stream().mapToDouble(Double::doubleValue).sum();
        return decisions.stream()
                .map(d -> String.format("%.0f%%", total == 0 ? 0 : 100 * d / total))
                .toList()
                .toString();
    }
}
