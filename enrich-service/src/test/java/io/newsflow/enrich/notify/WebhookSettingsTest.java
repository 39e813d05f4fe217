package io.newsflow.enrich.notify;

import io.newsflow.platform.config.NewsflowConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSettingsTest {
    @Test
    void backoffDoublesUpToTheCap() {
        WebhookSettings settings = WebhookSettings.from(NewsflowConfig.load(
                Map.of(
                        WebhookSettings.URL, "https://example.org/hook",
                        WebhookSettings.INITIAL_BACKOFF, "500ms",
                        WebhookSettings.MAX_BACKOFF, "3s"),
                null,
                Map.of()));
        assertEquals(Duration.ofMillis(500), settings.backoff(1));
        assertEquals(Duration.ofSeconds(1), settings.backoff(2));
        assertEquals(Duration.ofSeconds(2), settings.backoff(3));
        assertEquals(Duration.ofSeconds(3), settings.backoff(4));
        assertEquals(Duration.ofSeconds(3), settings.backoff(60));
    }

    @Test
    void defaultsBackOffFromOneSecondToOneMinute() {
        WebhookSettings settings = WebhookSettings.from(
                NewsflowConfig.load(Map.of(WebhookSettings.URL, "https://example.org/hook"), null, Map.of()));
        assertEquals(Duration.ofSeconds(1), settings.backoff(1));
        assertEquals(Duration.ofSeconds(32), settings.backoff(6));
        assertEquals(Duration.ofSeconds(60), settings.backoff(7));
        assertEquals(Duration.ofSeconds(60), settings.backoff(10_000));
    }

    @Test
    void aLongerRetryAfterWinsUpToItsCap() {
        WebhookSettings settings = WebhookSettings.from(NewsflowConfig.load(
                Map.of(
                        WebhookSettings.URL, "https://example.org/hook",
                        WebhookSettings.INITIAL_BACKOFF, "500ms",
                        WebhookSettings.MAX_BACKOFF, "3s"),
                null,
                Map.of()));
        assertEquals(Duration.ofMillis(500), settings.retryWait(1, Optional.empty()));
        assertEquals(Duration.ofSeconds(120), settings.retryWait(1, Optional.of(Duration.ofSeconds(120))));
        assertEquals(Duration.ofSeconds(2), settings.retryWait(3, Optional.of(Duration.ofSeconds(1))));
        assertEquals(WebhookSettings.RETRY_AFTER_CAP, settings.retryWait(1, Optional.of(Duration.ofDays(1))));
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-12-03T17:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse(" 30 ", now));
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Thu, 03 Dec 2026 17:01:30 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now));
        assertEquals(Optional.empty(), RetryAfter.parse(null, now));
        assertEquals(Optional.empty(), RetryAfter.parse("-5", now));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", now));
    }

    @Test
    void retriesServerErrorsTimeoutsAndRateLimitsOnly() {
        assertTrue(WebhookClient.retriable(500));
        assertTrue(WebhookClient.retriable(503));
        assertTrue(WebhookClient.retriable(429));
        assertTrue(WebhookClient.retriable(408));
        assertFalse(WebhookClient.retriable(400));
        assertFalse(WebhookClient.retriable(404));
        assertFalse(WebhookClient.retriable(302));
    }
}
