package io.newsflow.enrich.notify;

import io.newsflow.platform.config.NewsflowConfig;

import java.net.URI;
import java.time.Duration;

/**
 * How the webhook notifier delivers: where, how often it tries and how long it waits. An attempt that
 * gets a 5xx, a 429 or an I/O error is retried after {@code initialBackoff}, doubling up to
 * {@code maxBackoff}, until {@code maxAttempts} attempts were made.
 */
public record WebhookSettings(URI url, String groupId, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                              Duration requestTimeout) {
    public static final String URL = "newsflow.notify.webhook.url";
    public static final String GROUP_ID = "newsflow.notify.group.id";
    public static final String MAX_ATTEMPTS = "newsflow.notify.webhook.max.attempts";
    public static final String INITIAL_BACKOFF = "newsflow.notify.webhook.backoff.initial";
    public static final String MAX_BACKOFF = "newsflow.notify.webhook.backoff.max";
    public static final String REQUEST_TIMEOUT = "newsflow.notify.webhook.timeout";

    public WebhookSettings {
        if (url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null) {
            throw new IllegalArgumentException("Webhook URL " + RedactedUrl.of(url) + " is not an http(s) URL with a host");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(MAX_ATTEMPTS + " must be at least 1");
        }
    }

    public static WebhookSettings from(NewsflowConfig config) {
        String url = config.get(URL).orElseThrow(() -> new IllegalArgumentException(
                "No webhook URL: give --webhook-url, " + URL + " or NEWSFLOW_NOTIFY_WEBHOOK_URL"));
        return new WebhookSettings(parse(url),
                config.get(GROUP_ID).orElse("newsflow-notify"),
                config.get(MAX_ATTEMPTS).isPresent() ? config.intValue(MAX_ATTEMPTS) : 5,
                config.duration(INITIAL_BACKOFF, Duration.ofMillis(500)),
                config.duration(MAX_BACKOFF, Duration.ofSeconds(30)),
                config.duration(REQUEST_TIMEOUT, Duration.ofSeconds(10)));
    }

    /** URI.create's message quotes the whole URL, secret included; say only which setting is wrong. */
    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(URL + " is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} (from 1) failed. */
    public Duration backoff(int attempt) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 30));
        return wait.compareTo(maxBackoff) > 0 || wait.isNegative() ? maxBackoff : wait;
    }
}
