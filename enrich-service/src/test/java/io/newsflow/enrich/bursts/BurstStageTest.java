package io.newsflow.enrich.bursts;

import io.newsflow.avro.AlertSample;
import io.newsflow.avro.Brief;
import io.newsflow.avro.BurstAlert;
import io.newsflow.avro.Origin;
import io.newsflow.avro.TermKind;
import io.newsflow.enrich.EnrichDriver;
import io.newsflow.enrich.tagging.Tagger;
import io.newsflow.schemas.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Burst detection on TopologyTestDriver, in the topology the service runs, with the default settings. */
class BurstStageTest {
    private static final Instant T0 = Instant.parse("2017-04-06T00:00:00Z");
    /** Past the one-day warm-up: 06:00 the next day. */
    private static final Instant SPIKE_START = T0.plus(Duration.ofHours(30));
    /** Distinct briefs that all name Agrokor: the background mentions. */
    private static final String[][] BACKGROUND = {
        {
            "Agrokor bonds fall on Frankfurt market",
            "Bonds issued by the Agrokor food group lost value on the Frankfurt market on Thursday as investors worried about the group's debt."
        },
        {
            "Agrokor supplier association asks for talks",
            "An association of small suppliers said on Thursday it wanted a meeting with Agrokor management about unpaid invoices from last year."
        },
        {
            "Konzum stores open as usual, says Agrokor",
            "Agrokor said on Thursday that all of its Konzum supermarkets were open and well stocked despite media reports of empty shelves."
        },
        {
            "Slovenian retailer Mercator comments on Agrokor ownership",
            "Mercator, the Slovenian retail chain majority owned by Agrokor, said its own operations were financially independent of the Croatian parent."
        },
        {
            "Moody's downgrades Agrokor rating further",
            "Rating agency Moody's cut its credit rating for Agrokor by one more notch, citing the risk that the company could default on its loans."
        },
        {
            "Agrokor hires restructuring adviser",
            "The Agrokor concern has hired the consultancy Alvarez and Marsal to advise it on a financial restructuring, the company said in a statement."
        },
        {
            "Sberbank says it is ready to talk with Agrokor",
            "Russia's Sberbank, one of the largest creditors of Agrokor, said on Friday that it remained open to negotiations on a standstill agreement."
        },
        {
            "Ledo ice cream maker unaffected, Agrokor unit says",
            "The ice cream producer Ledo, part of the Agrokor group, said its production lines kept running normally and exports were not affected."
        },
        {
            "Agrokor workers' union seeks guarantees on wages",
            "Trade unions representing Agrokor employees asked the government on Friday for guarantees that March salaries would be paid on time."
        },
        {
            "Bosnian farmers worry about Agrokor debts",
            "Dairy farmers in Bosnia and Herzegovina said they had not been paid for milk delivered to Agrokor companies for more than three months."
        },
        {
            "Agrokor shares suspended on Zagreb bourse",
            "Trading in shares of several Agrokor companies was suspended on Friday morning pending an announcement by the group."
        },
        {
            "Serbian branch of Agrokor reassures buyers",
            "The Serbian subsidiaries of Agrokor, including the Idea retail chain, said deliveries to their shops continued without interruption."
        },
        {
            "Opposition demands parliamentary debate on Agrokor",
            "Opposition parties in the Croatian parliament called for an urgent debate on the situation in Agrokor and its effect on the economy."
        },
        {
            "Agrokor founder Todoric speaks about crisis",
            "Agrokor founder and owner Ivica Todoric told reporters that the company would overcome its problems and keep all of its workers."
        },
        {
            "Central bank governor comments on Agrokor exposure",
            "The governor of the Croatian National Bank said the country's banks had set aside enough provisions to cover their exposure to Agrokor."
        },
        {
            "Jamnica water bottler part of Agrokor talks",
            "The mineral water bottler Jamnica, owned by Agrokor, was listed among the companies covered by the planned creditor standstill."
        },
        {
            "Tourism sector watches Agrokor situation",
            "Hotel owners on the Adriatic coast said they were watching the Agrokor situation closely because the group supplies many of them with food."
        },
        {
            "Agrokor debt estimated at over six billion euros",
            "Analysts estimated on Saturday that the total debt of the Agrokor group, including liabilities to suppliers, exceeded six billion euros."
        },
        {
            "Belje agricultural company keeps harvest plans",
            "Belje, the agricultural arm of Agrokor in eastern Croatia, said spring sowing would go ahead as planned on all of its estates."
        },
    };
    /** Six different stories within four minutes: the burst. */
    private static final String[][] SPIKE = {
        {
            "Government appoints emergency administrator for Agrokor",
            "The Croatian government on Monday appointed Ante Ramljak as emergency administrator of Agrokor under the new law on vitally important companies."
        },
        {
            "Zagreb court approves Agrokor restructuring request",
            "A commercial court in Zagreb approved the request of Agrokor to start an extraordinary administration procedure, ending the week of uncertainty."
        },
        {
            "Todoric hands control of Agrokor to state-backed manager",
            "Ivica Todoric said he had signed the papers handing management of Agrokor to an administrator, a step he had resisted for weeks."
        },
        {
            "Creditor banks welcome Agrokor administration",
            "Banks that lent to Agrokor said they welcomed the start of the administration and expected a quick agreement on fresh liquidity."
        },
        {
            "Agrokor suppliers relieved by emergency law",
            "Suppliers waiting for payment from Agrokor said the appointment of an administrator gave them hope of recovering at least part of their claims."
        },
        {
            "Markets react to Agrokor takeover by administrator",
            "Zagreb stocks rose on Monday after the news that an emergency administrator had taken over Agrokor, with retail shares leading gains."
        },
    };

