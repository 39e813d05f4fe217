package io.newsflow.devstack.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run
 * in-process. Storage is formatted once and kept in {@code dataDir}, so stopping and starting again
 * keeps topics, offsets and data.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code dataDir} if needed, starts the broker and waits until it answers.
     *
     * @param host           address both listeners bind to (loopback unless told otherwise)
     * @param port           client listener port
     * @param controllerPort KRaft controller listener port
     */
    public static EmbeddedKafka start(Path dataDir, String host, int port, int controllerPort) {
        return start(dataDir, host, port, controllerPort, Map.of());
    }

    /** {@link #start(Path, String, int, int)} with broker settings of the caller's over ours (tests). */
    public static EmbeddedKafka start(
            Path dataDir, String host, int port, int controllerPort, Map<String, String> overrides) {
        long started = System.nanoTime();
        Properties props = brokerProperties(dataDir, host, port, controllerPort);
        props.putAll(overrides);
        format(dataDir, props);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        String bootstrap = host + ":" + port;
        EmbeddedKafka kafka = new EmbeddedKafka(server, bootstrap);
        try {
            kafka.awaitReady(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        log.info(
                "Kafka broker (KRaft) ready on {} in {} ms, data in {}",
                bootstrap,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                dataDir);
        return kafka;
    }

    static Properties brokerProperties(Path dataDir, String host, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("data").toAbsolutePath().toString());
        // One node: every internal topic has one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "1");
        // Topics are created on purpose (TopicSetup, Kafka Streams), so a misspelt topic fails loudly.
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The 128 MiB default is most of a small broker's heap; our compacted topics are tiny.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        // Newsflow sets retention on every topic it creates (TopicRetention); a topic created otherwise
        // gets no time retention either, since record timestamps here are event times, often years old.
        p.put("log.retention.ms", "-1");
        return p;
    }

    private static void format(Path dataDir, Properties props) {
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                props.store(out, "Written by Newsflow's embedded broker; regenerated at every start");
            }
            // Formatted once; a restart must keep the cluster id that meta.properties already holds.
            if (Files.exists(Path.of(props.getProperty("log.dirs"), "meta.properties"))) {
                return;
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int rc = StorageTool.execute(
                    new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()
                    },
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IllegalStateException("Formatting Kafka storage in " + dataDir + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (true) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "Kafka broker on " + bootstrapServers + " did not become ready within "
                                        + timeout.toSeconds() + " s",
                                e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka broker on " + bootstrapServers + " reports no nodes");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker on {} stopped", bootstrapServers);
    }
}
