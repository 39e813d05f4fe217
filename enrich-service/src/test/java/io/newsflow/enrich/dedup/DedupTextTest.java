package io.newsflow.enrich.dedup;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DedupTextTest {

    private final DedupText normalizer = new DedupText();

    @Test
    void caseFoldsAndDropsPunctuationAndWhitespace() {
        assertEquals(
                "zse indices up agrokor shares in focus",
                normalizer.normalize("  ZSE indices up,\tAgrokor shares   in focus!\r\n"));
    }

    @Test
    void stripsWirePrefixesFromHeadlines() {
        for (String prefix : List.of(
                "UPDATE 1-",
                "UPDATE 2 - ",
                "REFILE-",
                "CORRECTED-",
                "EXCLUSIVE-",
                "REFILE-UPDATE 3-",
                "RPT-",
                "BREAKING: ")) {
            assertEquals(
                    "croatia china sign action plan",
                    normalizer
                            .normalize(prefix + "Croatia, China sign action plan", "")
                            .text(),
                    prefix);
        }
    }

    @Test
    void keepsAWordThatMerelyStartsLikeAPrefix() {
        assertEquals("updates to the budget", normalizer.normalize("Updates to the budget"));
    }

    @Test
    void stripsDatelinesAndCreditLines() {
        String lead = "Agrokor reached an agreement with its creditors.";
        for (String dateline : List.of(
                "ZAGREB, March 3 (Reuters) - ",
                "ZAGREB (Hina) - ",
                "Zagreb, March 3 (Hina) - ",
                "SPLIT, Croatia, April 11 (Reuters) - ",
                "BERLIN - ",
                "Berlin (dpa) \u2013 ")) {
            assertEquals(
                    "agrokor reached an agreement with its creditors", normalizer.normalize(dateline + lead), dateline);
        }
        assertEquals(
                "agrokor reached an agreement with its creditors",
                normalizer.normalize(lead + " (Reporting by Igor Ilic; Editing by Gareth Jones)"));
        assertEquals(
                "agrokor reached an agreement with its creditors",
                normalizer.normalize(lead + "\nReporting by Igor Ilic\nEditing by Gareth Jones"));
        // Each word a credit line may start with, alone.
        for (String credit : List.of(
                " (Reporting by Igor Ilic)",
                " (reporting by Igor Ilic)",
                " (Writing by Igor Ilic)",
                " (writing by Igor Ilic)",
                " (Editing by Gareth Jones)",
                " (editing by Gareth Jones)",
                " (Edited by Gareth Jones)",
                " (edited by Gareth Jones)",
                " (Compiled by Zagreb newsroom)",
                " (compiled by Zagreb newsroom)",
                " (Additional reporting by Igor Ilic)",
                "\nWriting by Igor Ilic",
                "\nEditing by Gareth Jones")) {
            assertEquals(
                    "agrokor reached an agreement with its creditors", normalizer.normalize(lead + credit), credit);
        }
    }

    @Test
    void foldsDiacriticsApostrophesAndTypography() {
        assertEquals("dalic agrokor deal", normalizer.normalize("Dali\u0107: Agrokor\u2019s deal"));
        assertEquals(
                normalizer.normalize("Malmo's \"court\" - today"),
                normalizer.normalize("Malm\u00f6\u2019s \u201ccourt\u201d \u2013 today"));
        assertEquals(normalizer.normalize("STRASSE \u0110akovo"), normalizer.normalize("stra\u00dfe Dakovo"));
    }

    @Test
    void nfcAndNfdSpellingsNormaliseAlike() {
        assertEquals(normalizer.normalize("Dali\u0107"), normalizer.normalize("Dalic\u0301"));
    }

    @Test
    void keepsNumbersWholeAndCollectsNumbersAndNames() {
        NormalizedText text = normalizer.normalize(
                "ZSE indices up",
                "The Crobex rose 1.8% to 1,965.3 points on Friday, while Podravka shares fell. Turnover was 38.2 million kuna.");
        assertEquals(List.of("1.8", "1.965.3", "38.2"), text.numbers());
        // sentence-initial words and calendar words are not names; headline words are never taken
        assertEquals(List.of("crobex", "podravka"), text.names());
        assertEquals(
                "zse indices up the crobex rose 1.8 to 1.965.3 points on friday while podravka shares fell"
                        + " turnover was 38.2 million kuna",
                text.text());
    }
}
