package io.newsflow.enrich.tagging;

import io.newsflow.avro.TopicTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicTaggingTest {

    private static TopicRules rules(String yaml) {
        return new TopicRules(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static final String AGROKOR = """
      topics:
        - slug: agrokor
          label: Agrokor
          aliases: [Agrokor, Konzum, Todoric]
          region: HR
        - slug: ukraine-war
          label: War in Ukraine
          aliases: [Ukraine, Kyiv]
          context: [war, missile]
      """;

    @Test
    void defaultRulesHaveAReasonableSetOfTopics() {
        List<TopicRules.Topic> topics = Fixtures.TOPICS.topics();
        assertTrue(topics.size() >= 20 && topics.size() <= 40, "topics: " + topics.size());
        assertTrue(topics.stream().anyMatch(t -> t.slug().equals("agrokor") && "HR".equals(t.region())));
        assertTrue(topics.stream().anyMatch(t -> t.slug().equals("syria-conflict")));
    }

    @Test
    void aliasesCountMentionsAndSurfaceForms() {
        TopicTagger tagger = new TopicTagger(rules(AGROKOR));
        List<TopicTagger.Hit> hits = tagger.tag(new ItemText(
                "Konzum stores stay open",
                List.of("Agrokor owner Ivica Todoric said Agrokor and Konzum would keep paying suppliers.")));
        assertEquals(1, hits.size());
        TopicTag tag = hits.get(0).toTag();
        assertEquals("agrokor", tag.getSlug());
        assertEquals(5, tag.getMentions());
        assertEquals(List.of("Konzum", "Agrokor", "Todoric"), tag.getMatched());
    }

    @Test
    void contextTermsAreRequiredWhenConfigured() {
        TopicTagger tagger = new TopicTagger(rules(AGROKOR));
        assertTrue(tagger.tag(new ItemText("Ukraine wins Eurovision", List.of("Kyiv celebrated all night.")))
                .isEmpty());
        assertEquals(
                "ukraine-war",
                tagger.tag(new ItemText(null, List.of("A missile hit Kyiv overnight.")))
                        .get(0)
                        .topic()
                        .slug());
    }

    @Test
    void impliedRegionTagsTheItem() {
        Tagger tagger = new Tagger(Fixtures.GAZETTEER, Fixtures.AMBIGUOUS, rules(AGROKOR));
        Tagger.Result r = tagger.tag("Konzum suppliers paid", List.of("Suppliers of Konzum were paid on Friday."));
        assertEquals("HR", r.primaryCountry());
        assertEquals(List.of("Konzum"), r.regions().get(0).getMatched());
    }

    @Test
    void rulesVersionChangesWithTheRules() {
        Tagger a = new Tagger(Fixtures.GAZETTEER, Fixtures.AMBIGUOUS, rules(AGROKOR));
        Tagger b = new Tagger(Fixtures.GAZETTEER, Fixtures.AMBIGUOUS, rules(AGROKOR.replace("Todoric", "Todorić")));
        Tagger a2 = new Tagger(Fixtures.GAZETTEER, Fixtures.AMBIGUOUS, rules(AGROKOR));
        assertEquals(a.rulesVersion(), a2.rulesVersion());
        assertNotEquals(a.rulesVersion(), b.rulesVersion());
        assertEquals(a.rulesVersion(), a.tag("x", List.of("y")).rulesVersion());
    }

    @Test
    void loadsRulesFromAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("topics.yaml"), AGROKOR);
        assertEquals(
                List.of("agrokor", "ukraine-war"),
                TopicRules.load(file).topics().stream()
                        .map(TopicRules.Topic::slug)
                        .toList());
    }

    @Test
    void invalidRulesAreRejectedAtLoad() {
        assertThrows(
                IllegalArgumentException.class,
                () -> rules("topics:\n  - slug: Bad Slug\n    label: x\n    aliases: [x]\n"));
        assertThrows(
                IllegalArgumentException.class, () -> rules("topics:\n  - slug: a\n    label: x\n    aliases: []\n"));
        assertThrows(
                IllegalArgumentException.class,
                () -> rules(
                        "topics:\n  - slug: a\n    label: x\n    aliases: [x]\n  - slug: a\n    label: y\n    aliases: [y]\n"));
        assertThrows(
                IllegalArgumentException.class,
                () -> rules("topics:\n  - slug: a\n    label: x\n    aliases: [x]\n    region: Croatia\n"));
    }

    private static final String ABOUT = """
      topics:
        - slug: croatia
          label: Croatia
          about: [HR]
        - slug: syria-conflict
          label: Syria conflict
          aliases: [Syria, Aleppo]
          about: [SY]
      """;

    private static List<String> slugs(Tagger tagger, String headline, String... paragraphs) {
        return tagger.tag(headline, List.of(paragraphs)).topics().stream()
                .map(TopicTag::getSlug)
                .toList();
    }

    @Test
    void aboutRoutesWhatAnItemIsAboutNotWhatItMentions() {
        Tagger tagger = new Tagger(Fixtures.GAZETTEER, Fixtures.AMBIGUOUS, rules(ABOUT));
        assertEquals(
                List.of("croatia"),
                slugs(
                        tagger,
                        "Croatian government approves tax reform",
                        "ZAGREB, March 3 (Reuters) - The Croatian government on Thursday approved a tax reform."));
        assertEquals(
                List.of(),
                slugs(
                        tagger,
                        "Swedish appliance maker bids for rival",
                        "Sweden's Electrolux said on Monday it would bid for a rival, sending its shares up in Stockholm.",
                        "Its advisers include a bank in Zagreb."));
        assertEquals(
                List.of("syria-conflict"),
                slugs(
                        tagger,
                        "Shelling resumes in Aleppo",
                        "Shelling resumed in Aleppo on Sunday, Syria's state media said."));
        assertEquals(
                List.of(),
                slugs(
                        tagger,
                        "Russian economy grows",
                        "Russia's economy grew 2 percent, the statistics office in Moscow said on Friday.",
                        "The ministry did not give the cost of its operations in Syria."));
    }

    @Test
    void aboutMustListCountryCodesAndATopicNeedsAnAliasOrAnAboutCountry() {
        assertThrows(IllegalArgumentException.class, () -> rules("topics: [{slug: x, label: X, about: [Croatia]}]"));
        assertThrows(IllegalArgumentException.class, () -> rules("topics: [{slug: x, label: X}]"));
    }
}
