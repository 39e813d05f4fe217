package io.newsflow.platform.logging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyValueLineTest {

    @Test
    void plainValuesStayBareAndNullsAreLeftOut() {
        assertEquals(
                "dump id=ab12 articles=1 outcome=ingested",
                KeyValueLine.of("dump")
                        .add("id", "ab12")
                        .add("articles", 1)
                        .add("reason", null)
                        .add("outcome", "ingested")
                        .toString());
    }

    @Test
    void valuesWithSpacesQuotesOrLineBreaksAreQuotedAndEscaped() {
        assertEquals(
                "dump reason=\"line 3: invalid JSON: \\\"x\\\"\\nnext\" empty=\"\" eq=\"a=b\"",
                KeyValueLine.of("dump")
                        .add("reason", "line 3: invalid JSON: \"x\"\nnext")
                        .add("empty", "")
                        .add("eq", "a=b")
                        .toString());
    }
}
