package io.newsflow.bench;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.enrich.EnrichService;
import io.newsflow.enrich.EnrichSettings;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.ingest.DumpPublisher;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import io.newsflow.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The enrich topology end to end on a real broker: throughput against a pass-through topology with the
 * same serdes and guarantee over the same input, and ingest-to-enriched latency at a steady rate.
 */
public final class EnrichBench {
    static final List<String> ENRICH_OUTPUTS =
            List.of(Topics.ENRICHED_ARTICLES_NAME, Topics.ENRICHED_BRIEFS_NAME, Topics.DUPLICATES_NAME);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Stack stack;
    private final Topics topics;
    private final SchemaRegistryClient registry;

    public EnrichBench(Stack stack, Topics topics, SchemaRegistryClient registry) {
        this.stack = stack;
        this.topics = topics;
        this.registry = registry;
    }

    /** A throughput run: from the app's first input consumed to its last output received. */
    public record Throughput(long items, double seconds, boolean complete) {
        public double itemsPerSecond() {
            return items / seconds;
        }
    }

    /** A latency run: per item, output received minus input produced (wall clock). */
    public record Latency(Percentiles millis, long expected, double seconds) {}

    /** Streams the {@code items} already on news.articles/news.briefs through {@link PassThroughTopology}. */
    Throughput passThrough(String applicationId, long items) {
        return passThrough(applicationId, items, PassThroughTopology::build, streams -> {});
    }

    /**
     * {@link #passThrough(String, long)} with the given pass-through {@code topology}, handing the app to
     * {@code atEnd} once its outputs are in, before it closes.
     */
    Throughput passThrough(
            String applicationId, long items, Function<Topics, Topology> topology, Consumer<KafkaStreams> atEnd) {
        NewsflowConfig config = appConfig(applicationId);
        TopicSetup.ensure(config, PassThroughTopology.OUTPUTS, config.intValue(NewsflowConfig.PARTITIONS), (short)
                config.intValue(NewsflowConfig.REPLICATION_FACTOR));
        Properties props = EnrichTopology.streamsConfig(
                config,
                EnrichSettings.from(config),
                stack.registryProperties(),
                Stack.dataDir(config).resolve("streams"));
        try (OutputWatcher out = new OutputWatcher(stack.kafkaClientProperties(), PassThroughTopology.OUTPUTS);
                KafkaStreams streams = new KafkaStreams(topology.apply(topics), props)) {
            streams.start();
            Throughput run = throughput(applicationId, out, items);
            atEnd.accept(streams);
            return run;
        }
    }

    /**
     * Runs the whole enrich bench over the {@code items} already on news.articles/news.briefs and adds
     * its rows to {@code table}. Throughput twice, like with like: a first pass of each app in a cold
     * JVM (what a fresh start sees: on 2 cores the JIT compiler then takes a core of its own), and a
     * warm pass of each, fresh apps over the same items once the code is compiled (what a service that
     * runs all day sees). Then latency, in fresh apps started at the end of the input, with the
     * configured grace and with {@code shortGrace}.
     */
    public void run(
            long items,
            BenchDumps dumps,
            int firstLatencyDump,
            int perSecond,
            int seconds,
            Duration shortGrace,
            ResultTable table)
            throws InterruptedException {
        EnrichSettings configured = EnrichSettings.from(stack.config());
        String settings = settings(configured);
        Throughput[] base = new Throughput[2];
        Throughput[] enrich = new Throughput[2];
        String[] passes = {"first pass", "warm"};
        for (int pass = 0; pass < 2; pass++) {
            String suffix = pass == 0 ? "" : "-warm";
            base[pass] = passThrough("newsflow-bench-passthrough" + suffix, items);
            table.add(
                    "enrich",
                    "pass-through, " + passes[pass] + " (same serdes, exactly_once_v2)",
                    base[pass].items(),
                    base[pass].seconds(),
                    -1,
                    incomplete(base[pass], items) + "first input consumed -> last output");
            String applicationId = "newsflow-bench-enrich" + suffix;
            try (OutputWatcher out = enrichOutputs();
                    EnrichService service = EnrichService.start(Stack.resolve(appConfig(applicationId)))) {
                enrich[pass] = throughput(applicationId, out, items);
            }
            table.add(
                    "enrich",
                    "enrich topology, " + passes[pass] + " (" + settings + ")",
                    enrich[pass].items(),
                    enrich[pass].seconds(),
                    -1,
                    incomplete(enrich[pass], items) + "outputs: enriched + duplicates");
        }

        for (Duration grace : List.of(configured.reorderGrace(), shortGrace)) {
            String applicationId = "newsflow-bench-latency-" + grace.toMillis();
            startAtEnd(applicationId);
            NewsflowConfig config =
                    appConfig(applicationId).with(EnrichSettings.REORDER_GRACE, grace.toMillis() + "ms", "bench");
            Latency latency;
            try (EnrichService service = EnrichService.start(Stack.resolve(config))) {
                latency = latency(dumps, firstLatencyDump, perSecond, seconds, grace);
            }
            addLatency(table, settings(EnrichSettings.from(config)), perSecond, latency);
        }
        for (int pass = 0; pass < 2; pass++) {
            table.ratio(
                    "enrich items/s, " + passes[pass] + ": enrich topology / pass-through",
                    enrich[pass].itemsPerSecond(),
                    base[pass].itemsPerSecond());
        }
    }

