package io.newsflow.platform.stack;

import io.newsflow.platform.config.NewsflowConfig;
import org.apache.kafka.common.config.TopicConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The retention model of every topic Newsflow creates (docs/operations.md, "Retention"). Record timestamps are
 * event time (publication or capture time), which may be years old, and Kafka's time retention
 * deletes a segment once its newest timestamp is older than {@code retention.ms}: so no time
 * retention at all, and a size bound per partition ({@value NewsflowConfig#RETENTION_BYTES}) that
 * drops the oldest appended records first. Set explicitly on each topic, so a broker's defaults
 * (7 days on any stock Kafka) never apply.
 */
public final class TopicRetention {
    private TopicRetention() {}

    /** The configs set on every news.* topic, from the configured size bound. */
    public static Map<String, String> topicConfigs(NewsflowConfig config) {
        Map<String, String> configs = new LinkedHashMap<>();
        // Compaction would fold the repeats of a brief (same id) into one: every record must stay.
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        configs.put(
                TopicConfig.RETENTION_BYTES_CONFIG, String.valueOf(config.longValue(NewsflowConfig.RETENTION_BYTES)));
        // Subscribers, replay and windowing read event time from the record timestamp.
        configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime");
        // Kafka's default already accepts any past time; a stricter broker default would reject archives.
        configs.put(TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG, String.valueOf(Long.MAX_VALUE));
        return configs;
    }

    /** The entries of {@code wanted} whose value differs from {@code current} (a topic's effective configs). */
    static Map<String, String> changes(Map<String, String> current, Map<String, String> wanted) {
        Map<String, String> changes = new LinkedHashMap<>();
        wanted.forEach((key, value) -> {
            if (!value.equals(current.get(key))) {
                changes.put(key, value);
            }
        });
        return changes;
    }

    /**
     * Whether setting {@code retention.bytes} to {@code wanted} would delete records now: the bound is
     * lower than before and a partition already holds more than it.
     */
    static boolean boundWouldDelete(String current, String wanted, long largestPartitionBytes) {
        long now = current == null ? -1 : Long.parseLong(current);
        long next = Long.parseLong(wanted);
        boolean lower = next >= 0 && (now < 0 || next < now);
        return lower && largestPartitionBytes > next;
    }
}
