package io.newsflow.cli;

import io.newsflow.enrich.notify.DeadLetterResender;
import io.newsflow.enrich.notify.RedactedUrl;
import io.newsflow.enrich.notify.WebhookNotifier;
import io.newsflow.enrich.notify.WebhookSettings;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.concurrent.Callable;

/** Posts burst alerts to a webhook until stopped, or resends the dead-lettered ones once. */
@Command(
        name = "notify",
        mixinStandardHelpOptions = true,
        description = "POST every burst alert of news.alerts.bursts to a webhook as JSON (Slack-compatible \"text\"), "
                + "at least once, until Ctrl-C; failures that may pass are retried for as long as they last, alerts "
                + "the webhook rejects go to news.dlq. With --resend-dead-letters: POST those dead-lettered alerts "
                + "once and exit.")
public final class NotifyCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(
            names = "--webhook-url",
            paramLabel = "URL",
            description = "Where to POST (newsflow.notify.webhook.url, env NEWSFLOW_NOTIFY_WEBHOOK_URL). "
                    + "Prefer the environment or config file: a flag shows in the process list.")
    String webhookUrl;

    @Option(
            names = "--resend-dead-letters",
            description =
                    "Resend the alerts dead-lettered by notify (news.dlq, stage notify.webhook), report each, exit: "
                            + "0 when all were accepted, 1 otherwise. Not remembered: a second run sends them again.")
    boolean resend;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            description = "With --resend-dead-letters: only dead letters written at or after TIME (ISO-8601, "
                    + "e.g. 2026-12-03T09:00:00Z); default all.")
    Instant from;

    @Override
    public Integer call() throws InterruptedException {
        NewsflowConfig config = cluster.config();
        if (webhookUrl != null) {
            config = config.with(WebhookSettings.URL, webhookUrl, "flag");
        }
        if (from != null && !resend) {
            throw new IllegalArgumentException("--from goes with --resend-dead-letters");
        }
        WebhookSettings settings = WebhookSettings.from(config);
        Stack stack = Stack.resolve(config);
        TopicSetup.prepare(stack);
        if (resend) {
            try (stack) {
                DeadLetterResender.Report report =
                        DeadLetterResender.resend(stack, settings, from == null ? Instant.EPOCH : from, System.out);
                System.out.println("notify: resent " + report.resent() + " dead-lettered alert(s) to "
                        + RedactedUrl.of(settings.url()) + ", "
                        + report.failed().size() + " not resent");
                return report.failed().isEmpty() ? 0 : 1;
            }
        }
        WebhookNotifier notifier = WebhookNotifier.start(stack, settings);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.err.println("Stopping Newsflow...");
                            notifier.close();
                            stack.close();
                        },
                        "newsflow-shutdown"));
        System.out.println("notify: posting burst alerts to " + notifier.destination() + " from " + stack.description()
                + "; Ctrl-C to stop");
        return notifier.awaitStopped() ? 0 : 1;
    }
}
