package io.newsflow.enrich.tagging;

import io.newsflow.avro.RegionTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionTaggerTest {

    /** Every country found, about or mentioned: the mention-level view these tests check. */
    private static List<String> countries(String headline, String... paragraphs) {
        Tagger.Result r = Fixtures.TAGGER.tag(headline, List.of(paragraphs));
        return Stream.concat(r.regions().stream(), r.mentionedRegions().stream())
                .map(RegionTag::getCountryCode)
                .toList();
    }

    private static List<String> countries(Tagger.Result r) {
        return Stream.concat(r.regions().stream(), r.mentionedRegions().stream())
                .map(RegionTag::getCountryCode)
                .toList();
    }

    private static Tagger.Result tag(String headline, String... paragraphs) {
        return Fixtures.TAGGER.tag(headline, List.of(paragraphs));
    }

    private static List<String> codes(List<RegionTag> tags) {
        return tags.stream().map(RegionTag::getCountryCode).toList();
    }

    @Test
    void aboutIsWhatTheStoryIsAboutAndPassingMentionsAreKeptApart() {
        Tagger.Result r = tag(
                "Electrolux bids for Swedish rival",
                "Sweden's Electrolux AB said on Monday it would bid for a rival appliance maker, sending shares up in Stockholm.",
                "Advisers include banks in Canada, Switzerland and Britain.");
        assertEquals(List.of("SE"), codes(r.regions()));
        assertEquals("SE", r.primaryCountry());
        assertEquals(
                List.of("CA", "CH", "GB"),
                codes(r.mentionedRegions()).stream().sorted().toList());
        assertEquals(
                List.of("headline", "lead-subject", "lead", "repeated"),
                r.regions().get(0).getReasons());
        assertEquals(List.of("mentioned"), r.mentionedRegions().get(0).getReasons());
    }

    @Test
    void aUsCompanyWithAPartnerNamedOnceIsAboutTheUs() {
        Tagger.Result r = tag(
                "Texas chipmaker expands plant",
                "Dallas Semiconductor Inc said it will double output at its plant in Texas.",
                "The company said a Japanese partner would supply equipment.");
        assertEquals(List.of("US"), codes(r.regions()));
        assertEquals(List.of("JP"), codes(r.mentionedRegions()));
    }

    @Test
    void aDatelineWithAStateAbbreviationIsTheUs() {
        Tagger.Result r =
                tag("Utility raises rates", "TRENTON, N.J., March 3 - The utility raised its rates by 4 pct.");
        assertEquals(List.of("US"), codes(r.regions()));
        assertEquals(List.of("dateline"), r.regions().get(0).getReasons());
        assertEquals(
                List.of("US"),
                codes(tag(null, "It will expand the plant in Andalusia, Ala., next year.")
                        .regions()));
        assertEquals(List.of(), countries(null, "Miss. Smith met Mo. Jones; Ind. voters and La. fans cheered."));
    }

    @Test
    void aDatelineWithTheDashRightAfterTheDayCounts() {
        Tagger.Result r = tag("<IVACO INC> YEAR NET", "MONTREAL, Feb 26- Ivaco Inc said its year profit rose.");
        assertEquals(List.of("CA"), codes(r.regions()));
        assertEquals(List.of("dateline"), r.regions().get(0).getReasons());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Toronto, Feb 26 - Standard Trustco said its earnings would rise.",
                "Scarborough, Ontario, Feb 26 - Cinram Ltd said its earnings would rise.",
                "Caracas, feb 26 - The central bank said its reserves would rise."
            })
    void aDatelineInMixedCaseCountsWhenADateFollows(String lead) {
        Tagger.Result r = tag("YEAR NET", lead);
        assertEquals("dateline", r.regions().get(0).getReasons().get(0));
        // Without the date it is a sentence that starts with a town, not a dateline.
        assertFalse(tag("YEAR NET", lead.replaceFirst(", [Ff]eb 26", ""))
                .regions()
                .get(0)
                .getReasons()
                .contains("dateline"));
    }

    @Test
    void datelineDatesAndStatesInAnyCase() {
        for (String lead : List.of(
                "WESTPORT, Conn., FEb 26 - The company said its profit rose.",
                "TROY, MICH., March 3 - The company said its profit rose.",
                "CAPE CANAVERAL, Fla, March 3 - The launch was put off.",
                "ST LOUIS, March 3 - The company said its profit rose.")) {
            Tagger.Result r = tag("YEAR NET", lead);
            assertEquals(List.of("US"), codes(r.regions()), lead);
            assertEquals(List.of("dateline"), r.regions().get(0).getReasons(), lead);
        }
        assertEquals(
                "NL", tag("DUTCH RATES", "AMSTERDAM, 2 March - Rates fell.").primaryCountry());
    }

    @Test
    void germanTownsAsWireCopySpellsThem() {
        assertEquals(
                "DE",
                tag("HOECHST NET", "FRANKFURT, March 2 - Hoechst said profit rose.")
                        .primaryCountry());
        assertEquals(List.of("DE"), countries(null, "The plant in Duesseldorf will close."));
        assertEquals(List.of("DE"), countries(null, "The plant in Ludwigshafen will close."));
    }

    @Test
    void aListingInTheLeadsSubjectIsTheCompanysHome() {
        for (String lead : List.of(
                "Cinram Ltd (TSX: CRM) said its profit rose.", "Toronto-listed Cinram Ltd said its profit rose.")) {
            Tagger.Result r = tag("CINRAM YEAR NET", lead);
            assertEquals("CA", r.primaryCountry(), lead);
            assertTrue(r.regions().get(0).getReasons().contains("listing"), lead);
        }
        assertTrue(tag(null, "Frankfurt-listed Hoechst AG said its profit rose.")
                .regions()
                .get(0)
                .getReasons()
                .contains("listing"));
        // A listing later in the lead is a passing mention when a place is named: a Canadian firm listed in New York.
        Tagger.Result r = tag(null, "Quebecor Ltd of Canada said it would seek a listing on the NYSE.");
        assertEquals(List.of("CA"), codes(r.regions()));
        assertEquals(List.of(), codes(r.mentionedRegions()));
        // A market is not a listing.
        assertFalse(tag(null, "LONDON, March 3 - The London Metal Exchange said copper stocks rose.")
                .regions()
                .get(0)
                .getReasons()
                .contains("listing"));
    }

    @Test
    void aCountryActingInTheLeadAndNamedAgainIsAboutWhateverItsShare() {
        Tagger.Result r = tag(
                "POLISH BANKER PLEASED WITH TALKS",
                "WARSAW, March 2 - Poland and the U.S. said talks on Poland's debt to Poland's creditors went well.",
                "Polish officials said Poland would press on; Warsaw expects more talks.",
                "The U.S. delegation left on Monday.");
        assertEquals(List.of("PL", "US"), codes(r.regions()));
        // Named twice but never acting in the lead, a small share stays a mention.
        Tagger.Result once = tag(
                "POLISH BANKER PLEASED WITH TALKS",
                "WARSAW, March 2 - Poland said talks on Poland's debt went well.",
                "Polish officials said Poland would press on; Warsaw expects more talks with the U.S.",
                "The U.S. delegation left on Monday.");
        assertEquals(List.of("PL"), codes(once.regions()));
        assertEquals(List.of("US"), codes(once.mentionedRegions()));
    }

    @Test
    void aCountryListedWithOneTheStoryIsAboutAndNamedAgainIsAbout() {
        Tagger.Result r = tag(
                "BAHRAIN PLANS STOCK EXCHANGE",
                "MANAMA, March 2 - Bahrain will open a stock exchange next year, the finance ministry said.",
                "Gulf states -- Bahrain, Kuwait, Qatar and Oman -- agreed to list each other's shares.",
                "Trading in Kuwait has picked up.");
        assertEquals(List.of("BH", "KW"), codes(r.regions()));
        assertEquals(List.of("repeated", "listed-with"), r.regions().get(1).getReasons());
        // Named once, a member of the list stays a passing mention.
        assertEquals(
                List.of("OM", "QA"),
                codes(r.mentionedRegions()).stream().sorted().toList());
        // Named twice but not in a list with Bahrain, Kuwait is a passing mention; so are cities joined by "and".
        Tagger.Result unlisted = tag(
                "BAHRAIN PLANS STOCK EXCHANGE",
                "MANAMA, March 2 - Bahrain will open a stock exchange next year, the finance ministry said.",
                "Flights between Manama and Kuwait City will be added; Kuwait has an exchange already.");
        assertEquals(List.of("BH"), codes(unlisted.regions()));
        assertEquals(List.of("KW"), codes(unlisted.mentionedRegions()));
    }

    @Test
    void whereABondIsListedIsAPassingMentionHoweverOftenNamed() {
        Tagger.Result r = tag(
                "UNIT ISSUES 100 MLN DLR BOND",
                "LONDON, March 2 - A finance unit is issuing a 100 mln dlr eurobond, the lead manager said.",
                "The bond will be listed in Luxembourg.",
                "The warrants will also be listed in Luxembourg.");
        assertEquals(List.of("GB"), codes(r.regions()));
        assertEquals(List.of("LU"), codes(r.mentionedRegions()));
        assertEquals(List.of("mentioned"), r.mentionedRegions().get(0).getReasons());
        // Named twice otherwise, at the same weight, the place is about.
        Tagger.Result named = tag(
                "UNIT ISSUES 100 MLN DLR BOND",
                "LONDON, March 2 - A finance unit is issuing a 100 mln dlr eurobond, the lead manager said.",
                "The bond is for a company in Luxembourg.",
                "The warrants are for Luxembourg investors.");
        assertEquals(List.of("GB", "LU"), codes(named.regions()));
    }

    @Test
    void aListOfCountriesWithTheirFiguresIsAList() {
        Tagger.Result r = tag(
                "MALAYSIA, THAILAND SET TIN EXPORT QUOTAS",
                "Malaysia and Thailand will export no more than their quotas this year, officials said.",
                "Malaysia has been allocated 28,526 tonnes, Indonesia 24,516, Thailand 19,000 and Bolivia 13,761.",
                "Officials in Indonesia did not comment.");
        assertEquals(
                List.of("ID", "MY", "TH"), codes(r.regions()).stream().sorted().toList());
        assertEquals(
                List.of("repeated", "listed-with"),
                r.regions().stream()
                        .filter(t -> t.getCountryCode().equals("ID"))
                        .findFirst()
                        .orElseThrow()
                        .getReasons());
        assertEquals(List.of("BO"), codes(r.mentionedRegions()));
    }

    @Test
    void theWordsOfAHyphenatedHeadlineWordAreRead() {
        assertEquals(
                List.of("CA", "EG"),
                codes(tag("CANADA-EGYPT GRAIN DEAL SIGNED", "The deal was signed on Monday.")
                                .regions())
                        .stream()
                        .sorted()
                        .toList());
    }

    @Test
    void newsroomAdjectivesNameTheirCountry() {
        assertEquals(
                "PH",
                tag("PHILIPPINE LONG DISTANCE <PHI> YEAR NET", "Shr 1.20 dlrs vs 90 cts")
                        .primaryCountry());
        assertEquals(
                List.of("KR"),
                countries("KOREAN AIR ORDERS TEN AIRLINERS", "The airline said deliveries start in 1990."));
        // "Korean" in a story about the North is the North.
        assertEquals(
                List.of("KP"), countries(null, "Pyongyang said on Monday that Korean troops would stay on alert."));
    }

    @Test
    void aCityThatStartsACompanysNameIsTheCompany() {
        Tagger.Result r = tag(
                "BURLINGTON <BUR> GETS ARMY CONTRACT",
                "WASHINGTON, Feb 26 - Burlington Industries Inc has been awarded a 30.5 mln dlr Army contract.",
                "Burlington said the work would be done in North Carolina.");
        assertEquals(List.of("US"), countries(r));
        // The city stays a place where something else places the item in its country, and in a dateline.
        assertEquals(
                List.of("CA"),
                codes(tag(null, "MONTREAL, Feb 26 - Montreal Trustco Inc said its profit rose.")
                        .regions()));
        assertEquals(
                List.of("JP"),
                codes(tag(null, "Tokyo Electric Power Co said Japan's demand for power rose 3 pct in Tokyo last year.")
                        .regions()));
    }

    @Test
    void allCapsWireHeadlinesAreRead() {
        Tagger.Result r = tag("BANKERS REPORT BREAKTHROUGH ON VENEZUELAN DEBT", "Talks went on in New York on Friday.");
        assertEquals("VE", r.primaryCountry());
        assertTrue(r.regions().get(0).getReasons().contains("headline"));
    }

    @Test
    void onlyACompanyFormNamesNoPlaceSoItDecides() {
        Tagger.Result r = tag("COBANCO INC YEAR NET", "Shr 34 cts vs 1.19 dlrs", "Net 807,000 vs 2,858,000");
        assertEquals(List.of("US"), codes(r.regions()));
        assertEquals(List.of("company-form"), r.regions().get(0).getReasons());
        assertEquals(
                List.of(),
                codes(tag("Quarterly results", "Net profit rose to 807,000.").regions()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Best of all, the Man said the Sale was a success.",
                "Of the three offers, the best one came late.",
                "Shareholders were split over the sale; one man walked out.",
                "Split decisions angered the fans.",
                "Man arrested after the sale of fake tickets.",
                "Sale ends Friday, the store said.",
                "Nice weather lifted sales of ice cream.",
                "Roast the turkey for three hours and serve with gravy.",
                "Latin American markets rose as investors bet on rate cuts."
            })
    void commonWordsDoNotTagCountries(String text) {
        assertEquals(List.of(), countries(null, text));
    }

    @Test
    void commonWordPlaceCountsInLocativeContext() {
        assertEquals(List.of("FR"), countries(null, "Police in Nice arrested two men."));
        assertEquals(List.of("HR"), countries(null, "Ferries from Split were cancelled."));
        assertEquals(
                List.of("FR"),
                countries(null, "Nice weather greeted tourists. Later in Nice, police arrested two men."));
    }

    @Test
    void datelineCountsStronglyEvenForCommonWords() {
        Tagger.Result r = Fixtures.TAGGER.tag(
                null,
                List.of("ZAGREB, March 3 (Reuters) - The government met on Friday, "
                        + "a day after talks with Slovenia and Hungary."));
        assertEquals("HR", r.primaryCountry());
        assertEquals(List.of("ZAGREB"), r.regions().get(0).getMatched());
        assertEquals(List.of("HR"), countries(null, "SPLIT, Croatia, May 2 (Hina) - Port workers went on strike."));
    }

    @Test
    void georgiaTheUsStateIsNotTheCountry() {
        assertEquals(
                List.of("US"),
                countries(
                        "Storms hit Atlanta, Georgia",
                        "Severe storms cut power to thousands in Atlanta, Georgia, the governor said."));
        assertEquals(List.of("US"), countries(null, "The governor of Georgia signed the voting bill."));
    }

    @Test
    void georgiaTheCountryWithItsContext() {
        assertEquals(List.of("GE"), countries(null, "Protesters rallied in Tbilisi as Georgia's parliament met."));
        assertEquals(
                List.of("GE", "RU"),
                countries("Georgia accuses Russia", "Georgian officials said Russia moved border markers."));
    }

    @Test
    void jordanThePersonIsNotTheCountry() {
        assertEquals(
                List.of(), countries(null, "Michael Jordan scored 37 points. Jordan later thanked the Bulls fans."));
        assertEquals(List.of(), countries(null, "The lecture by Jordan Peterson was sold out."));
        assertEquals(List.of("JO"), countries(null, "Jordan reopened its border crossing on Monday."));
    }

    @Test
    void washingtonAsGovernmentMetonymIsUs() {
        assertEquals(
                List.of("CN", "US"),
                countries(null, "Washington warned Beijing on Tuesday over chip exports.").stream()
                        .sorted()
                        .toList());
        assertEquals(List.of(), countries(null, "The Washington Post reported the story first."));
    }

    @Test
    void turkeyTheFoodVsTheCountry() {
        assertEquals(List.of(), countries("Turkey recipe", "Brine the Turkey overnight and roast it in a hot oven."));
        assertEquals(
                List.of("TR"),
                countries("Turkey raises rates", "Turkey's central bank raised rates to support the lira."));
    }

    @Test
    void personalNamesAndLongerNamesDoNotLeakCountries() {
        assertEquals(List.of("RU"), countries(null, "Russian President Vladimir Putin spoke on Monday."));
        assertEquals(List.of("US"), countries(null, "A wildfire in New Mexico forced evacuations."));
    }

    @Test
    void headlineAndLeadOutweighBody() {
        Tagger.Result r = Fixtures.TAGGER.tag(
                "Croatia signs deal",
                List.of(
                        "Croatia signed a gas deal on Monday.",
                        "Officials in Hungary and Hungary's neighbours watched closely.",
                        "Hungary had sought a similar deal."));
        assertEquals("HR", r.primaryCountry());
        RegionTag hr = r.regions().get(0);
        assertEquals(2, hr.getMentions());
        assertTrue(hr.getSalience() > r.regions().get(1).getSalience());
        double total = r.regions().stream().mapToDouble(RegionTag::getSalience).sum();
        assertEquals(1.0, total, 1e-9);
    }

    @Test
    void noCountryMeansNoPrimary() {
        assertNull(Fixtures.TAGGER
                .tag("Shares rise", List.of("Shares rose on Monday."))
                .primaryCountry());
    }
}
