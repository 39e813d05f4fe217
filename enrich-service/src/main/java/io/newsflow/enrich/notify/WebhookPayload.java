package io.newsflow.enrich.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.avro.AlertSample;
import io.newsflow.avro.BurstAlert;
import io.newsflow.platform.alerts.AlertText;

/**
 * The JSON body POSTed for an alert: {@code text} is the readable line (what Slack and compatible
 * incoming webhooks show), escaped as Slack asks, {@code alert} the alert's fields as they are, for
 * receivers that want them.
 */
final class WebhookPayload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayload() {}

    public static String json(BurstAlert alert) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", slackEscaped(AlertText.line(alert)));
        ObjectNode fields = body.putObject("alert");
        fields.put("keyword", alert.getKeyword());
        fields.put("kind", alert.getKind().name());
        fields.put("windowStart", alert.getWindowStart().toString());
        fields.put("windowEnd", alert.getWindowEnd().toString());
        fields.put("count", alert.getCount());
        fields.put("baselineMean", alert.getBaselineMean());
        fields.put("baselineStddev", alert.getBaselineStddev());
        fields.put("score", alert.getScore());
        if (alert.getDetectedAt() != null) {
            fields.put("detectedAt", alert.getDetectedAt().toString());
        }
        ArrayNode samples = fields.putArray("samples");
        for (AlertSample sample : alert.getSamples()) {
            samples.addObject().put("itemId", sample.getItemId()).put("headline", sample.getHeadline());
        }
        return body.toString();
    }

    /**
     * Slack's escaping of message text: it reads {@code <!channel>}, {@code <@U123>} and
     * {@code <url|label>} as commands and links, so a headline could page a whole channel.
     */
    static String slackEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
