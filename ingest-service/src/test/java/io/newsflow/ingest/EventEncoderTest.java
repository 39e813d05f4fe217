package io.newsflow.ingest;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.Origin;
import io.newsflow.platform.testing.InMemorySchemaRegistryClient;
import io.newsflow.serde.AvroSerializer;
import io.newsflow.serde.WireFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The encoder writes the bytes the serializer writes, for any article and brief. */
class EventEncoderTest {
    private final AvroSerializer<SpecificRecord> serializer = serializer();
    private final EventEncoder encoder = new EventEncoder();

    @Example
    void theGeneratedClassesHaveTheSchemasTheEncoderWrites() {
        assertTrue(
                EventEncoder.supports(),
                "newsflow.avdl changed Article or Brief: update EventEncoder and its fingerprints");
    }

    @Property(tries = 500)
    void articles(
            @ForAll("texts") String id,
            @ForAll("optionalTexts") String title,
            @ForAll("paragraphs") List<String> paragraphs,
            @ForAll("origins") Origin origin) {
        Article article = new Article(id, title, paragraphs, origin);
        byte[] expected = serializer.serialize("news.articles", article);
        assertArrayEquals(expected, encoder.article(Arrays.copyOf(expected, WireFormat.HEADER_SIZE), article));
    }

    @Property(tries = 500)
    void briefs(
            @ForAll("texts") String id,
            @ForAll("texts") String headline,
            @ForAll("optionalTexts") String summary,
            @ForAll("optionalTexts") String section,
            @ForAll("origins") Origin origin) {
        Brief brief = new Brief(id, headline, summary, section, origin);
        byte[] expected = serializer.serialize("news.briefs", brief);
        assertArrayEquals(expected, encoder.brief(Arrays.copyOf(expected, WireFormat.HEADER_SIZE), brief));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(5000),
                Arbitraries.of("", "Агрокор", "克罗地亚 \uD83D\uDE00", "Caf\u00e9\u00a0"));
    }

    @Provide
    Arbitrary<String> optionalTexts() {
        return texts().injectNull(0.3);
    }

    @Provide
    Arbitrary<List<String>> paragraphs() {
        return texts().list().ofMaxSize(70);
    }

    @Provide
    Arbitrary<Origin> origins() {
        Arbitrary<Instant> times =
                Arbitraries.longs().between(0, 253402300799999L).map(Instant::ofEpochMilli);
        return net.jqwik.api.Combinators.combine(
                        texts(),
                        Arbitraries.integers().between(0, 100_000),
                        optionalTexts(),
                        optionalTexts(),
                        times,
                        times.injectNull(0.5),
                        texts())
                .as((dumpId, position, source, url, captured, published, version) ->
                        new Origin(dumpId, position, source, url, captured, published, version));
    }

    private static AvroSerializer<SpecificRecord> serializer() {
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(new InMemorySchemaRegistryClient());
        serializer.configure(Map.of(), false);
        return serializer;
    }
}
