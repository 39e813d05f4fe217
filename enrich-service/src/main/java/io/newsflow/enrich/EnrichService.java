package io.newsflow.enrich;

import io.newsflow.enrich.bursts.BurstQueries;
import io.newsflow.enrich.dedup.KafkaUpstreamProgress;
import io.newsflow.enrich.errors.DeadLetterCounts;
import io.newsflow.enrich.errors.DeadLetterExceptionHandler;
import io.newsflow.enrich.metrics.StreamsSensors;
import io.newsflow.enrich.reprocess.ReprocessPoint;
import io.newsflow.enrich.tagging.PendingTagger;
import io.newsflow.enrich.tagging.TopicRules;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.http.ServiceHttpServer;
import io.newsflow.platform.metrics.ServiceMetrics;
import io.newsflow.platform.stack.Stack;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One running enrich-service instance: the Kafka Streams app plus its HTTP endpoints. Instances with
 * the same application id share the partitions; a failed stream thread is replaced, not fatal.
 */
public final class EnrichService implements AutoCloseable {
    public static final String HTTP_PORT = "newsflow.enrich.http.port";
    public static final String ADVERTISED_HOST = "newsflow.enrich.advertised.host";
    private static final Logger log = LoggerFactory.getLogger(EnrichService.class);

    private final SchemaRegistryClient registry;
    private final KafkaUpstreamProgress upstream;
    private final KafkaStreams streams;
    private final ServiceMetrics own;
    private final ServiceHttpServer http;

    private EnrichService(
            SchemaRegistryClient registry,
            KafkaUpstreamProgress upstream,
            KafkaStreams streams,
            ServiceMetrics own,
            ServiceHttpServer http) {
        this.registry = registry;
        this.upstream = upstream;
        this.streams = streams;
        this.own = own;
        this.http = http;
    }

