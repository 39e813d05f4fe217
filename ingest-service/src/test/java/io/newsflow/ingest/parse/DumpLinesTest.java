package io.newsflow.ingest.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DumpLinesTest {

    @Test
    void linesEndAtLfCrlfAndLoneCrAndAreNormalised() {
        assertEquals(
                List.of("a b", "", "c", "d", "", "e"),
                DumpLines.of(" a \t b\n\r\nc\rd\r\n\u00A0\ne", null).lines());
        assertEquals(List.of("", ""), DumpLines.of("\n", null).lines());
    }

    @Test
    void twoSpacesAreCollapsedWhereverTheyStand() {
        String latin1 = "abcdefghijklmnopq rstuvwxyz\n0123456789\u00e9ABCDEFG";
        for (String base : List.of(latin1, latin1 + "\n\u20ac")) { // the second is not Latin-1: scanned as chars
            for (int at = 0; at <= base.length(); at++) {
                String text = base.substring(0, at) + "  " + base.substring(at);
                List<String> normalised = Arrays.stream(text.split("\n", -1))
                        .map(LineNormalizer::line)
                        .toList();
                assertEquals(normalised, DumpLines.of(text, null).lines(), text);
                if (base == latin1) {
                    // As the reader hands it over: a range of a larger array, here between spaces.
                    byte[] bytes = ("  " + text + "  ").getBytes(StandardCharsets.ISO_8859_1);
                    assertEquals(
                            normalised,
                            DumpLines.of(text, new Latin1Text(bytes, 2, text.length()))
                                    .lines(),
                            text);
                }
            }
        }
    }

    @Test
    void controlCharactersOtherThanTabsAndFeedsAreCounted() {
        assertEquals(0, DumpLines.of("a\tb\fc\u000Bd\ne\r\n", null).controls());
        assertEquals(3, DumpLines.of("a\u0000b\u0001\nc\u001F", null).controls());
    }

    @Test
    void bytesAreCountedAsUtf8() {
        assertEquals(
                1 + 2 + 3 + 4 + 2,
                DumpLines.of("a\u00e9\u20ac\uD83D\uDE00\r\n", null).utf8Bytes());
        assertEquals(
                3 + 1 + 3,
                DumpLines.of("\uD83Dx\uDE00", null).utf8Bytes(),
                "a lone surrogate is counted as three bytes");
    }
}
