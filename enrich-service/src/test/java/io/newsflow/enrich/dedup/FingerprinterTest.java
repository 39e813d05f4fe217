package io.newsflow.enrich.dedup;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprinterTest {

    static final String HEADLINE = "ZSE indices up, Agrokor shares in focus of investor interest";
    static final String SUMMARY =
            "The Zagreb Stock Exchange (ZSE) indices on Friday rose by more than 1.8%, with stocks of "
                    + "the Agrokor food and retail concern being in the focus of investor interest again.";

    private final DedupSettings settings = DedupSettings.defaults();

    @Test
    void contentHashIsHexSha256OfTheNormalisedText() {
        // value from `printf 'zse indices up agrokor shares in focus' | sha256sum`
        assertEquals(
                "5d77444264435cfbe6878b930a5c458ff70c9ce4f4a85efbe814d8ea1fb1e71c",
                new Fingerprinter(settings)
                        .fingerprint("UPDATE 1-ZSE indices up, Agrokor shares in focus", "")
                        .contentHash());
    }

    @Test
    void sameTextGivesSameSignatureAndBandsOnEveryInstance() {
        Fingerprinter one = new Fingerprinter(settings);
        Fingerprinter two = new Fingerprinter(DedupSettings.defaults());
        ContentFingerprint a = one.fingerprint(HEADLINE, SUMMARY);
        ContentFingerprint b = two.fingerprint(HEADLINE, SUMMARY);
        assertEquals(settings.numHashes(), a.signature().length);
        assertArrayEquals(a.signature(), b.signature());
        assertArrayEquals(one.lookupKeys(a), two.lookupKeys(b));
        assertEquals(settings.bands() + 1, one.lookupKeys(a).length);
    }

    /**
     * Pinned values: band keys are Kafka keys and signatures live in state stores, so a change of
     * seed or hash function must be a deliberate, versioned change (DedupSettings.version()), never
     * an accident of a refactoring.
     */
    @Test
    void signatureAndBandKeysAreStableAcrossRuns() {
        Fingerprinter fingerprinter = new Fingerprinter(settings);
        ContentFingerprint fingerprint = fingerprinter.fingerprint(HEADLINE, SUMMARY);
        assertEquals(
                PINNED_FIRST_VALUES,
                String.format(
                        "%08x %08x %08x",
                        fingerprint.signature()[0],
                        fingerprint.signature()[1],
                        fingerprint.signature()[2]));
        assertEquals(PINNED_FIRST_BAND, LshBanding.keyString(fingerprinter.lookupKeys(fingerprint)[0]));
    }

    static final String PINNED_FIRST_VALUES = "04cfa8fc 0103c57e 03586e7a";
    static final String PINNED_FIRST_BAND = "7257f30cbaf49f62";

    @Test
    void minhashBytesAreBigEndian32BitValues() {
        ContentFingerprint fingerprint = new Fingerprinter(settings).fingerprint(HEADLINE, SUMMARY);
        byte[] bytes = fingerprint.minhashBytes();
        assertEquals(4 * settings.numHashes(), bytes.length);
        int first = fingerprint.signature()[0];
        assertEquals((byte) (first >>> 24), bytes[0]);
        assertEquals((byte) first, bytes[3]);
        assertArrayEquals(fingerprint.signature(), ContentFingerprint.signatureFromBytes(bytes));
    }

    @Test
    void textWithoutWordsHasAnEmptySignatureAndOnlyTheExactKey() {
        Fingerprinter fingerprinter = new Fingerprinter(settings);
        ContentFingerprint empty = fingerprinter.fingerprint("", " -- ");
        assertEquals(0, empty.signature().length);
        assertEquals(0, empty.shingles());
        assertEquals(1, fingerprinter.lookupKeys(empty).length);
    }

    /** MinHash is an estimator of Jaccard: with 128 hashes its standard error is at most 0.045. */
    @Property(tries = 30)
    void estimatedJaccardIsCloseToTheTrueJaccard(@ForAll @IntRange(min = 0, max = 40) int changed, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            words.add("w" + random.nextInt(1_000_000));
        }
        List<String> edited = new ArrayList<>(words);
        for (int i = 0; i < changed; i++) {
            edited.set(random.nextInt(edited.size()), "x" + random.nextInt(1_000_000));
        }
        DedupSettings unigramsOnly = settings.withShingles(1, false);
        Fingerprinter fingerprinter = new Fingerprinter(unigramsOnly);
        double estimate = fingerprinter
                .fingerprint("", String.join(" ", words))
                .estimatedJaccard(fingerprinter.fingerprint("", String.join(" ", edited)));
        Set<String> union = new HashSet<>(words);
        union.addAll(edited);
        Set<String> common = new HashSet<>(words);
        common.retainAll(new HashSet<>(edited));
        double exact = (double) common.size() / union.size();
        assertTrue(Math.abs(estimate - exact) < 0.2, "estimate " + estimate + " vs exact " + exact);
    }
}
