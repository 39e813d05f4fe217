package io.newsflow.enrich.bursts;

import io.newsflow.avro.AlertSample;
import io.newsflow.avro.internal.TermBuckets;
import io.newsflow.avro.internal.TermMention;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.testing.InMemorySchemaRegistryClient;
import io.newsflow.serde.AvroSerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TermCounter's index of due terms lives in memory: a counter started on stored buckets must rebuild it. */
class TermCounterTest {
    private static final BurstSettings SETTINGS = BurstSettings.defaults();
    private static final long T0 = Instant.parse("2017-04-07T10:00:00Z").toEpochMilli();

    @Test
    void aCounterStartedOnStoredBucketsHandsTheirWindowsOverWhenDue() {
        HopBuckets hops = new HopBuckets(SETTINGS);
        TermBuckets stored = HopBuckets.empty();
        for (int i = 0; i < 3; i++) {
            stored = hops.add(stored, mention(T0 + i * 1000L, "a-" + i), T0 + i * 1000L, T0 + i * 1000L)
                    .orElseThrow();
        }
        long due = hops.due(stored);
        assertTrue(due > T0 && due != HopBuckets.NONE);

        KeyValueStore<String, TermBuckets> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(TermCounter.BUCKETS),
                        Serdes.String(),
                        AvroSerdes.specific(
                                new InMemorySchemaRegistryClient(),
                                TermBuckets.class,
                                Map.of(NewsflowConfig.REGISTRY_URL, "http://unused.invalid")))
                .withLoggingDisabled()
                .build();
        MockProcessorContext<String, TermCounter.Counted> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        store.put("KEYWORD:Agrokor", stored);

        // As after a restart or a task moving here: nothing but the stored buckets.
        TermCounter counter = new TermCounter(SETTINGS);
        counter.init(context);
        context.setCurrentStreamTimeMs(due);
        counter.process(new Record<>("KEYWORD:Other", mention(due, "b-1"), due));

        List<TermCounter.FinalWindow> handedOver = context.forwarded().stream()
                .filter(f -> f.record().key().equals("KEYWORD:Agrokor"))
                .map(f -> (TermCounter.FinalWindow) f.record().value())
                .toList();
        assertTrue(!handedOver.isEmpty(), "the stored term's first window is final at its due time");
        assertEquals(3, handedOver.get(0).window().count().getCount());
    }

    private static TermMention mention(long time, String id) {
        return new TermMention(time, new AlertSample(id, "headline " + id));
    }
}
