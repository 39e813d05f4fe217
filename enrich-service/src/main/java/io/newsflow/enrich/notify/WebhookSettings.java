package io.newsflow.enrich.notify;

import io.newsflow.platform.config.NewsflowConfig;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How the webhook notifier delivers: where, and how long it waits between attempts. An attempt that
 * gets a 5xx, 408, 429 or an I/O error is retried for as long as the outage lasts, after
 * {@code initialBackoff}, doubling up to {@code maxBackoff}, or after the server's Retry-After when
 * that is longer (at most {@link #RETRY_AFTER_CAP}).
 */
public record WebhookSettings(
        URI url, String groupId, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {
    public static final String URL = "newsflow.notify.webhook.url";
    public static final String GROUP_ID = "newsflow.notify.group.id";
    public static final String INITIAL_BACKOFF = "newsflow.notify.webhook.backoff.initial";
    public static final String MAX_BACKOFF = "newsflow.notify.webhook.backoff.max";
    public static final String REQUEST_TIMEOUT = "newsflow.notify.webhook.timeout";
    /** A Retry-After of a day (a typo or a hostile server) must not park the alerts that long. */
    public static final Duration RETRY_AFTER_CAP = Duration.ofMinutes(15);

    public WebhookSettings {
        if (url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null) {
            throw new IllegalArgumentException(
                    "Webhook URL " + RedactedUrl.of(url) + " is not an http(s) URL with a host");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(INITIAL_BACKOFF + " must be positive and at most " + MAX_BACKOFF);
        }
    }

    public static WebhookSettings from(NewsflowConfig config) {
        String url = config.get(URL)
                .orElseThrow(() -> new IllegalArgumentException(
                        "No webhook URL: give --webhook-url, " + URL + " or NEWSFLOW_NOTIFY_WEBHOOK_URL"));
        return new WebhookSettings(
                parse(url),
                config.get(GROUP_ID).orElse("newsflow-notify"),
                config.duration(INITIAL_BACKOFF, Duration.ofSeconds(1)),
                config.duration(MAX_BACKOFF, Duration.ofSeconds(60)),
                config.duration(REQUEST_TIMEOUT, Duration.ofSeconds(10)));
    }

    /** URI.create's message quotes the whole URL, secret included; say only which setting is wrong. */
    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(
                    URL + " is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} (from 1) failed. */
    public Duration backoff(int attempt) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 30));
        return wait.compareTo(maxBackoff) > 0 || wait.isNegative() ? maxBackoff : wait;
    }

    /** The backoff, or the server's Retry-After when longer (capped). */
    public Duration retryWait(int attempt, Optional<Duration> retryAfter) {
        Duration wait = backoff(attempt);
        Duration asked = retryAfter
                .map(d -> d.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : d)
                .orElse(Duration.ZERO);
        return asked.compareTo(wait) > 0 ? asked : wait;
    }
}
