package io.newsflow.platform.stack;

import io.newsflow.platform.config.NewsflowConfig;

import java.util.List;

/**
 * Starts the embedded KRaft broker and Schema Registry for {@link Stack#startEmbedded}. The one
 * implementation lives in the dev-stack module (registered in its {@code META-INF/services}), so
 * platform, and a service built on it, carries no broker: only the app and tests put it on the
 * class path.
 */
public interface EmbeddedServers {

    /**
     * Starts the broker when {@code startKafka}, and the registry unless the configuration names one.
     * On failure, stops what it started before throwing.
     */
    Started start(NewsflowConfig config, boolean startKafka);

    /** The configuration with the started servers' addresses filled in, and the servers, in the order to stop them. */
    record Started(NewsflowConfig config, List<AutoCloseable> servers) {}
}
