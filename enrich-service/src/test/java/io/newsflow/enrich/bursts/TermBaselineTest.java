package io.newsflow.enrich.bursts;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TermBaselineTest {

    @Test
    void bytesRoundTrip() {
        TermBaseline b = new TermBaseline(0.125, -0.5, 0.25, 3.5, 1_709_510_400_000L, true, 1_709_514_000_000L);
        assertEquals(49, b.toBytes().length);
        assertEquals(b, TermBaseline.fromBytes(b.toBytes()));
        assertEquals(TermBaseline.NEW, TermBaseline.fromBytes(TermBaseline.NEW.toBytes()));
    }

    @Test
    void readsABaselineStoredBeforeEarlyAlertsAsOneWithNoAlertedWindow() {
        byte[] cycle = ByteBuffer.allocate(41)
                .putDouble(2.5)
                .putDouble(-0.5)
                .putDouble(0.25)
                .putDouble(1.5)
                .putLong(1_709_510_400_000L)
                .put((byte) 1)
                .array();
        assertEquals(
                new TermBaseline(2.5, -0.5, 0.25, 1.5, 1_709_510_400_000L, true, TermBaseline.NEVER),
                TermBaseline.fromBytes(cycle));
    }

    @Test
    void readsTheFirstReleasesFlatBaselineAsOneWithNoDailySwingYet() {
        byte[] flat = ByteBuffer.allocate(25)
                .putDouble(2.5)
                .putDouble(1.5)
                .putLong(1_709_510_400_000L)
                .put((byte) 1)
                .array();
        assertEquals(
                new TermBaseline(2.5, 0, 0, 1.5, 1_709_510_400_000L, true, TermBaseline.NEVER),
                TermBaseline.fromBytes(flat));
    }
}
