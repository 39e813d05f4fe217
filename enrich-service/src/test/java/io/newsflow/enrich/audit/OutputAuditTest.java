package io.newsflow.enrich.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutputAuditTest {
    @Test
    void countsEveryOccurrenceOnceAcrossEnrichedAndDuplicates() {
        OutputAudit audit = new OutputAudit();
        List.of("a", "a", "b", "c").forEach(audit::input);
        audit.enriched("a");
        audit.duplicate("a", "a", "EXACT");
        audit.enriched("b");
        assertEquals(1, audit.lost(), "c has no output");
        assertEquals(0, audit.doubled());
        audit.enriched("b");
        audit.duplicate("x", "b", "NEAR");
        assertEquals(2, audit.doubled(), "b twice for one input; x never ingested");
        assertEquals("inputs 4, enriched 3, duplicates 2, lost 1, doubled 2", audit.summary());
        assertEquals(
                List.of(
                        "a\tduplicate of a\tEXACT",
                        "a\toriginal",
                        "b\toriginal",
                        "b\toriginal",
                        "x\tduplicate of b\tNEAR"),
                audit.verdicts());
    }
}
