package io.newsflow.enrich;

import io.newsflow.platform.config.NewsflowConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnrichStreamsConfigTest {
    @TempDir
    Path stateDir;

    private StreamsConfig config(NewsflowConfig newsflow) {
        Properties props = EnrichTopology.streamsConfig(newsflow, EnrichSettings.from(newsflow), Map.of(), stateDir);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new StreamsConfig(props);
    }

    @Test
    void commitsOncePerSecondUnderExactlyOnce() {
        StreamsConfig config = config(NewsflowConfig.defaults());

        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals(1000L, config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    }

    @Test
    void aConfiguredCommitIntervalWins() {
        StreamsConfig config =
                config(NewsflowConfig.defaults().with(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "250", "test"));

        assertEquals(250L, config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    }

    @Test
    void storesAreTransactionalSoAKilledInstanceKeepsItsLocalState() {
        assertEquals(
                true, config(NewsflowConfig.defaults()).getBoolean(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG));
    }

    @Test
    void transactionalStoresCanBeTurnedOff() {
        StreamsConfig config = config(
                NewsflowConfig.defaults().with(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, "false", "test"));

        assertEquals(false, config.getBoolean(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG));
    }

    @Test
    void dedupShardsDefaultToThreeForEveryFourInputPartitionsRoundedUp() {
        EnrichSettings defaults = EnrichSettings.defaults();

        assertEquals(5, defaults.dedupShards(6));
        assertEquals(3, defaults.dedupShards(4));
        assertEquals(1, defaults.dedupShards(1));
        assertEquals(
                2,
                EnrichSettings.from(NewsflowConfig.defaults().with(EnrichSettings.DEDUP_SHARDS, "2", "test"))
                        .dedupShards(6),
                "a configured shard count wins");
    }
}
