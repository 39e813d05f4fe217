package io.newsflow.cli;

import io.newsflow.platform.config.NewsflowConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchCommandTest {
    @Test
    void benchTakesTheCallersNewsflowSettingsButNotTheirDataDirNorTheirCluster() {
        NewsflowConfig defaults = NewsflowConfig.defaults();
        NewsflowConfig config = BenchCommand.newsflowSettings(Map.of(
                "NEWSFLOW_DEDUP_SHARDS", "1",
                "NEWSFLOW_DATA_DIR", "/srv/newsflow",
                "KAFKA_BOOTSTRAP_SERVERS", "prod:9092",
                "SCHEMA_REGISTRY_URL", "http://prod:8081"));

        assertEquals("1", config.require("newsflow.dedup.shards"));
        assertEquals(defaults.get(NewsflowConfig.DATA_DIR), config.get(NewsflowConfig.DATA_DIR));
        assertEquals(defaults.get(NewsflowConfig.BOOTSTRAP_SERVERS), config.get(NewsflowConfig.BOOTSTRAP_SERVERS));
        assertEquals(defaults.get(NewsflowConfig.REGISTRY_URL), config.get(NewsflowConfig.REGISTRY_URL));
    }
}
