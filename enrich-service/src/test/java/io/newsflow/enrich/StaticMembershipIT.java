package io.newsflow.enrich;

import io.newsflow.avro.Brief;
import io.newsflow.avro.Origin;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import io.newsflow.platform.testing.KafkaStackExtension;
import io.newsflow.platform.testing.OwnStack;
import io.newsflow.platform.testing.TestStack;
import io.newsflow.platform.testing.TopicReader;
import io.newsflow.registry.SchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Static membership after a crash: an enrich-service instance in a child JVM is killed
 * (destroyForcibly: SIGKILL, no LeaveGroup, no commit, no checkpoint); its replacement on the same data
 * directory takes its place in the group while the killed member's session is still alive
 * (session.timeout.ms 5 min here, longer than this test may take), and processes what arrived meanwhile.
 * A dynamic member could not: the group would hold the dead member, with its tasks, until its session
 * timed out.
 */
@ExtendWith(KafkaStackExtension.class)
@OwnStack // its items on news.briefs would be enriched by the other tests' applications on a shared stack
class StaticMembershipIT {
    private static final String SESSION_TIMEOUT_MS = "300000";

    @Test
    void aKilledInstanceRestartedOnItsDataDirTakesItsTasksBackWhileTheOldSessionLives(
            TestStack stack, @TempDir Path dataDir) throws Exception {
        String run = TestStack.unique("static");
        String app = "newsflow-enrich-" + run;
        NewsflowConfig config = config(stack.config(), dataDir, app);
        try (Stack resolved = Stack.resolve(config);
                SchemaRegistryClient registry = stack.registryClient();
                Admin admin = Admin.create(stack.kafkaClientProperties())) {
            Topics topics = new Topics(registry, stack.registryProperties());
            TopicSetup.prepare(resolved);
            publish(
                    stack,
                    topics,
                    run + "-before",
                    "Kenya court orders rerun of presidential election",
                    "Kenya's Supreme Court annulled the presidential election result on Friday, citing irregularities, "
                            + "and ordered a new vote within 60 days.");

            Path childLog = dataDir.resolve("child.log");
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Instance.class.getName(),
                            stack.bootstrapServers(),
                            stack.registryUrl(),
                            dataDir.toString(),
                            app)
                    .redirectErrorStream(true)
                    .redirectOutput(childLog.toFile())
                    .start();
            try {
                awaitOutput(stack, topics, run + "-before", child, childLog);
                String instanceId = Files.readString(dataDir.resolve("streams").resolve(app + ".instance-id"))
                        .trim();
                MemberDescription killed = single(members(admin, app));
                assertTrue(
                        killed.groupInstanceId().orElse("").startsWith(instanceId),
                        "the child is a static member: " + killed);

                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                assertEquals(
                        List.of(killed.consumerId()),
                        members(admin, app).stream()
                                .map(MemberDescription::consumerId)
                                .toList(),
                        "killed without leaving: it is still a member of the group, its session alive");

                publish(
                        stack,
                        topics,
                        run + "-while-down",
                        "Chile copper output falls as Escondida strike bites",
                        "Copper production in Chile, the world's biggest producer, fell sharply in March as a strike at the "
                                + "Escondida mine halted output for six weeks.");
                try (EnrichService replacement = EnrichService.start(resolved)) {
                    awaitOutput(stack, topics, run + "-while-down", null, null);
                    MemberDescription now = single(members(admin, app));
                    assertEquals(
                            killed.groupInstanceId(),
                            now.groupInstanceId(),
                            "the replacement is the same static member");
                    assertNotEquals(
                            killed.consumerId(),
                            now.consumerId(),
                            "and took the killed member's place (a new member id) instead of waiting out its session");
                    assertTrue(
                            !replacement
                                    .streams()
                                    .metadataForLocalThreads()
                                    .iterator()
                                    .next()
                                    .activeTasks()
                                    .isEmpty(),
                            "with the tasks");
                }
            } finally {
                child.destroyForcibly();
            }
        }
    }

    private static NewsflowConfig config(NewsflowConfig base, Path dataDir, String app) {
        return base.with(NewsflowConfig.DATA_DIR, dataDir.toString(), "test")
                .with(EnrichService.HTTP_PORT, "0", "test")
                .with(EnrichSettings.APPLICATION_ID, app, "test")
                .with(EnrichSettings.IDLE_FLUSH, "1s", "test")
                .with(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS, "test");
    }

    private static Collection<MemberDescription> members(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(group)
                .members();
    }

    private static MemberDescription single(Collection<MemberDescription> members) {
        assertEquals(1, members.size(), "one member (one stream thread): " + members);
        return members.iterator().next();
    }

    /** One brief dated now; the two of the test are different stories (a repeat would go to news.duplicates). */
    private static void publish(TestStack stack, Topics topics, String id, String headline, String summary)
            throws Exception {
        try (KafkaProducer<String, Brief> producer = new KafkaProducer<>(
                stack.kafkaClientProperties(),
                new StringSerializer(),
                topics.briefs.valueSerde().serializer())) {
            Instant now = Instant.now();
            Brief brief = Brief.newBuilder()
                    .setId(id)
                    .setHeadline(headline)
                    .setSummary(summary)
                    .setOrigin(Origin.newBuilder()
                            .setDumpId(id)
                            .setPosition(1)
                            .setCapturedAt(now)
                            .setParserVersion("1")
                            .build())
                    .build();
            producer.send(new ProducerRecord<>(Topics.BRIEFS_NAME, null, now.toEpochMilli(), id, brief))
                    .get();
        }
    }

    /** Waits until the item comes out on news.enriched.briefs (a bound on the wait, not on speed). */
    private static void awaitOutput(TestStack stack, Topics topics, String id, Process child, Path childLog)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline) {
            if (child != null && !child.isAlive()) {
                throw new AssertionError("the child instance ended: " + Files.readString(childLog));
            }
            for (ConsumerRecord<String, ?> r : TopicReader.readAll(
                    stack,
                    Topics.ENRICHED_BRIEFS_NAME,
                    new StringDeserializer(),
                    topics.enrichedBriefs.valueSerde().deserializer())) {
                if (id.equals(r.key())) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError(id + " was not enriched within 150 s");
    }

    /** The instance that gets killed: enrich-service in a JVM of its own. Args: bootstrap, registry URL, data dir, application id. */
    public static final class Instance {
        public static void main(String[] args) throws InterruptedException {
            NewsflowConfig config =
                    config(new TestStack(args[0], args[1], "given").config(), Path.of(args[2]), args[3]);
            EnrichService.start(Stack.resolve(config));
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
