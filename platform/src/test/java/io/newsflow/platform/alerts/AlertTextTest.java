package io.newsflow.platform.alerts;

import io.newsflow.avro.AlertSample;
import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.TermKind;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertTextTest {
    static BurstAlert alert(List<AlertSample> samples) {
        return BurstAlert.newBuilder()
                .setKeyword("Agrokor")
                .setKind(TermKind.KEYWORD)
                .setWindowStart(Instant.parse("2017-04-07T10:00:00Z"))
                .setWindowEnd(Instant.parse("2017-04-07T11:00:00Z"))
                .setCount(6)
                .setBaselineMean(0.4)
                .setBaselineStddev(0.5)
                .setScore(8.12)
                .setSamples(samples)
                .build();
    }

    @Test
    void oneReadableLineWithHeadlines() {
        BurstAlert alert = alert(List.of(
                new AlertSample("a", "Croatia tailors emergency\nmeasures"),
                new AlertSample("b", null),
                new AlertSample("c", "Agrokor creditors meet"),
                new AlertSample("d", "Third"),
                new AlertSample("e", "Fourth is left out")));
        assertEquals(
                "Burst: \"Agrokor\" (keyword) 6 mentions in 2017-04-07 10:00-11:00 UTC, usual 0.4, score 8.1; "
                        + "e.g. \"Croatia tailors emergency measures\", \"Agrokor creditors meet\", \"Third\"",
                AlertText.line(alert));
    }

    /** tail --text prints this line to a terminal: a headline must not be able to send it escape sequences. */
    @Test
    void controlCharactersInHeadlinesAreNotPrintedRaw() {
        BurstAlert alert = alert(List.of(new AlertSample("a", "Clear\u001b[2J\u001b]0;owned\u0007 screen\u009b31m")));
        alert.setKeyword("Agro\u001b[31mkor");
        String line = AlertText.line(alert);
        assertTrue(line.chars().noneMatch(Character::isISOControl), line);
        assertTrue(line.contains("\"Clear\uFFFD[2J\uFFFD]0;owned\uFFFD screen\uFFFD31m\""), line);
    }

    @Test
    void noSamplesNoExamplesAndLongWindowsShowBothDates() {
        BurstAlert alert = alert(List.of());
        alert.setKind(TermKind.COUNTRY);
        alert.setWindowEnd(Instant.parse("2017-04-09T10:00:00Z"));
        assertEquals(
                "Burst: \"Agrokor\" (country) 6 mentions in 2017-04-07 10:00-2017-04-09 10:00 UTC, usual 0.4, score 8.1",
                AlertText.line(alert));
    }

    @Test
    void anAlertFromBeforeItsWindowClosedSaysByWhen() {
        BurstAlert alert = alert(List.of());
        alert.setDetectedAt(Instant.parse("2017-04-07T10:07:30Z"));
        assertEquals(
                "Burst: \"Agrokor\" (keyword) 6 mentions in 2017-04-07 10:00-11:00 UTC by 10:07, usual 0.4, score 8.1",
                AlertText.line(alert));
        alert.setDetectedAt(Instant.parse("2017-04-07T11:10:00Z"));
        assertEquals(
                "Burst: \"Agrokor\" (keyword) 6 mentions in 2017-04-07 10:00-11:00 UTC, usual 0.4, score 8.1",
                AlertText.line(alert),
                "raised when the window was final: the count is the window's");
    }

    /** tail decodes with the writer schema into generic records, timestamps as longs: same line. */
    @Test
    void genericRecordsGiveTheSameLine() throws IOException {
        BurstAlert alert = alert(List.of(new AlertSample("a", "Agrokor creditors meet")));
        alert.setDetectedAt(Instant.parse("2017-04-07T10:07:30Z"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(BurstAlert.getClassSchema()).write(alert, encoder);
        encoder.flush();
        GenericRecord generic = new GenericDatumReader<GenericRecord>(
                        BurstAlert.getClassSchema(), BurstAlert.getClassSchema(), new GenericData())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertTrue(AlertText.isAlert(generic));
        assertEquals(AlertText.line(alert), AlertText.line(generic));
        assertFalse(AlertText.isAlert(new AlertSample("a", "not an alert")));
        assertFalse(AlertText.isAlert("undecodable: bad bytes"));
    }
}
