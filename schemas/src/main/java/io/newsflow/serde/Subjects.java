package io.newsflow.serde;

/** Confluent's TopicNameStrategy, the default of every Confluent client. */
public final class Subjects {
    private Subjects() {}

    public static String topicName(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
