package io.newsflow.enrich.notify;

import io.newsflow.platform.config.NewsflowConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSettingsTest {
    @Test
    void backoffDoublesUpToTheCap() {
        WebhookSettings settings = WebhookSettings.from(NewsflowConfig.load(Map.of(
                WebhookSettings.URL, "https://example.org/hook",
                WebhookSettings.INITIAL_BACKOFF, "500ms",
                WebhookSettings.MAX_BACKOFF, "3s"), null, Map.of()));
        assertEquals(5, settings.maxAttempts());
        assertEquals(Duration.ofMillis(500), settings.backoff(1));
        assertEquals(Duration.ofSeconds(1), settings.backoff(2));
        assertEquals(Duration.ofSeconds(2), settings.backoff(3));
        assertEquals(Duration.ofSeconds(3), settings.backoff(4));
        assertEquals(Duration.ofSeconds(3), settings.backoff(60));
    }

    @Test
    void retriesServerErrorsAndRateLimitsOnly() {
        assertTrue(WebhookNotifier.retriable(500));
        assertTrue(WebhookNotifier.retriable(503));
        assertTrue(WebhookNotifier.retriable(429));
        assertFalse(WebhookNotifier.retriable(400));
        assertFalse(WebhookNotifier.retriable(404));
        assertFalse(WebhookNotifier.retriable(302));
    }
}
