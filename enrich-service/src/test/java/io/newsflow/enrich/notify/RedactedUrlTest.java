package io.newsflow.enrich.notify;

import io.newsflow.platform.config.NewsflowConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RedactedUrlTest {
    private static final URI SLACK = URI.create("https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX");

    @Test
    void keepsOnlySchemeHostAndPort() {
        assertEquals("https://hooks.slack.com/…", RedactedUrl.of(SLACK));
        assertEquals(
                "http://127.0.0.1:8099/…",
                RedactedUrl.of(URI.create("http://user:pw@127.0.0.1:8099/hook?token=abc#x")));
    }

    @Test
    void scrubsTheUrlOutOfMessages() {
        assertEquals(
                "cannot reach https://hooks.slack.com/… now",
                RedactedUrl.scrub("cannot reach " + SLACK + " now", SLACK));
    }

    @Test
    void invalidUrlsAreReportedWithoutTheSecret() {
        NewsflowConfig config = NewsflowConfig.load(
                Map.of(WebhookSettings.URL, "https://hooks.slack.com/services/T000/B000/se cret"), null, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookSettings.from(config));
        assertFalse(e.getMessage().contains("se cret"), e.getMessage());
        IllegalArgumentException ftp = assertThrows(
                IllegalArgumentException.class,
                () -> WebhookSettings.from(config.with(WebhookSettings.URL, "ftp://host/secret", "test")));
        assertFalse(ftp.getMessage().contains("secret"), ftp.getMessage());
    }

    @Test
    void configShowsTheUrlMasked() {
        NewsflowConfig config =
                NewsflowConfig.load(Map.of(), null, Map.of("NEWSFLOW_NOTIFY_WEBHOOK_URL", SLACK.toString()));
        assertEquals(SLACK.toString(), config.require(WebhookSettings.URL));
        assertFalse(
                config.describe().toString().contains("secret"),
                config.describe().toString());
    }
}
