package io.newsflow.enrich.notify;

import java.net.URI;

/**
 * A webhook URL as it may appear in logs and dead letters: {@code scheme://host[:port]/…}. Webhook
 * URLs carry their secret in the path (Slack's {@code /services/T…/B…/token}), the query or the
 * userinfo, so everything but scheme, host and port is left out.
 */
public final class RedactedUrl {
    private RedactedUrl() {}

    public static String of(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            return "<webhook URL without scheme or host>";
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort()) + "/…";
    }

    /** {@code text} with every occurrence of the full URL replaced by its redacted form (for exception messages). */
    public static String scrub(String text, URI url) {
        return text == null ? null : text.replace(url.toString(), of(url));
    }
}
