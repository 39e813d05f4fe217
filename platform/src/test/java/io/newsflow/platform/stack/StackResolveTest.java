package io.newsflow.platform.stack;

import io.newsflow.platform.config.NewsflowConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackResolveTest {
    @Test
    void aGivenClusterWithoutARegistryIsRefusedRatherThanGivenAnEmbeddedOne() {
        // Port 1 answers nothing: before the fix this started an embedded registry writing that cluster's _schemas.
        NewsflowConfig config = NewsflowConfig.load(
                Map.of(NewsflowConfig.BOOTSTRAP_SERVERS, "127.0.0.1:1", NewsflowConfig.REGISTRY_PORT, "0"),
                null,
                Map.of());
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> Stack.resolve(config).close());
        assertTrue(refused.getMessage().contains("--schema-registry-url"), refused.getMessage());
        assertTrue(
                refused.getMessage().contains(NewsflowConfig.EMBEDDED_REGISTRY_ON_GIVEN_CLUSTER), refused.getMessage());
    }
}
