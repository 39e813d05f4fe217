package io.newsflow.enrich.tagging;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaggerTest {

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        List<LabelledSetTest.Item> items = LabelledSetTest.load();
        List<Tagger.Result> sequential = new ArrayList<>();
        for (LabelledSetTest.Item i : items) {
            sequential.add(Fixtures.TAGGER.tag(i.headline(), i.paragraphs()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Tagger.Result>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<Tagger.Result> out = new ArrayList<>();
                    for (LabelledSetTest.Item i : items) {
                        out.add(Fixtures.TAGGER.tag(i.headline(), i.paragraphs()));
                    }
                    return out;
                }));
            }
            for (Future<List<Tagger.Result>> f : futures) {
                assertEquals(sequential, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void handlesEmptyAndNullInput() {
        Tagger.Result r = Fixtures.TAGGER.tag(null, List.of());
        assertTrue(r.regions().isEmpty() && r.topics().isEmpty() && r.keywords().isEmpty());
        assertTrue(r.rulesVersion().startsWith("tagging-"));
    }

    /** A topology is built with the version before the tagger is (PendingTagger): both must agree. */
    @Test
    void itsRulesVersionIsKnownBeforeItIsBuilt() {
        assertEquals(Fixtures.TAGGER.rulesVersion(), Tagger.versionOf(Fixtures.TOPICS));
        assertEquals(
                Fixtures.TAGGER.rulesVersion(),
                PendingTagger.build(Fixtures.TOPICS).rulesVersion());
        TopicRules other = new TopicRules("""
                topics:
                  - slug: other
                    label: Other
                    aliases: [Other]
                """.getBytes(StandardCharsets.UTF_8));
        assertNotEquals(Tagger.versionOf(Fixtures.TOPICS), Tagger.versionOf(other));
    }
}
