package io.newsflow.enrich.tagging;

import com.ibm.icu.util.Region;
import com.ibm.icu.util.ULocale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Surface forms that name a country (names, demonyms, capitals, cities) with the country's UN M49
 * containment, loaded once from the generated resources under {@code gazetteer/} (see
 * tools/gazetteer/README.md) and matched in one pass with an {@link AhoCorasickMatcher}.
 */
final class Gazetteer {

    /** What a surface form is; blockers are longer phrases that must tag nothing ("Latin America"). */
    public enum Kind {
        NAME,
        DEMONYM,
        CAPITAL,
        CITY,
        BLOCKER;

        static Kind ofCode(String code) {
            return switch (code) {
                case "N" -> NAME;
                case "D" -> DEMONYM;
                case "C" -> CAPITAL;
                case "T" -> CITY;
                case "B" -> BLOCKER;
                default -> throw new IllegalArgumentException("unknown gazetteer kind " + code);
            };
        }
    }

    /**
     * One surface form. {@code commonWord}: also an ordinary word or given name ("Nice", "Split"),
     * so it only counts in locative context.
     */
    public record Entry(String form, String countryCode, Kind kind, boolean commonWord) {}

    /** A country with its UN M49 subregion and continent; the M49 fields are null when M49 has none. */
    public record Country(
            String code, String name, String subregion, String subregionCode, String continent, String continentCode) {}

    private static final String BASE = "/gazetteer/";

    private final List<Entry> entries;
    private final Map<String, Entry> byLowerCaseForm = new HashMap<>();
    private final Map<String, Entry> byForm = new HashMap<>();
    private final Map<String, Country> countries;
    private final AhoCorasickMatcher matcher;
    private final String version;

    public Gazetteer(List<Entry> entries, Map<String, String> countryNames, String version) {
        this.entries = List.copyOf(entries);
        this.version = version;
        Map<String, Country> byCode = new LinkedHashMap<>();
        countryNames.forEach((code, name) -> byCode.put(code, withContainment(code, name)));
        this.countries = Map.copyOf(byCode);
        List<String> forms = new ArrayList<>(entries.size());
        for (Entry e : this.entries) {
            forms.add(e.form());
            byForm.putIfAbsent(e.form(), e);
            // Used for ALL-CAPS datelines: prefer a real place over a blocker with the same letters.
            byLowerCaseForm.merge(e.form().toLowerCase(Locale.ROOT), e, (a, b) -> a.kind() == Kind.BLOCKER ? b : a);
        }
        this.matcher = new AhoCorasickMatcher(forms);
    }

    /** The gazetteer generated into the resources of this module. */
    public static Gazetteer load() {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        try {
            try (BufferedReader in = reader(new GZIPInputStream(resource("names.tsv.gz")))) {
                for (String line; (line = in.readLine()) != null; ) {
                    String[] f = line.split("\t", -1);
                    entries.add(new Entry(f[0], f[1], Kind.ofCode(f[2]), f[3].contains("w")));
                }
            }
            try (BufferedReader in = reader(resource("countries.tsv"))) {
                for (String line; (line = in.readLine()) != null; ) {
                    String[] f = line.split("\t", -1);
                    names.put(f[0], f[1]);
                }
            }
            return new Gazetteer(entries, names, bundledVersion());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer resources", e);
        }
    }

    /** The {@link #version} of the gazetteer {@link #load} reads, without reading the names. */
    public static String bundledVersion() {
        try (BufferedReader in = reader(resource("VERSION"))) {
            return in.readLine().trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer resources", e);
        }
    }

    public AhoCorasickMatcher matcher() {
        return matcher;
    }

    /** The entry for a pattern index reported by {@link #matcher()}. */
    public Entry entry(int pattern) {
        return entries.get(pattern);
    }

    /** Exact, case-sensitive lookup; null when the form is unknown. */
    public Entry lookup(String form) {
        return byForm.get(form);
    }

    /** Case-insensitive lookup, for ALL-CAPS datelines. */
    public Entry lookupIgnoreCase(String form) {
        return byLowerCaseForm.get(form.toLowerCase(Locale.ROOT));
    }

    public Country country(String code) {
        Country c = countries.get(code);
        return c != null ? c : withContainment(code, code);
    }

    public int size() {
        return entries.size();
    }

    /** Data versions and content hash, from the generator. */
    public String version() {
        return version;
    }

    private static Country withContainment(String code, String name) {
        Region region;
        try {
            region = Region.getInstance(code);
        } catch (IllegalArgumentException unknownToIcu) {
            return new Country(code, name, null, null, null, null);
        }
        Region sub = region.getContainingRegion(Region.RegionType.SUBCONTINENT);
        Region continent = region.getContainingRegion(Region.RegionType.CONTINENT);
        // ICU also knows CLDR-only groupings such as "QO" (Outlying Oceania); M49 codes are numeric.
        if (sub == null || continent == null || !isM49(sub) || !isM49(continent)) {
            return new Country(code, name, null, null, null, null);
        }
        return new Country(code, name, englishName(sub), sub.toString(), englishName(continent), continent.toString());
    }

    private static boolean isM49(Region r) {
        return r.toString().chars().allMatch(Character::isDigit);
    }

    private static String englishName(Region r) {
        return new ULocale("und_" + r).getDisplayCountry(ULocale.ENGLISH);
    }

    private static InputStream resource(String name) {
        InputStream in = Gazetteer.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + BASE + name);
        }
        return in;
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
