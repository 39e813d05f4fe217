package io.newsflow.enrich.tagging;

import io.newsflow.avro.RegionTag;
import io.newsflow.avro.TopicTag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real page dump in samples/: an Aleppo article and a sidebar of briefs. */
class SampleDumpTest {

    private record Brief(String headline, String summary) {}

    private static final Path SAMPLE = Path.of("../samples/aleppo-page-dump.txt");

    private static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private static String[] articleAndSidebar() throws IOException {
        String dump = Files.readString(SAMPLE);
        String[] parts = dump.split("\\R\\s*Latest news\\s*\\R", 2);
        assertEquals(2, parts.length, "the sample has a 'Latest news' sidebar");
        return parts;
    }

    private static List<Brief> briefs() throws IOException {
        List<String> ps = paragraphs(articleAndSidebar()[1]);
        List<Brief> briefs = new ArrayList<>();
        for (int i = 0; i + 1 < ps.size(); i += 2) {
            briefs.add(new Brief(ps.get(i), ps.get(i + 1)));
        }
        return briefs;
    }

    @Test
    void articleIsAboutSyria() throws IOException {
        Tagger.Result r = Fixtures.TAGGER.tag(null, paragraphs(articleAndSidebar()[0]));
        assertEquals("SY", r.primaryCountry());
        RegionTag sy = r.regions().get(0);
        assertEquals("SY", sy.getCountryCode());
        assertEquals("Western Asia", sy.getSubregion());
        assertEquals("145", sy.getSubregionCode());
        assertEquals("Asia", sy.getContinent());
        assertEquals("142", sy.getContinentCode());
        assertTrue(
                sy.getMatched().containsAll(List.of("Syria", "Aleppo", "Syrian")),
                sy.getMatched().toString());
        assertTrue(r.topics().stream().anyMatch(t -> t.getSlug().equals("syria-conflict")));
        List<String> countries = java.util.stream.Stream.concat(r.regions().stream(), r.mentionedRegions().stream())
                .map(RegionTag::getCountryCode)
                .toList();
        assertTrue(countries.containsAll(List.of("FR", "RU", "US")), countries.toString());
        assertTrue(
                r.keywords().contains("International Criminal Court"),
                r.keywords().toString());
    }

    @Test
    void agrokorBriefsAreTaggedAgrokorAndCroatia() throws IOException {
        List<Brief> agrokor = briefs().stream()
                .filter(b -> (b.headline() + b.summary()).contains("Agrokor"))
                .toList();
        assertEquals(5, agrokor.size(), "the sidebar has five Agrokor briefs");
        for (Brief b : agrokor) {
            Tagger.Result r = Fixtures.TAGGER.tag(b.headline(), List.of(b.summary()));
            List<String> slugs = r.topics().stream().map(TopicTag::getSlug).toList();
            assertTrue(slugs.contains("agrokor"), b.headline() + " -> " + slugs);
            assertEquals("HR", r.primaryCountry(), b.headline());
            assertTrue(r.keywords().contains("Agrokor"), b.headline() + " -> " + r.keywords());
        }
    }

    @Test
    void otherBriefsGetTheirOwnCountriesAndKeywords() throws IOException {
        List<Brief> all = briefs();
        assertEquals(18, all.size());
        Brief pilsner = all.stream()
                .filter(b -> b.headline().contains("Pilsner"))
                .findFirst()
                .orElseThrow();
        Tagger.Result beer = Fixtures.TAGGER.tag(pilsner.headline(), List.of(pilsner.summary()));
        assertEquals(
                List.of("CZ", "JP"),
                beer.regions().stream().map(RegionTag::getCountryCode).sorted().toList());
        assertTrue(beer.keywords().contains("Pilsner Urquell"), beer.keywords().toString());

        Brief zse = all.stream()
                .filter(b -> b.headline().startsWith("ZSE"))
                .findFirst()
                .orElseThrow();
        assertTrue(Fixtures.TAGGER
                .tag(zse.headline(), List.of(zse.summary()))
                .keywords()
                .contains("Zagreb Stock Exchange"));

        Brief georgian = all.stream()
                .filter(b -> b.headline().contains("Georgian"))
                .findFirst()
                .orElseThrow();
        List<String> codes = Fixtures.TAGGER.tag(georgian.headline(), List.of(georgian.summary())).regions().stream()
                .map(RegionTag::getCountryCode)
                .sorted()
                .toList();
        assertEquals(List.of("GE", "RU"), codes);
    }
}
