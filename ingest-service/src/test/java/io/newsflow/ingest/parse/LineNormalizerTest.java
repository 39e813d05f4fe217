package io.newsflow.ingest.parse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The normaliser's fast paths give what its definition says. */
class LineNormalizerTest {

    @Property(tries = 2000)
    void anyLineIsNormalisedAsDefined(@ForAll("scraped") String line) {
        assertEquals(definition(line), LineNormalizer.line(line));
    }

    @Property(tries = 300)
    void anyStringIsNormalisedAsDefined(@ForAll String line) {
        assertEquals(definition(line), LineNormalizer.line(line));
    }

    /** Byte order marks dropped, whitespace runs one space, trimmed, then NFC. */
    private static String definition(String s) {
        StringBuilder out = new StringBuilder();
        boolean pendingSpace = false;
        for (char c : s.toCharArray()) {
            if (LineNormalizer.isSpace(c)) {
                pendingSpace |= out.length() > 0;
            } else if (c != '\uFEFF') {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** Mostly ASCII words, with the spaces, marks and scripts scraped text holds. */
    @Provide
    Arbitrary<String> scraped() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8),
                Arbitraries.of(
                        " ",
                        "  ",
                        "\t",
                        "\u00A0",
                        "\u2009",
                        "\u3000",
                        "\u2000",
                        "\uFEFF",
                        "\u000B",
                        "\u001F",
                        "\u0085",
                        "\u0301",
                        "e\u0301",
                        "A\u030A",
                        "\u212B",
                        "\u1100\u1161",
                        "Агрокор",
                        "الأسد",
                        "克罗地亚",
                        "\uD83D\uDE00",
                        "\uD83D",
                        "’",
                        "…",
                        "\u007F",
                        "\u00E9"));
        return piece.list().ofMaxSize(25).map(p -> String.join("", p));
    }
}
