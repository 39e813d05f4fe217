package io.newsflow.enrich.tagging;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeywordExtractorTest {

    private final KeywordExtractor extractor = new KeywordExtractor(Fixtures.GAZETTEER, 12);

    private List<String> keywords(String headline, String... paragraphs) {
        return extractor.extract(new ItemText(headline, List.of(paragraphs)));
    }

    @Test
    void extractsMultiWordProperNouns() {
        List<String> k = keywords(
                "ZSE indices up",
                "The Zagreb Stock Exchange (ZSE) rose on Friday, with Erste Bank and Pilsner Urquell in focus.");
        assertTrue(
                k.containsAll(List.of("Zagreb Stock Exchange", "ZSE", "Erste Bank", "Pilsner Urquell")), k.toString());
    }

    @Test
    void skipsSentenceStartsDaysMonthsTitlesAndPlaces() {
        List<String> k = keywords(
                null,
                "Banks said on Monday that Prime Minister Andrej Plenkovic would meet in March. "
                        + "Croatia and Serbia agreed. Meanwhile Mr. Smith left.");
        assertEquals(List.of("Andrej Plenkovic", "Smith"), k);
    }

    @Test
    void keepsSentenceInitialNameSeenElsewhere() {
        List<String> k =
                keywords("Dalic: We welcome a deal", "Deputy Prime Minister Martina Dalic spoke. Dalic smiled.");
        assertTrue(k.contains("Dalic") && k.contains("Martina Dalic"), k.toString());
        assertFalse(k.contains("We"), k.toString());
    }

    @Test
    void stripsPossessivesAndKeepsParticleNames() {
        List<String> k = keywords(null, "Talks on Agrokor's debt went on, and Bashar al-Assad stayed silent.");
        assertTrue(k.contains("Agrokor") && k.contains("Bashar al-Assad"), k.toString());
    }

    @Test
    void ranksRepeatedAndHeadlineNamesFirst() {
        List<String> k = keywords("Asahi buys brewer", "The deal by Asahi includes Pilsner Urquell. Asahi said so.");
        assertEquals("Asahi", k.get(0));
    }
}