    private static Tagger tagger;

    @TempDir
    Path stateDir;

    private EnrichDriver enrich;
    private TopologyTestDriver driver;
    private Topics topics;
    private TestInputTopic<String, Brief> briefs;

    @BeforeAll
    static void loadTagger() {
        tagger = Tagger.createDefault();
    }

    @BeforeEach
    void start() {
        use(EnrichDriver.start(stateDir, tagger));
    }

    private void use(EnrichDriver started) {
        enrich = started;
        driver = enrich.driver();
        topics = enrich.topics();
        briefs = enrich.briefsInput();
    }

    @AfterEach
    void stop() {
        enrich.close();
    }

    @Test
    void keywordMentionedSteadilyForADayAndAHalfNeverFires() {
        for (int i = 0; i < BACKGROUND.length; i++) {
            pipe("steady-" + i, BACKGROUND[i], T0.plus(Duration.ofHours(2L * i)));
        }
        closeWindowsUntil(T0.plus(Duration.ofHours(2L * BACKGROUND.length + 2)));
        assertEquals(List.of(), alerts());
        assertEquals(0.0, enrich.streamsMetric("burst-alerts-total"));
    }

    /**
     * Agrokor is usual at about 0.2 a window: three stories score below the fire threshold, the fourth
     * crosses, and the alert goes out with it, its window still open, the count so far and the
     * detection time the fourth story's event time. The window, final three hours of stream time later,
     * and those after it, do not alert again.
     */
    @Test
    void sixStoriesWithinMinutesAfterADayOfOccasionalMentionsAlertOnceAtTheFourth() {
        List<TestRecord<String, BurstAlert>> all = spikeAfterBackground(false);
        TestRecord<String, BurstAlert> record = agrokorAlertOf(all);
        BurstAlert alert = record.value();
        Instant fourth = SPIKE_START.plusSeconds(40 * 3);
        assertEquals(4, alert.getCount(), "the count when the fourth story came in: " + alert);
        assertEquals(fourth, alert.getDetectedAt());
        assertEquals(fourth, record.getRecordTime(), "an alert's record timestamp is its detection time");
        assertEquals(
                SPIKE_START.minus(Duration.ofMinutes(55)),
                alert.getWindowStart(),
                "the first window holding the spike");
        assertTrue(alert.getWindowEnd().isAfter(fourth), "alerted before the window closed: " + alert);
        assertTrue(alert.getBaselineMean() > 0 && alert.getBaselineMean() < 1, "one mention per 4 h: " + alert);
        assertTrue(alert.getScore() >= 3.5, alert.toString());
        assertEquals(TermKind.KEYWORD, alert.getKind());
        assertEquals(
                List.of("spike-0", "spike-1", "spike-2", "spike-3"),
                alert.getSamples().stream().map(AlertSample::getItemId).toList(),
                "the stories so far, earliest first");
        assertEquals(SPIKE[0][0], alert.getSamples().get(0).getHeadline());
        assertEquals(
                all.size(),
                (int) enrich.streamsMetric("burst-alerts-total"),
                "each alert (the keyword's, its topic's, ...) counted once: " + all);
    }

    @Test
    void duplicatesOfTheSpikeBriefsDoNotInflateTheCount() {
        BurstAlert alert = agrokorAlertOf(spikeAfterBackground(true)).value();
        assertEquals(4, alert.getCount());
        assertEquals(
                SPIKE_START.plusSeconds(40 * 3), alert.getDetectedAt(), "the fourth story, not the second one's copy");
    }

