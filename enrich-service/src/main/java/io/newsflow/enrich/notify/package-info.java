/**
 * Burst alerts to a webhook ({@code ./newsflow notify}): {@link io.newsflow.enrich.notify.WebhookNotifier}
 * POSTs every alert of news.alerts.bursts at least once, retrying outages with backoff, and
 * dead-letters what the webhook rejects for good; {@link io.newsflow.enrich.notify.DeadLetterResender}
 * sends those again on request. Webhook URLs are logged redacted only.
 */
package io.newsflow.enrich.notify;
