package io.newsflow.ingest.parse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whichever way the decoder takes, UTF-8 text comes out as the JDK decodes it, or rejected as TextCheck says. */
class TextDecoderTest {

    @Property(tries = 3000)
    void utf8TextDecodesAsTheJdkDecodesIt(@ForAll("texts") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
        String jdk = new String(bytes, StandardCharsets.UTF_8);
        String binary = TextCheck.binaryReason(jdk);
        assertEquals(binary, decoded.failure());
        assertEquals(binary == null ? jdk.startsWith("\uFEFF") ? jdk.substring(1) : jdk : null, decoded.text());
    }

    /** Mostly ASCII words and line ends, with Latin-1 letters and spaces, control characters, now and then another script. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        8,
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .withChars(' ', '.', ',')
                                .ofMinLength(1)
                                .ofMaxLength(30)),
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.of(
                                "\n", "\r\n", "\t", " ", "\u00A0", "\u00E9", "\u00FF", "\u0080", "\u00C0", "\u007F")),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                "\u0000",
                                "\u0001",
                                "\u001F",
                                "\u000B",
                                "\f",
                                "\uFEFF",
                                "\u2019",
                                "Ж",
                                "\uD83D\uDE00",
                                "\u0100")));
        return piece.list().ofMaxSize(60).map(p -> String.join("", p));
    }
}
