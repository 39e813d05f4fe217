package io.newsflow.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PercentilesTest {

    @Test
    void nearestRankOfAShuffledSample() {
        long[] values =
                LongStream.rangeClosed(1, 200).map(v -> (v * 37) % 200 + 1).toArray();
        assertEquals(new Percentiles(200, 100, 198, 200), Percentiles.of(values));
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertEquals(new Percentiles(1, 7, 7, 7), Percentiles.of(new long[] {7}));
    }

    @Test
    void anEmptySampleHasNoPercentiles() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new long[0]));
    }
}
