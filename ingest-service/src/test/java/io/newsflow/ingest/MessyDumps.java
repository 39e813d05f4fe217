package io.newsflow.ingest;

import java.util.Random;

import static io.newsflow.ingest.DumpRecordsDigestTest.pick;

/**
 * Seeded dumps with what scraped pages hold: header blocks with good and bad times, non-Latin scripts,
 * decomposed accents, odd spaces and line endings, BOMs, control characters and NULs.
 */
final class MessyDumps {
    private static final String[] WORDS = {
        "Agrokor",
        "creditors",
        "said",
        "Monday",
        "the",
        "of",
        "Aleppo",
        "Syria's",
        "Агрокор",
        "новости",
        "الأسد",
        "克罗地亚",
        "Café",
        "Cafe\u0301",
        "A\u030a",
        "al-Assad",
        "\"We",
        "welcome\"",
        "'Cut",
        "me out'",
        "Dalic:",
        "(Reuters)",
        "-",
        "—",
        "ZAGREB,",
        "2017",
        "?",
        "!",
        "...",
        "…",
        "。",
        "’s",
        "«quoted»",
        "😀"
    };
    private static final String[] SPACES = {" ", " ", " ", " ", "  ", "\t", "\u00A0", " \u3000", "\u2009", " \u00A0 "};
    private static final String[] ENDS = {"", "", ".", ".", ".", "?", "!", ":", "\"", ".'", ".”", "…"};
    private static final String[] SPECIAL = {
        "Latest news",
        "LATEST NEWS",
        "More news",
        "Related news:",
        "Most read",
        "Top stories",
        "Последние новости",
        "\uFEFF",
        "  ",
        "",
        "x\u0001y",
        "\u000bvertical\u000ctabs"
    };
    private static final String[] TIMES = {
        "2017-04-07T10:15:30Z",
        "2017-04-07T10:15:30.123Z",
        "2017-04-07T10:15:30.123456789Z",
        "2017-04-07T10:15:30.1Z",
        "2017-04-07 10:15:30",
        "2017-04-07T10:15:30",
        "2017-04-07",
        "2017-04-07T10:15:30+02:00",
        "2017-04-07T10:15:30-05:30",
        "2017-04-07T10:15:30z",
        "2017-13-07T10:15:30Z",
        "2017-02-29T10:00:00Z",
        "2016-02-29T10:00:00Z",
        "2017-04-07T24:00:00Z",
        "2017-04-07T10:15:60Z",
        "2017-04-07T10:15Z",
        "not a time",
        "2017-04-07T10:15:30.Z",
        "2017-04-07T10:15:30.1234567890Z",
        "+2017-04-07T10:15:30Z",
        "2017-04-07T10:15:30Z[Europe/Zagreb]",
        "2017-4-7T10:15:30Z",
        "2017-04-07T10:15:30Z "
    };

    private MessyDumps() {}

    static String dump(Random random) {
        StringBuilder out = new StringBuilder();
        String eol = pick(random, "\n", "\n", "\r\n", "\r");
        if (random.nextInt(4) > 0) {
            out.append(pick(random, "", "\uFEFF", "\n"));
            out.append("Source:")
                    .append(pick(random, " Hina", "", "  Reuters "))
                    .append(eol);
            if (random.nextBoolean()) {
                out.append("URL: https://news.example/")
                        .append(random.nextInt(1000))
                        .append(eol);
            }
            out.append(pick(random, "Captured: ", "captured:", "Published: "))
                    .append(pick(random, TIMES))
                    .append(eol);
            if (random.nextInt(3) == 0) {
                out.append("Published: ").append(pick(random, TIMES)).append(eol);
            }
            if (random.nextInt(4) == 0) {
                out.append("Title: ").append(sentence(random, 6)).append(eol);
            }
            out.append(eol);
        }
        if (random.nextInt(50) == 0) {
            out.append("binary\u0000data").append(eol);
        }
        if (random.nextInt(30) == 0) {
            out.append("\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008").append(eol);
        }
        int lines = random.nextInt(40);
        for (int i = 0; i < lines; i++) {
            out.append(
                    random.nextInt(6) == 0
                            ? pick(random, SPECIAL)
                            : sentence(random, 1 + random.nextInt(random.nextInt(8) == 0 ? 200 : 30)));
            out.append(pick(random, eol, eol, eol + eol, eol + " \t" + eol, eol + eol + eol));
        }
        return out.toString();
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder(pick(random, "", "", " ", "\t", "\u00A0"));
        String space = pick(random, SPACES);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                s.append(random.nextInt(10) == 0 ? pick(random, SPACES) : space);
            }
            s.append(random.nextInt(3) == 0 ? pick(random, WORDS) : word(random));
        }
        return s.append(pick(random, ENDS))
                .append(pick(random, "", "", "", " ", "\t", "\u00A0"))
                .toString();
    }

    private static String word(Random random) {
        char[] c = new char[1 + random.nextInt(10)];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) ((i == 0 && random.nextBoolean() ? 'A' : 'a') + random.nextInt(26));
        }
        return new String(c);
    }
}
