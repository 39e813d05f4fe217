package io.newsflow.enrich.dedup;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.newsflow.enrich.dedup.NearDuplicateIndexTest.T0;
import static io.newsflow.enrich.dedup.NearDuplicateIndexTest.article;
import static io.newsflow.enrich.dedup.NearDuplicateIndexTest.brief;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BriefOfArticleMatcherTest {

    private final DedupSettings settings = DedupSettings.defaults();
    private final BriefOfArticleMatcher matcher =
            new BriefOfArticleMatcher(new Fingerprinter(settings), new DuplicateVerifier(settings));

    private final DedupItem budget = article(
            "art",
            T0,
            "Croatian government revises budget as Agrokor crisis weighs",
            "The Croatian government on Thursday adopted a revised budget for this year, lowering its economic growth "
                    + "forecast to 2.9 percent from 3.2 percent because of the crisis at the Agrokor food and retail concern, "
                    + "Finance Minister Zdravko Maric said.",
            "Maric told reporters that the budget deficit target of 1.3 percent of gross domestic product remained "
                    + "achievable, but that spending on some infrastructure projects would be postponed.",
            "Agrokor, the country's largest private employer, is being restructured under a special law after it ran up "
                    + "debts of about 6 billion euros.");

    @Test
    void briefWithANewHeadlineAndALightlyEditedLeadMatches() {
        DedupItem brief = brief(
                "b",
                T0,
                "Croatia revises budget, cuts growth forecast over Agrokor",
                "The Croatian government on Thursday adopted a revised budget for 2017, lowering its economic growth forecast "
                        + "to 2.9 percent from 3.2 percent because of the crisis at the Agrokor food and retail concern, "
                        + "Finance Minister Zdravko Maric told a news conference.");
        assertTrue(matcher.match(brief, budget).isPresent());
    }

    @Test
    void briefOfAnotherParagraphOrWithOtherFiguresDoesNotMatch() {
        DedupItem otherParagraph = brief(
                "b1",
                T0,
                "Croatia says deficit target achievable",
                "Croatian Finance Minister Zdravko Maric said on Thursday that the budget deficit target of 1.3 percent of "
                        + "gross domestic product remained achievable despite the Agrokor crisis.");
        DedupItem otherFigures = brief(
                "b2",
                T0,
                "Croatian government revises budget as Agrokor crisis weighs",
                "The Croatian government on Thursday adopted a revised budget for this year, lowering its economic growth "
                        + "forecast to 2.7 percent from 3.2 percent because of the crisis at the Agrokor food and retail "
                        + "concern, Finance Minister Zdravko Maric said.");
        assertTrue(matcher.match(otherParagraph, budget).isEmpty());
        assertTrue(matcher.match(otherFigures, budget).isEmpty());
    }

    @Test
    void leadExtendsPastAShortFirstParagraph() {
        assertEquals(
                "Breaking news.\n\nThe second paragraph carries the story of the day in more than twelve words.\n\n",
                BriefOfArticleMatcher.lead(
                        List.of(
                                "Breaking news.",
                                "The second paragraph carries the story of the day in more than twelve words.",
                                "Third."),
                        12));
    }
}