    /** Creates the topics it writes (including the per-topic routes of its rules) and starts. */
    public static EnrichService start(Stack stack) {
        // With the "started" line below, splits a slow restart into JVM start-up and our own set-up.
        log.info(
                "enrich-service starting, {} ms after its JVM started",
                ManagementFactory.getRuntimeMXBean().getUptime());
        NewsflowConfig config = stack.config();
        EnrichSettings configured = EnrichSettings.from(config);
        // Building the tagger (gazetteer automata) is the longest CPU step of a start, seconds on a cold
        // JVM; it runs while the topics and schemas are checked (mostly waiting on the broker and the
        // registry) and then while Kafka Streams opens its local stores and joins (PendingTagger).
        CompletableFuture<TopicRules> rulesLoad = CompletableFuture.supplyAsync(
                () -> configured.topicRules().map(TopicRules::load).orElseGet(TopicRules::loadDefault));
        CompletableFuture<PendingTagger> taggerBuild = rulesLoad.thenApply(PendingTagger::build);
        SchemaRegistryClient registry = stack.registryClient();
        Topics topics = new Topics(registry, stack.registryProperties());
        EnrichSetup.Found found = EnrichSetup.run(stack, configured, topics, rulesLoad);
        EnrichSettings settings = found.settings(configured, config.intValue(NewsflowConfig.PARTITIONS));
        ReprocessPoint reprocess = found.reprocess();
        if (!reprocess.equals(ReprocessPoint.NONE)) {
            log.info(
                    "Reprocess point {}: items dated before it that were published before the reprocess ({}) "
                            + "are read again only to rebuild the dedup context",
                    reprocess.from(),
                    reprocess.toJson());
        }
        log.debug("Start-up: topics, schemas, route topics, index changelog configs and reprocess point checked");
        PendingTagger tagger = EnrichSetup.joined(taggerBuild);
        Path stateDir = Stack.dataDir(config).resolve("streams");
        Properties props = EnrichTopology.streamsConfig(config, settings, stack.registryProperties(), stateDir);
        String instanceId = StaticMembership.instanceId(config, stateDir, settings.applicationId())
                .orElse(null);
        if (instanceId != null) {
            // Streams gives each stream thread's consumer this id plus the thread's index.
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        props.put(DeadLetterExceptionHandler.REGISTRY_CLIENT, registry);
        // Our counters and gauges outside Streams' own metrics (dead letters, active bursts).
        ServiceMetrics own = new ServiceMetrics(StreamsSensors.SERVICE);
        props.put(DeadLetterExceptionHandler.COUNTS, new DeadLetterCounts(own));
        // The HTTP port is bound first: it is this instance's address for the others' interactive queries.
        AtomicReference<KafkaStreams> running = new AtomicReference<>();
        Supplier<Map<MetricName, ? extends Metric>> metrics = ServiceMetrics.union(
                () -> running.get() == null ? Map.of() : running.get().metrics(), own::metrics);
        ServiceHttpServer http;
        try {
            http = new ServiceHttpServer(
                    config.require(NewsflowConfig.BIND_ADDRESS),
                    config.get(HTTP_PORT).map(Integer::parseInt).orElse(8080),
                    () -> running.get() != null && running.get().state() == KafkaStreams.State.RUNNING,
                    metrics);
        } catch (IOException e) {
            registry.close();
            own.close();
            throw new UncheckedIOException("Cannot open enrich-service's HTTP port: " + e.getMessage(), e);
        }
        HostInfo self = new HostInfo(advertisedHost(config), http.port());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        KafkaUpstreamProgress upstream = new KafkaUpstreamProgress(
                stack.kafkaClientProperties(),
                settings.applicationId(),
                List.of(Topics.ARTICLES_NAME, Topics.BRIEFS_NAME),
                EnrichTopology.dedupShardsTopic(settings.applicationId()),
                settings::dedupShards);
        KafkaStreams streams =
                new KafkaStreams(EnrichTopology.buildTopology(settings, topics, tagger, upstream, reprocess), props);
        running.set(streams);
        tagger.onFailure(e -> {
            log.error("Cannot build the tagger; stopping enrich-service", e);
            streams.close(Duration.ZERO);
        });
        streams.setUncaughtExceptionHandler(e -> {
            if (e instanceof FencedInstanceIdException || e.getCause() instanceof FencedInstanceIdException) {
                log.error(
                        "Another enrich-service instance runs as static member {} (a copy of this data directory?): "
                                + "stopping this one. Give each instance its own --data-dir.",
                        instanceId,
                        e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            log.error("Stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> log.info("enrich-service {} -> {}", before, now));
        BurstQueries queries = new BurstQueries(streams, settings.bursts(), self);
        http.json(BurstQueries.BURSTS_PATH, queries::activeBursts);
        http.json(BurstQueries.TOP_PATH, queries::topTerms);
        http.json("/api/stats", query -> EnrichStats.json(streams.state(), metrics.get()));
        http.page("/", "text/html; charset=utf-8", livePage());
        // Per instance, of the terms whose state it hosts: dashboards sum over instances.
        own.gauge("active-bursts", "terms whose burst has started and not yet ended", queries::localActiveBursts);
        streams.start();
        log.info(
                "enrich-service started: application id {}, rules {}, interactive queries at {}, {} ms after its JVM started",
                settings.applicationId(),
                tagger.rulesVersion(),
                self,
                ManagementFactory.getRuntimeMXBean().getUptime());
        if (instanceId != null) {
            log.info(
                    "Static group member {} (kept in {}): restarted on this data directory, it takes its tasks back at once; "
                            + "a new data directory is a new member, which waits until the old one's session times out ({} = 45 s "
                            + "unless set)",
                    instanceId,
                    stateDir,
                    ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
        } else {
            log.info(
                    "Static membership off ({}=false): after a crash the restarted instance waits until the old "
                            + "member's session times out",
                    StaticMembership.ENABLED);
        }
        return new EnrichService(registry, upstream, streams, own, http);
    }

    /** The live page at {@code /}: our counters, what is bursting and the top terms, polled from the JSON endpoints. */
    private static byte[] livePage() {
        try (InputStream page = EnrichService.class.getResourceAsStream("/dashboard/index.html")) {
            if (page == null) {
                throw new IllegalStateException("dashboard/index.html is missing from the classpath");
            }
            return page.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The host other instances reach this one at: {@value #ADVERTISED_HOST} if set, else the bind
     * address, unless that is a wildcard: then the address the machine's own name resolves to, which
     * is the container's address in Docker (where replicas share one environment).
     */
    static String advertisedHost(NewsflowConfig config) {
        String bind = config.require(NewsflowConfig.BIND_ADDRESS);
        return config.get(ADVERTISED_HOST).orElseGet(() -> {
            if (!bind.equals("0.0.0.0") && !bind.equals("::")) {
                return bind;
            }
            try {
                return InetAddress.getLocalHost().getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(
                        "Bound to " + bind + " and the host name is unknown: set " + ADVERTISED_HOST, e);
            }
        });
    }

    public KafkaStreams streams() {
        return streams;
    }

    public int httpPort() {
        return http.port();
    }

    /**
     * Leaves the consumer group on the way out: Streams members otherwise stay until their session
     * times out (45 s), and the next instance to start (the next `run`) waits for that.
     */
    @Override
    public void close() {
        http.close();
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        upstream.close();
        registry.close();
        own.close();
    }
}