    /** The same briefs in the same order into a fresh enrich-service give the same alerts, timestamps included. */
    @Test
    void replayingTheSameInputGivesTheSameAlerts(@TempDir Path replayDir) {
        List<TestRecord<String, BurstAlert>> first = spikeAfterBackground(false);
        enrich.close();
        use(EnrichDriver.start(replayDir, tagger));
        List<TestRecord<String, BurstAlert>> replay = spikeAfterBackground(false);
        assertFalse(first.isEmpty());
        assertEquals(first, replay);
    }

    /**
     * A story from a late dump (within grace) completes the spike: it counts, and the alert's detection
     * time is the stream time it arrived at, not its own earlier event time, so the alert does not claim
     * to have known before the evidence was in.
     */
    @Test
    void aLateStoryThatCompletesTheSpikeAlertsAtTheStreamTimeItArrivedAt() {
        background();
        for (int i = 0; i < 3; i++) {
            pipe("spike-" + i, SPIKE[i], SPIKE_START.plusSeconds(40L * i));
        }
        Instant streamTime = SPIKE_START.plus(Duration.ofMinutes(6));
        closeWindowsUntil(streamTime);
        assertEquals(List.of(), alerts(), "three stories are not a burst yet");
        pipe("spike-late", SPIKE[3], SPIKE_START.plusSeconds(120));
        BurstAlert alert = agrokorAlertOf(burstOutput().readRecordsToList()).value();
        assertEquals(4, alert.getCount());
        assertEquals(streamTime, alert.getDetectedAt());
        assertEquals("spike-late", alert.getSamples().get(3).getItemId());
    }

    /** Agrokor once every 4 h for 28 h, past the one-day warm-up. */
    private void background() {
        for (int i = 0; i < 8; i++) {
            pipe("background-" + i, BACKGROUND[i], T0.plus(Duration.ofHours(4L * i)));
        }
    }

    /**
     * {@link #background}, then six stories 40 s apart, all in one 5-minute hop; each spike story twice
     * when {@code twice}. Stream time then moves three hours on, so every window holding them is final.
     */
    private List<TestRecord<String, BurstAlert>> spikeAfterBackground(boolean twice) {
        background();
        for (int i = 0; i < SPIKE.length; i++) {
            pipe("spike-" + i, SPIKE[i], SPIKE_START.plusSeconds(40L * i));
            if (twice) {
                pipe("spike-" + i + "-again", SPIKE[i], SPIKE_START.plusSeconds(40L * i + 20));
            }
        }
        closeWindowsUntil(SPIKE_START.plus(Duration.ofHours(3)));
        return burstOutput().readRecordsToList();
    }

    private TestOutputTopic<String, BurstAlert> burstOutput() {
        return driver.createOutputTopic(
                Topics.BURSTS_NAME,
                new StringDeserializer(),
                topics.bursts.valueSerde().deserializer());
    }

    private static TestRecord<String, BurstAlert> agrokorAlertOf(List<TestRecord<String, BurstAlert>> alerts) {
        List<TestRecord<String, BurstAlert>> agrokor =
                alerts.stream().filter(r -> r.key().equals("Agrokor")).toList();
        assertEquals(1, agrokor.size(), "one alert for the whole burst: " + alerts);
        return agrokor.get(0);
    }

    private List<BurstAlert> alerts() {
        return burstOutput().readValuesToList();
    }

    private void pipe(String id, String[] text, Instant at) {
        Brief brief = Brief.newBuilder()
                .setId(id)
                .setHeadline(text[0])
                .setSummary(text[1])
                .setSection("Latest news")
                .setOrigin(Origin.newBuilder()
                        .setDumpId("dump-" + id)
                        .setPosition(1)
                        .setCapturedAt(at)
                        .setParserVersion("1")
                        .build())
                .build();
        briefs.pipeInput(id, brief, at);
        // Lets dedup's idle flush release the brief, as it would between dumps.
        driver.advanceWallClockTime(Duration.ofSeconds(5));
    }

    /** An unrelated brief moves stream time on, so every window ending (plus grace) before {@code at} is final. */
    private void closeWindowsUntil(Instant at) {
        pipe(
                "clock",
                new String[] {
                    "Berlin police defend handling of market attacker",
                    "Berlin police defended themselves on Friday against accusations that they stopped surveillance on the attacker."
                },
                at);
    }
}
