package io.newsflow.platform.stack;

import io.newsflow.platform.config.NewsflowConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicRetentionTest {
    @Test
    void everyTopicGetsNoTimeRetentionAndTheConfiguredSizeBound() {
        Map<String, String> defaults = TopicRetention.topicConfigs(NewsflowConfig.defaults());
        assertEquals("-1", defaults.get("retention.ms"));
        assertEquals("delete", defaults.get("cleanup.policy"));
        assertEquals(String.valueOf(1L << 30), defaults.get("retention.bytes"));
        assertEquals("CreateTime", defaults.get("message.timestamp.type"));
        assertEquals(String.valueOf(Long.MAX_VALUE), defaults.get("message.timestamp.before.max.ms"));

        NewsflowConfig unbounded = NewsflowConfig.load(Map.of(), null, Map.of("NEWSFLOW_TOPICS_RETENTION_BYTES", "-1"));
        assertEquals("-1", TopicRetention.topicConfigs(unbounded).get("retention.bytes"));
    }

    @Test
    void onlyDifferingValuesAreChanged() {
        Map<String, String> wanted = Map.of("retention.ms", "-1", "retention.bytes", "100");
        assertEquals(
                Map.of("retention.ms", "-1"),
                TopicRetention.changes(
                        Map.of("retention.ms", "604800000", "retention.bytes", "100", "segment.bytes", "5"), wanted));
        assertEquals(Map.of(), TopicRetention.changes(Map.of("retention.ms", "-1", "retention.bytes", "100"), wanted));
    }

    @Test
    void aLowerBoundIsNotAppliedWhereItWouldDeleteRecordsAtOnce() {
        assertTrue(TopicRetention.boundWouldDelete("-1", "100", 101), "unbounded to a bound below the data");
        assertTrue(TopicRetention.boundWouldDelete("1000", "100", 500));
        assertFalse(TopicRetention.boundWouldDelete("-1", "100", 100), "the data fits");
        assertFalse(TopicRetention.boundWouldDelete("100", "1000", 5000), "raising a bound deletes nothing");
        assertFalse(TopicRetention.boundWouldDelete("100", "-1", 5000), "removing a bound deletes nothing");
    }
}
