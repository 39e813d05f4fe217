package io.newsflow.platform.testing;

import io.newsflow.devstack.kafka.EmbeddedKafka;
import io.newsflow.devstack.registry.EmbeddedSchemaRegistry;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives integration tests a real broker and Schema Registry, shared by every test of the JVM:
 * the apache/kafka and confluentinc/cp-schema-registry images through Testcontainers when a Docker
 * engine is available, else Newsflow's embedded KRaft broker and registry on free loopback ports.
 * Use with {@code @ExtendWith(KafkaStackExtension.class)} and a {@link TestStack} parameter; add
 * {@link OwnStack} to a class that needs a stack to itself.
 */
public final class KafkaStackExtension implements ParameterResolver {
    private static final String KAFKA_IMAGE = "apache/kafka:4.4.0";
    private static final String REGISTRY_IMAGE = "confluentinc/cp-schema-registry:7.9.1";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == TestStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> testClass = extension.getRequiredTestClass();
        boolean own = testClass.isAnnotationPresent(OwnStack.class);
        ExtensionContext scope = own ? classContext(extension) : extension.getRoot();
        // A class's store also answers with its parents' values: under one key, an @OwnStack class
        // run after any shared-stack class got the shared stack. Its own key keeps it apart.
        Object key = own ? testClass : Running.class;
        return scope.getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(key, k -> start(), Running.class)
                .stack;
    }

    private static ExtensionContext classContext(ExtensionContext extension) {
        ExtensionContext context = extension;
        while (context.getTestMethod().isPresent() && context.getParent().isPresent()) {
            context = context.getParent().get();
        }
        return context;
    }

    private static Running start() {
        return dockerAvailable() ? startContainers() : startEmbedded();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Running startContainers() {
        Network network = Network.newNetwork();
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withNetwork(network)
                .withNetworkAliases("kafka")
                .withListener("kafka:19092");
        kafka.start();
        GenericContainer<?> registry = new GenericContainer<>(REGISTRY_IMAGE)
                .withNetwork(network)
                .withExposedPorts(8081)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
        registry.start();
        TestStack stack = new TestStack(
                kafka.getBootstrapServers(),
                "http://" + registry.getHost() + ":" + registry.getMappedPort(8081),
                "testcontainers");
        return new Running(stack, () -> {
            registry.stop();
            kafka.stop();
            network.close();
        });
    }

    private static Running startEmbedded() {
        return startEmbedded(Map.of());
    }

    /**
     * An embedded stack of the caller's own, whose broker runs with {@code brokerOverrides} (e.g. a
     * retention check every few seconds); the caller closes it.
     */
    public static Running startEmbedded(Map<String, String> brokerOverrides) {
        try {
            Path dir = Files.createTempDirectory("newsflow-test-kafka");
            EmbeddedKafka kafka = EmbeddedKafka.start(dir, "127.0.0.1", freePort(), freePort(), brokerOverrides);
            EmbeddedSchemaRegistry registry =
                    EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", kafka.bootstrapServers()), "127.0.0.1", 0);
            TestStack stack = new TestStack(kafka.bootstrapServers(), registry.url(), "embedded");
            return new Running(stack, () -> {
                registry.close();
                kafka.close();
                deleteRecursively(dir);
            });
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded test stack", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Stopped by JUnit when the root context closes, i.e. after the last test of the JVM. */
    public record Running(TestStack stack, Stopper stopper)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            stopper.stop();
        }
    }

    @FunctionalInterface
    public interface Stopper {
        void stop() throws Exception;
    }
}
