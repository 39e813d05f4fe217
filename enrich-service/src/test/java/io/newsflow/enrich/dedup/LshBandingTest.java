package io.newsflow.enrich.dedup;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LshBandingTest {

    private final DedupSettings settings = DedupSettings.defaults();
    private final LshBanding banding = new LshBanding(settings.bands(), settings.rows());

    @Test
    void sCurveCatchesJaccardOneHalfAlmostSurely() {
        StringBuilder curve = new StringBuilder("LSH S-curve, b=" + settings.bands() + " r=" + settings.rows() + ":");
        for (int i = 1; i <= 9; i++) {
            double s = i / 10.0;
            curve.append(String.format(" P(%.1f)=%.3f", s, banding.candidateProbability(s)));
        }
        System.out.println(curve);
        assertTrue(banding.candidateProbability(0.5) > 0.99, curve.toString());
        assertTrue(banding.candidateProbability(0.1) < 0.05, curve.toString());
    }

    @Test
    void identicalBandsGiveIdenticalKeysAndBandIndexIsPartOfTheKey() {
        int[] signature = new int[settings.numHashes()]; // all bands hold the same values
        long[] keys = banding.bandKeys(signature);
        assertEquals(settings.bands(), keys.length);
        assertEquals(settings.bands(), java.util.Arrays.stream(keys).distinct().count());
        assertEquals(16, LshBanding.keyString(keys[0]).length());
    }
}
