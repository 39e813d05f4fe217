package io.newsflow.enrich.dedup;

import io.newsflow.avro.Brief;
import io.newsflow.avro.Origin;
import io.newsflow.avro.internal.IngestedItem;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.testing.InMemorySchemaRegistryClient;
import io.newsflow.serde.AvroSerdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dedup task starting on stored state, with real RocksDB stores: the band index has no changelog, so
 * a new instance rebuilds it from the stored fingerprints, a step per decide budget.
 */
class DedupProcessorStartTest {
    private static final long T0 = Instant.parse("2017-04-07T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;
    /** One entry per load step. */
    private static final Duration TINY_BUDGET = Duration.ofNanos(1);

    @TempDir
    Path stateDir;

    private MockProcessorContext<String, ShardAnswer> context;
    private final Map<String, StateStore> stores = new HashMap<>();

    @BeforeEach
    void openStores() {
        newContext();
        for (String name : DedupStores.NAMES) {
            open(name);
        }
    }

    /** The context of a task (instance) starting on the stores as they are: no punctuations of earlier ones. */
    private void newContext() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-start-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        context = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile());
        context.setCurrentSystemTimeMs(T0);
        stores.values().forEach(context::addStateStore);
    }

    private void open(String name) {
        for (StoreBuilder<?> builder : DedupStores.builders(
                Duration.ofDays(7),
                new DedupWire(AvroSerdes.specific(
                        new InMemorySchemaRegistryClient(),
                        IngestedItem.class,
                        Map.of(NewsflowConfig.REGISTRY_URL, "http://unused.invalid"))))) {
            if (builder.name().equals(name)) {
                StateStore store =
                        builder.withLoggingDisabled().withCachingDisabled().build();
                store.init(context.getStateStoreContext(), store);
                context.addStateStore(store);
                stores.put(name, store);
            }
        }
    }

    @AfterEach
    void closeStores() {
        stores.values().forEach(StateStore::close);
    }

    @Test
    void aNewInstanceDecidesNothingUntilItsBandIndexIsRebuiltAndRedoesARebuildLeftHalfWay() throws IOException {
        DedupProcessor first = processor();
        first.init(context);
        for (int i = 1; i <= 3; i++) {
            first.process(record(brief("a" + i, STORIES[i - 1][0], STORIES[i - 1][1]), T0 + i * MINUTE));
        }
        punctuateUntilQuiet();
        assertEquals(
                List.of(false, false, false),
                context.forwarded().stream()
                        .map(f -> f.record().value().neighbour().isPresent())
                        .toList());
        first.close();

        // A new instance: the changelogged stores come back, the band index does not.
        stores.remove(StreamsDedupStore.ENTRIES).close();
        Utils.delete(stateDir.resolve(StreamsDedupStore.ENTRIES).toFile());
        open(StreamsDedupStore.ENTRIES);
        newContext();
        DedupProcessor stopped = processor();
        stopped.init(context); // rebuilds one entry of three, then the instance stops
        stopped.close();
        assertTrue(Files.exists(stateDir.resolve(StreamsDedupStore.ENTRIES + ".rebuilding")));

        // The next start finds a band index that is not empty, but not whole either.
        newContext();
        DedupProcessor next = processor();
        next.init(context);
        next.process(record(
                brief("a3-edited", STORIES[2][0], STORIES[2][1].replace("in the field", "in the area")),
                T0 + 4 * MINUTE));
        // Two items earlier than those decided before the restart: late, both of them.
        next.process(record(brief("late-1", LATE[0][0], LATE[0][1]), T0 - 2 * MINUTE));
        next.process(record(brief("late-2", LATE[1][0], LATE[1][1]), T0 - MINUTE));
        idleCheck();
        assertTrue(context.forwarded().isEmpty(), "nothing is decided on a half-loaded index");

        punctuateUntilQuiet();
        List<ShardAnswer> verdicts = context.forwarded().stream()
                .<ShardAnswer>map(f -> f.record().value())
                .toList();
        assertEquals(
                List.of("late-1", "late-2", "a3-edited"),
                context.forwarded().stream().map(f -> f.record().key()).toList());
        assertEquals(
                List.of(true, true, false),
                verdicts.stream().map(ShardAnswer::late).toList());
        assertEquals(
                "a3",
                verdicts.get(2).neighbour().orElseThrow().match().original().id());
        assertFalse(Files.exists(stateDir.resolve(StreamsDedupStore.ENTRIES + ".rebuilding")));
    }

    @Test
    void aRestartedShardStillKnowsWhatItIndexedWithoutAMarkerPerItem() throws IOException {
        DedupProcessor first = processor();
        first.init(context);
        first.process(record(brief("a1", STORIES[0][0], STORIES[0][1]), T0 + MINUTE));
        first.process(record(
                brief("a1-edited", STORIES[0][0], STORIES[0][1].replace("on Friday", "on Fri")), T0 + 2 * MINUTE));
        punctuateUntilQuiet();
        assertEquals(
                "a1",
                context.forwarded()
                        .get(1)
                        .record()
                        .value()
                        .neighbour()
                        .orElseThrow()
                        .match()
                        .original()
                        .id(),
                "the edit is a near duplicate of a1");
        first.close();
        assertEquals(0, count(StreamsDedupStore.ORIGINALS, "a1-edited"), "no per-item marker for items in time");

        // A new instance: the changelogged stores come back, the band index does not.
        stores.remove(StreamsDedupStore.ENTRIES).close();
        Utils.delete(stateDir.resolve(StreamsDedupStore.ENTRIES).toFile());
        open(StreamsDedupStore.ENTRIES);
        newContext();
        DedupProcessor restarted = processor();
        restarted.init(context);
        // The same id again, later: an exact copy, which the decider names by id. Taken for a new item,
        // it would be searched (and find a1) and indexed a second time.
        restarted.process(record(
                brief("a1-edited", STORIES[0][0], STORIES[0][1].replace("on Friday", "on Fri")), T0 + 4 * MINUTE));
        punctuateUntilQuiet();
        assertEquals(1, context.forwarded().size());
        ShardAnswer copy = context.forwarded().get(0).record().value();
        assertTrue(copy.neighbour().isEmpty(), "answered as indexed already: no neighbour search");
        assertFalse(copy.late());
        assertEquals(1, count(StreamsDedupStore.FINGERPRINTS, "a1-edited"), "not indexed twice");
    }

    /** How many entries a window store holds under the key. */
    @SuppressWarnings("unchecked")
    private int count(String storeName, String key) {
        int n = 0;
        try (WindowStoreIterator<byte[]> it =
                ((WindowStore<String, byte[]>) stores.get(storeName)).fetch(key, 0L, Long.MAX_VALUE)) {
            for (; it.hasNext(); it.next()) {
                n++;
            }
        }
        return n;
    }

    private static final String[][] STORIES = {
        {
            "Berlin police defend handling of Berlin market attacker",
            "Berlin police defended themselves on Friday against accusations that they stopped surveillance on Berlin "
                    + "Christmas market attacker despite knowing in June 2016 he was dangerous."
        },
        {
            "ZSE indices up, Agrokor shares in focus of investor interest",
            "The Zagreb Stock Exchange (ZSE) indices on Friday rose by more than 1.8%, with stocks of the Agrokor food and "
                    + "retail concern being in the focus of investor interest again."
        },
        {
            "Croatia, China sign action plan for cooperation in agriculture",
            "The Croatian and Chinese ministries of agriculture on Friday signed an action plan for cooperation in the field "
                    + "of agriculture for the period 2017-2018, the Croatian ministry said in a statement."
        }
    };

    private static final String[][] LATE = {
        {
            "Storm closes ports along the Adriatic coast",
            "Gale-force winds closed ferry ports from Rijeka to Split on Thursday, stranding hundreds of passengers, "
                    + "the harbour authority said."
        },
        {
            "Serbian central bank keeps key rate at 4 percent",
            "The National Bank of Serbia left its key policy rate unchanged at 4.0 percent on Thursday, citing stable "
                    + "inflation expectations."
        }
    };

    private static DedupProcessor processor() {
        return new DedupProcessor(
                DedupSettings.defaults(),
                Duration.ofSeconds(30),
                Duration.ZERO,
                TINY_BUDGET,
                UpstreamProgress.synchronous(1),
                1);
    }

    private static Record<String, Occurrence> record(Brief brief, long eventTime) {
        return new Record<>(
                brief.getId(),
                new OccurrenceStage(DedupSettings.defaults())
                        .of(brief, eventTime, 0, 0)
                        .withoutItem(),
                eventTime);
    }

    private static Brief brief(String id, String headline, String summary) {
        return Brief.newBuilder()
                .setId(id)
                .setHeadline(headline)
                .setSummary(summary)
                .setSection("Latest news")
                .setOrigin(Origin.newBuilder()
                        .setDumpId("dump-1")
                        .setPosition(1)
                        .setCapturedAt(Instant.ofEpochMilli(T0))
                        .setParserVersion("1")
                        .build())
                .build();
    }

    /** The once-a-second check of upstream progress, which decides the buffer once input is idle. */
    private void idleCheck() {
        for (MockProcessorContext.CapturedPunctuator p : new ArrayList<>(context.scheduledPunctuators())) {
            if (!p.cancelled() && p.getInterval().equals(Duration.ofSeconds(1))) {
                p.getPunctuator().punctuate(context.currentSystemTimeMs());
            }
        }
    }

    /** Every live punctuation, over and over, until none produces anything more. */
    private void punctuateUntilQuiet() {
        for (int round = 0, quiet = 0; quiet < 3; round++) {
            assertTrue(round < 1000, "punctuations never settle");
            int before = context.forwarded().size();
            for (MockProcessorContext.CapturedPunctuator p : new ArrayList<>(context.scheduledPunctuators())) {
                if (!p.cancelled()) {
                    p.getPunctuator().punctuate(context.currentSystemTimeMs());
                }
            }
            quiet = context.forwarded().size() == before ? quiet + 1 : 0;
        }
    }
}
