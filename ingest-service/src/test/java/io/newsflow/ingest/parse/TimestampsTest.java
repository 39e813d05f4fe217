package io.newsflow.ingest.parse;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shortcut for plain UTC times gives what the formatter gives, and rejects what it rejects. */
class TimestampsTest {

    @Test
    void everyDayOfLeapAndCommonYearsAtEveryFractionLength() {
        List<String> values = new ArrayList<>();
        for (int year : new int[] {1900, 1970, 2000, 2016, 2017, 2100, 9999}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    values.add(String.format("%04d-%02d-%02dT23:59:59Z", year, month, day));
                }
            }
        }
        String fraction = "123456789";
        for (int digits = 0; digits <= 10; digits++) {
            values.add("2017-04-07T10:15:30." + (fraction + "0").substring(0, digits) + "Z");
        }
        for (String v : List.of(
                "2017-04-07T24:00:00Z",
                "2017-04-07T23:60:00Z",
                "2017-04-07T23:59:60Z",
                "2017-04-07T10:15Z",
                "2017-04-07T10:15:30z",
                "2017-04-07 10:15:30Z",
                "+2017-04-07T10:15:30Z",
                "2017-04-07T10:15:30+00:00",
                "2017-04-07T1O:15:30Z",
                "2017-04-07T10:15:30,5Z",
                "2017-04-07T10:15:30.5.Z",
                "2017-04-07",
                "2017-04-07T10:15:30")) {
            values.add(v);
        }
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            char[] c = "2017-04-07T10:15:30.123Z".toCharArray();
            c[random.nextInt(c.length)] = "0123456789-:.TZ x".charAt(random.nextInt(17));
            values.add(new String(c));
        }
        for (String v : values) {
            assertEquals(outcome(() -> Timestamps.formatted(v)), outcome(() -> Timestamps.parse(v)), v);
        }
    }

    private static String outcome(ParseCall call) {
        try {
            return call.parse().toString();
        } catch (DateTimeParseException e) {
            return "rejected";
        }
    }

    private interface ParseCall {
        Instant parse();
    }
}