    /** Issue #16's side-by-side figures over the same items ({@link ScaleOutBench}). */
    public void scaleOut(long items, ResultTable table) {
        new ScaleOutBench(this, stack).run(items, table);
    }

    private static String settings(EnrichSettings settings) {
        return "grace " + settings.reorderGrace().toMillis() / 1000.0 + " s, idle flush "
                + settings.idleFlush().toMillis() / 1000.0 + " s";
    }

    private static String incomplete(Throughput run, long expected) {
        return run.complete() ? "" : "INCOMPLETE " + run.items() + "/" + expected + "; ";
    }

    private static void addLatency(ResultTable table, String settings, int perSecond, Latency latency) {
        Percentiles ms = latency.millis();
        table.add(
                "latency",
                "enrich, " + perSecond + "/s in (" + settings + ")",
                ms.count(),
                latency.seconds(),
                -1,
                (ms.count() < latency.expected() ? "INCOMPLETE " + ms.count() + "/" + latency.expected() + "; " : "")
                        + String.format(
                                "p50 %d ms, p99 %d ms, max %d ms (produce -> output received)",
                                ms.p50(), ms.p99(), ms.max()));
    }

    /**
     * Makes a fresh application start at the current end of news.articles/news.briefs, so a latency run
     * does not first work through the throughput run's backlog.
     */
    void startAtEnd(String applicationId) {
        try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : List.of(Topics.ARTICLES_NAME, Topics.BRIEFS_NAME)) {
                admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS)
                        .get(topic)
                        .partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(applicationId, ends).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot position " + applicationId + " at the end of the input: " + e, e);
        }
    }

    /**
     * Produces the items of dumps {@code firstDump ..} (exact repeats left out, so each id is produced
     * once) at {@code perSecond} for {@code seconds}, with event time = now, to the running enrich app,
     * and measures per item when its output (enriched or duplicate notice) was received.
     */
    Latency latency(BenchDumps dumps, int firstDump, int perSecond, int seconds, Duration grace)
            throws InterruptedException {
        int count = perSecond * seconds;
        Map<String, SpecificRecord> items = new LinkedHashMap<>();
        for (int n = firstDump; items.size() < count; n++) {
            for (SpecificRecord item : dumps.events(n, Instant.now())) {
                items.putIfAbsent(id(item), item);
            }
        }
        List<String> ids = new ArrayList<>(items.keySet()).subList(0, count);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AvroSerializer<SpecificRecord> values = new AvroSerializer<>(registry);
        values.configure(stack.registryProperties(), false);
        // DumpPublisher's settings without its per-file transactions: each item goes out on its own.
        Map<String, Object> producerConfig =
                new HashMap<>(DumpPublisher.producerConfig(stack.kafkaClientProperties(), "unused"));
        producerConfig.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-bench-latency");
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        try (OutputWatcher out = enrichOutputs();
                KafkaProducer<String, SpecificRecord> producer =
                        new KafkaProducer<>(producerConfig, new StringSerializer(), values)) {
            Iterator<String> next = ids.iterator();
            long start = System.nanoTime();
            sender.scheduleAtFixedRate(
                    () -> {
                        if (next.hasNext()) {
                            String id = next.next();
                            SpecificRecord item = items.get(id);
                            long now = System.currentTimeMillis();
                            sentAt.put(id, now);
                            producer.send(new ProducerRecord<>(
                                    item instanceof Article ? Topics.ARTICLES_NAME : Topics.BRIEFS_NAME,
                                    null,
                                    now,
                                    id,
                                    item));
                        }
                    },
                    0,
                    1_000_000L / perSecond,
                    TimeUnit.MICROSECONDS);
            out.awaitKeys(ids, Duration.ofSeconds(seconds).plus(grace).plus(Duration.ofMinutes(1)));
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] millis = ids.stream()
                    .filter(id -> out.receivedAt(id) != null)
                    .mapToLong(id -> out.receivedAt(id) - sentAt.get(id))
                    .toArray();
            return new Latency(Percentiles.of(millis), count, elapsed);
        } finally {
            sender.shutdownNow();
            sender.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    OutputWatcher enrichOutputs() {
        return new OutputWatcher(stack.kafkaClientProperties(), ENRICH_OUTPUTS);
    }

    private static String id(SpecificRecord item) {
        return item instanceof Article a ? a.getId() : ((Brief) item).getId();
    }

    Throughput throughput(String applicationId, OutputWatcher out, long items) {
        boolean complete = out.awaitCount(items, TIMEOUT);
        long first = FirstConsumed.at(applicationId)
                .orElseThrow(() -> new IllegalStateException(
                        applicationId + " consumed nothing within " + TIMEOUT.toSeconds() + " s"));
        return new Throughput(out.count(), (out.lastReceivedMs() - first) / 1000.0, complete);
    }

    /** The stack's config with the app's own id, an ephemeral HTTP port and the first-consumed probe. */
    NewsflowConfig appConfig(String applicationId) {
        return stack.config()
                .with(EnrichSettings.APPLICATION_ID, applicationId, "bench")
                .with(EnrichService.HTTP_PORT, "0", "bench")
                .with(FirstConsumed.STREAMS_PROPERTY, FirstConsumed.class.getName(), "bench");
    }
}
