package io.newsflow.enrich.notify;

import io.newsflow.avro.BurstAlert;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** One POST of one alert to the webhook, and what its answer means: delivered, worth retrying, or rejected for good. */
final class WebhookClient {
    private final WebhookSettings settings;
    private final String redactedUrl;
    private final HttpClient http;

    WebhookClient(WebhookSettings settings) {
        this.settings = settings;
        this.redactedUrl = RedactedUrl.of(settings.url());
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .build();
    }

    enum Result {
        DELIVERED,
        RETRY,
        REJECTED
    }

    /** {@code problem} says why not delivered (URL redacted); {@code retryAfter} is the server's Retry-After, if any. */
    record Outcome(Result result, String problem, Optional<Duration> retryAfter) {}

    CompletableFuture<Outcome> postAsync(BurstAlert alert) {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(WebhookPayload.json(alert)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                String problem = cause.getClass().getSimpleName()
                        + (cause.getMessage() == null
                                ? ""
                                : " (" + RedactedUrl.scrub(cause.getMessage(), settings.url()) + ")")
                        + " posting to " + redactedUrl;
                // I/O trouble (refused, reset, timed out) may pass; anything else is a bug of ours, not the webhook's.
                return new Outcome(
                        cause instanceof IOException ? Result.RETRY : Result.REJECTED, problem, Optional.empty());
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(Result.DELIVERED, null, Optional.empty());
            }
            return new Outcome(
                    retriable(status) ? Result.RETRY : Result.REJECTED,
                    "HTTP " + status + " from " + redactedUrl,
                    RetryAfter.parse(
                            response.headers().firstValue("Retry-After").orElse(null), Instant.now()));
        });
    }

    Outcome post(BurstAlert alert) throws InterruptedException {
        try {
            return postAsync(alert).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // postAsync handles every failure into an Outcome
        }
    }

    /**
     * Server trouble, timeouts and rate limits pass; any other 4xx (400 bad payload, 404 revoked hook, ...)
     * will not, nor will a redirect (not followed: the URL is wrong).
     */
    static boolean retriable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }
}
