/**
 * {@code ./newsflow replay}: a time range of a topic copied into another, exactly once and resumable
 * ({@link io.newsflow.platform.replay.TopicReplay}).
 */
package io.newsflow.platform.replay;
