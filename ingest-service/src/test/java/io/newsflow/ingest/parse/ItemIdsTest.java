package io.newsflow.ingest.parse;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemIdsTest {

    @Test
    void followsTheDocumentedConstruction() throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-256")
                .digest("article\nTitle\nOne.\n\nTwo.".getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(sha, 0, 16), ItemIds.article("Title", List.of("One.", "Two.")));
        byte[] brief = MessageDigest.getInstance("SHA-256").digest("brief\nHead\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(brief, 0, 16), ItemIds.brief("Head", null));
    }

    @Test
    void stableUnderWhitespaceAndNfcDifferencesButNotCase() {
        String id = ItemIds.brief("Caf\u00E9 owners pleased", "They said so.");
        assertEquals(id, ItemIds.brief("  Cafe\u0301\towners\u00A0 pleased ", "They   said so. "));
        assertNotEquals(id, ItemIds.brief("café owners pleased", "They said so."));
        assertNotEquals(id, ItemIds.brief("Caf\u00E9 owners pleased", null));
        assertNotEquals(ItemIds.article(null, List.of("x")), ItemIds.brief("", "x"));
    }

    @Test
    void sameDumpFromCrlfTabsAndExtraBlankLinesGivesSameIds() {
        String sample = Samples.aleppo();
        String mangled = "\uFEFF"
                + sample.replace("\n\n", "\r\n\r\n\r\n").replace(" ", " \t ").replace("Aleppo ", "Aleppo\u00A0 ")
                + "\n\n\t\n";
        ParsedDump a = Samples.parsed(sample);
        ParsedDump b = Samples.parsed(mangled);
        assertEquals(a.dumpId(), b.dumpId());
        Article articleA = DumpEvents.article(a).orElseThrow();
        Article articleB = DumpEvents.article(b).orElseThrow();
        assertEquals(articleA.getId(), articleB.getId());
        assertEquals(
                DumpEvents.briefs(a).stream().map(Brief::getId).toList(),
                DumpEvents.briefs(b).stream().map(Brief::getId).toList());
        assertEquals(
                articleA.getId(),
                DumpEvents.article(Samples.parsed(sample)).orElseThrow().getId());
    }

    @Test
    void theSameBriefInDifferentDumpsKeepsItsId() {
        ParsedDump one =
                Samples.parsed("Source: A\nCaptured: 2017-04-07T10:00:00Z\n\nArticle one.\n\nLatest news\n\nH\n\nS.\n");
        ParsedDump two = Samples.parsed("URL: https://b.example/x\n\nArticle two.\n\nMost read\n\nH\nS.\n");
        Brief b1 = DumpEvents.briefs(one).get(0);
        Brief b2 = DumpEvents.briefs(two).get(0);
        assertEquals(b1.getId(), b2.getId());
        assertNotEquals(b1.getOrigin().getDumpId(), b2.getOrigin().getDumpId());
        assertTrue(b1.getId().matches("[0-9a-f]{32}"));
    }
}
