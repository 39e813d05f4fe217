package io.newsflow.enrich;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.enrich.dedup.UpstreamProgress;
import io.newsflow.enrich.errors.DeadLetterCounts;
import io.newsflow.enrich.errors.DeadLetterExceptionHandler;
import io.newsflow.enrich.metrics.StreamsSensors;
import io.newsflow.enrich.reprocess.ReprocessPoint;
import io.newsflow.enrich.tagging.PendingTagger;
import io.newsflow.enrich.tagging.Tagger;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.metrics.ServiceMetrics;
import io.newsflow.platform.testing.InMemorySchemaRegistryClient;
import io.newsflow.schemas.Topics;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The enrich topology on a TopologyTestDriver, built by the same methods the service uses, with the
 * default settings and an in-memory registry; what the topology tests share.
 */
public record EnrichDriver(TopologyTestDriver driver, Topics topics, ServiceMetrics own) implements AutoCloseable {

    public static EnrichDriver start(Path stateDir, Tagger tagger) {
        return start(stateDir, tagger, EnrichSettings.defaults());
    }

    static EnrichDriver start(Path stateDir, Tagger tagger, EnrichSettings settings) {
        return start(stateDir, tagger, settings, UpstreamProgress.synchronous(1));
    }

    static EnrichDriver start(Path stateDir, Tagger tagger, EnrichSettings settings, UpstreamProgress upstream) {
        return start(stateDir, tagger, settings, upstream, ReprocessPoint.NONE);
    }

    static EnrichDriver start(
            Path stateDir,
            Tagger tagger,
            EnrichSettings settings,
            UpstreamProgress upstream,
            ReprocessPoint reprocess) {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        Map<String, Object> registryProps = Map.of(NewsflowConfig.REGISTRY_URL, "http://unused.invalid");
        Topics topics = new Topics(registry, registryProps);
        Properties props = EnrichTopology.streamsConfig(NewsflowConfig.defaults(), settings, registryProps, stateDir);
        props.put("bootstrap.servers", "unused:9092");
        props.put(DeadLetterExceptionHandler.REGISTRY_CLIENT, registry);
        ServiceMetrics own = new ServiceMetrics(StreamsSensors.SERVICE);
        props.put(DeadLetterExceptionHandler.COUNTS, new DeadLetterCounts(own));
        return new EnrichDriver(
                new TopologyTestDriver(
                        EnrichTopology.buildTopology(settings, topics, PendingTagger.of(tagger), upstream, reprocess),
                        props),
                topics,
                own);
    }

    /** One of our metrics in Streams' registry (newsflow_enrich_&lt;name&gt;), summed over its tags. */
    public double streamsMetric(String name) {
        return sum(driver.metrics(), ServiceMetrics.group(StreamsSensors.SERVICE), name);
    }

    /** Dead letters of one kind, as /metrics would show them. */
    double deadLetters(String kind) {
        return own.metrics().entrySet().stream()
                .filter(e -> kind.equals(e.getKey().tags().get("kind")))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    private static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        return metrics.entrySet().stream()
                .filter(e ->
                        e.getKey().group().equals(group) && e.getKey().name().equals(name))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    TestInputTopic<String, Article> articlesInput() {
        return driver.createInputTopic(
                Topics.ARTICLES_NAME,
                new StringSerializer(),
                topics.articles.valueSerde().serializer());
    }

    public TestInputTopic<String, Brief> briefsInput() {
        return driver.createInputTopic(
                Topics.BRIEFS_NAME,
                new StringSerializer(),
                topics.briefs.valueSerde().serializer());
    }

    <V> TestOutputTopic<String, V> output(String topic, Deserializer<V> values) {
        return driver.createOutputTopic(topic, new StringDeserializer(), values);
    }

    @Override
    public void close() {
        driver.close();
        own.close();
    }
}
