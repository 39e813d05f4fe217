package io.newsflow.enrich.tagging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Configured topics, loaded once from YAML (default: classpath topics/default-topics.yaml).
 *
 * <pre>
 * topics:
 *   - slug: agrokor            # route news.topic.agrokor; [a-z0-9-]+
 *     label: Agrokor
 *     aliases: [Agrokor, Konzum, Todoric]   # case-sensitive whole words
 *     context: [...]           # optional: at least one must occur too
 *     region: HR               # optional: ISO code the topic implies
 *   - slug: croatia
 *     label: Croatia
 *     about: [HR]              # the item must be about one of these (its regions, not a passing
 *                              # mention); with no aliases, every item about them matches
 * </pre>
 */
public final class TopicRules {

    /** One configured topic. */
    public record Topic(
            String slug, String label, List<String> aliases, List<String> context, String region, List<String> about) {
        public Topic {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            context = context == null ? List.of() : List.copyOf(context);
            about = about == null ? List.of() : List.copyOf(about);
        }
    }

    private record File(List<Topic> topics) {}

    public static final String DEFAULT_RESOURCE = "/topics/default-topics.yaml";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

    private final List<Topic> topics;
    private final byte[] source;

    public TopicRules(byte[] yaml) {
        this.source = yaml.clone();
        try {
            File file = new ObjectMapper(new YAMLFactory()).readValue(yaml, File.class);
            this.topics = file.topics() == null ? List.of() : List.copyOf(file.topics());
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid topic rules: " + e.getMessage(), e);
        }
        validate();
    }

    public static TopicRules loadDefault() {
        try (InputStream in = TopicRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return new TopicRules(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TopicRules load(Path file) {
        try {
            return new TopicRules(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read topic rules " + file, e);
        }
    }

    public List<Topic> topics() {
        return topics;
    }

    /** The raw file content, hashed into the rules version. */
    byte[] source() {
        return source.clone();
    }

    private void validate() {
        Set<String> slugs = new HashSet<>();
        for (Topic t : topics) {
            if (t.slug() == null || !SLUG.matcher(t.slug()).matches()) {
                throw new IllegalArgumentException("topic slug must match " + SLUG + ": " + t.slug());
            }
            if (!slugs.add(t.slug())) {
                throw new IllegalArgumentException("duplicate topic slug " + t.slug());
            }
            if (t.label() == null
                    || t.label().isBlank()
                    || t.aliases().isEmpty() && t.about().isEmpty()) {
                throw new IllegalArgumentException(
                        "topic " + t.slug() + " needs a label and at least one alias or about country");
            }
            if (t.region() != null && !REGION.matcher(t.region()).matches()) {
                throw new IllegalArgumentException("topic " + t.slug() + ": region must be an ISO 3166-1 alpha-2 code");
            }
            if (!t.about().stream()
                    .allMatch(code -> code != null && REGION.matcher(code).matches())) {
                throw new IllegalArgumentException("topic " + t.slug() + ": about must list ISO 3166-1 alpha-2 codes");
            }
        }
    }
}
