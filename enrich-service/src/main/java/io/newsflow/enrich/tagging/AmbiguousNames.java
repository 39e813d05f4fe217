package io.newsflow.enrich.tagging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Context rules for country names that often mean something else (resource gazetteer/ambiguous-names.yaml). */
final class AmbiguousNames {

    /** One ambiguous form; see the resource file for the semantics. */
    public record Rule(String form, List<String> support, List<String> against, String otherwise) {
        public Rule {
            support = support == null ? List.of() : List.copyOf(support);
            against = against == null ? List.of() : List.copyOf(against);
        }
    }

    static final String RESOURCE = "/gazetteer/ambiguous-names.yaml";

    private final Map<String, Rule> byForm = new HashMap<>();
    private final byte[] source;

    public AmbiguousNames(byte[] yaml) {
        this.source = yaml.clone();
        try {
            Rule[] rules = new ObjectMapper(new YAMLFactory()).readValue(yaml, Rule[].class);
            for (Rule r : rules) {
                byForm.put(r.form(), r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("invalid ambiguous-names rules", e);
        }
    }

    public static AmbiguousNames load() {
        try (InputStream in = AmbiguousNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new AmbiguousNames(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAmbiguous(String form) {
        return byForm.containsKey(form);
    }

    /**
     * The country a mention of {@code form} stands for, or null when it stands for none.
     *
     * @param evidence countries already mentioned unambiguously in the item
     * @param text the whole item, searched for support and against terms
     */
    public String resolve(String form, String countryCode, Set<String> evidence, String text) {
        Rule rule = byForm.get(form);
        if (rule == null || evidence.contains(countryCode) || containsAny(text, rule.support())) {
            return countryCode;
        }
        return containsAny(text, rule.against()) ? rule.otherwise() : countryCode;
    }

    byte[] source() {
        return source.clone();
    }

    static boolean containsAny(String text, List<String> terms) {
        for (String term : terms) {
            if (containsWord(text, term)) {
                return true;
            }
        }
        return false;
    }

    /** Case-sensitive whole-word search; rules are few and only consulted for ambiguous mentions. */
    static boolean containsWord(String text, String term) {
        for (int i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
            int end = i + term.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }
}
