package io.newsflow.enrich.tagging;

import io.newsflow.enrich.tagging.Gazetteer.Kind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GazetteerTest {

    private final Gazetteer gazetteer = Fixtures.GAZETTEER;

    @Test
    void loadsGeneratedDataWithVersion() {
        assertTrue(gazetteer.size() > 5000, "names, demonyms, capitals and cities: " + gazetteer.size());
        assertTrue(gazetteer.version().startsWith("world-countries@"), gazetteer.version());
    }

    @Test
    void countriesCarryUnM49Containment() {
        Gazetteer.Country sy = gazetteer.country("SY");
        assertEquals("Syria", sy.name());
        assertEquals("145", sy.subregionCode());
        assertEquals("Western Asia", sy.subregion());
        assertEquals("142", sy.continentCode());
        assertEquals("Asia", sy.continent());
        Gazetteer.Country hr = gazetteer.country("HR");
        assertEquals("039", hr.subregionCode());
        assertEquals("Southern Europe", hr.subregion());
        assertEquals("150", hr.continentCode());
        assertEquals("Europe", hr.continent());
        assertEquals("002", gazetteer.country("NG").continentCode());
        assertEquals("009", gazetteer.country("FJ").continentCode());
        assertEquals("019", gazetteer.country("BR").continentCode());
        assertNull(gazetteer.country("AQ").subregionCode(), "M49 puts Antarctica in no subregion");
    }

    @Test
    void holdsNamesDemonymsCapitalsAndCities() {
        assertEquals(Kind.NAME, gazetteer.lookup("Croatia").kind());
        assertEquals("HR", gazetteer.lookup("Croatian").countryCode());
        assertEquals(Kind.DEMONYM, gazetteer.lookup("Syrians").kind());
        assertEquals(Kind.CAPITAL, gazetteer.lookup("Zagreb").kind());
        assertEquals("SY", gazetteer.lookup("Aleppo").countryCode());
        assertEquals("SE", gazetteer.lookup("Malmo").countryCode(), "ASCII fold of Malmö");
        assertEquals(Kind.BLOCKER, gazetteer.lookup("Latin America").kind());
    }

    @Test
    void smallTownsAreCutAndCommonWordsFlagged() {
        assertNull(gazetteer.lookup("Best"), "Best, NL has 29k inhabitants: below the cut-off");
        assertNull(gazetteer.lookup("Of"), "Of, TR: below the cut-off");
        for (String word : new String[] {"Man", "Sale", "Split", "Nice"}) {
            assertTrue(gazetteer.lookup(word).commonWord(), word);
        }
    }
}
