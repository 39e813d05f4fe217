package io.newsflow.cli;

import io.newsflow.enrich.notify.WebhookNotifier;
import io.newsflow.enrich.notify.WebhookSettings;
import io.newsflow.platform.cli.ClusterOptions;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.stack.Stack;
import io.newsflow.platform.stack.TopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Posts burst alerts to a webhook until stopped. */
@Command(name = "notify", mixinStandardHelpOptions = true,
        description = "POST every burst alert of news.alerts.bursts to a webhook as JSON (Slack-compatible \"text\"), "
                + "at least once, until Ctrl-C; alerts the webhook rejects go to news.dlq.")
public final class NotifyCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--webhook-url", paramLabel = "URL",
            description = "Where to POST (newsflow.notify.webhook.url, env NEWSFLOW_NOTIFY_WEBHOOK_URL). "
                    + "Prefer the environment or config file: a flag shows in the process list.")
    String webhookUrl;

    @Override
    public Integer call() throws InterruptedException {
        NewsflowConfig config = cluster.config();
        if (webhookUrl != null) {
            config = config.with(WebhookSettings.URL, webhookUrl, "flag");
        }
        WebhookSettings settings = WebhookSettings.from(config);
        Stack stack = Stack.resolve(config);
        TopicSetup.prepare(stack);
        WebhookNotifier notifier = WebhookNotifier.start(stack, settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("Stopping Newsflow...");
            notifier.close();
            stack.close();
        }, "newsflow-shutdown"));
        System.out.println("notify: posting burst alerts to " + notifier.destination() + " from " + stack.description()
                + "; Ctrl-C to stop");
        return notifier.awaitStopped() ? 0 : 1;
    }
}
