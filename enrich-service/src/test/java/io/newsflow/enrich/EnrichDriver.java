package io.newsflow.enrich;

import io.newsflow.enrich.dedup.UpstreamProgress;
import io.newsflow.enrich.errors.DeadLetterExceptionHandler;
import io.newsflow.enrich.tagging.Tagger;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.testing.InMemorySchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The enrich topology on a TopologyTestDriver, built by the same methods the service uses, with the
 * default settings and an in-memory registry; what the topology tests share.
 */
record EnrichDriver(TopologyTestDriver driver, Topics topics) implements AutoCloseable {

    static EnrichDriver start(Path stateDir, Tagger tagger) {
        EnrichSettings settings = EnrichSettings.defaults();
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        Map<String, Object> registryProps = Map.of(NewsflowConfig.REGISTRY_URL, "http://unused.invalid");
        Topics topics = new Topics(registry, registryProps);
        Properties props = EnrichTopology.streamsConfig(NewsflowConfig.defaults(), settings, registryProps, stateDir);
        props.put("bootstrap.servers", "unused:9092");
        props.put(DeadLetterExceptionHandler.REGISTRY_CLIENT, registry);
        return new EnrichDriver(new TopologyTestDriver(
                EnrichTopology.buildTopology(settings, topics, tagger, UpstreamProgress.synchronous(1)), props), topics);
    }

    @Override
    public void close() {
        driver.close();
    }
}
