package io.newsflow.enrich.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.AlertSample;
import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.TermKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookPayloadTest {

    /** Slack reads <!channel>, <@U123> and <url|label> in text as commands and links; a headline must not page a channel. */
    @Test
    void slackControlSequencesInHeadlinesAreEscapedInTextButTheAlertFieldsStayAsTheyAre() throws Exception {
        String headline = "<!channel> Markets fall & <https://evil.example|click here> <@U123>";
        BurstAlert alert = BurstAlert.newBuilder()
                .setKeyword("<!here>")
                .setKind(TermKind.KEYWORD)
                .setWindowStart(Instant.parse("2017-04-07T10:00:00Z"))
                .setWindowEnd(Instant.parse("2017-04-07T11:00:00Z"))
                .setCount(6)
                .setBaselineMean(0.4)
                .setBaselineStddev(0.5)
                .setScore(8.1)
                .setSamples(List.of(new AlertSample("a", headline)))
                .build();
        var body = new ObjectMapper().readTree(WebhookPayload.json(alert));
        String text = body.path("text").asText();
        assertFalse(text.contains("<") || text.contains(">"), text);
        assertTrue(text.contains("&lt;!channel&gt; Markets fall &amp; &lt;https://evil.example|click here&gt;"), text);
        assertTrue(text.startsWith("Burst: \"&lt;!here&gt;\""), text);
        assertEquals(
                headline,
                body.path("alert").path("samples").get(0).path("headline").asText());
    }
}
