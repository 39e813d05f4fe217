package io.newsflow.bench;

import io.newsflow.schemas.Topic;
import io.newsflow.schemas.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import java.util.List;

/**
 * The baseline of the enrich bench: reads news.articles and news.briefs with the enrich topology's
 * serdes (so values are decoded and re-encoded) and writes them unchanged to two bench topics;
 * {@link #buildThroughRepartition} does the same through one repartition topic per input, the price of
 * the smallest step any keyed stage adds.
 */
final class PassThroughTopology {
    static final String ARTICLES_OUT = "bench.passthrough.articles";
    static final String BRIEFS_OUT = "bench.passthrough.briefs";
    static final List<String> OUTPUTS = List.of(ARTICLES_OUT, BRIEFS_OUT);

    private PassThroughTopology() {}

    static Topology build(Topics topics) {
        return build(topics, false);
    }

    static Topology buildThroughRepartition(Topics topics) {
        return build(topics, true);
    }

    private static Topology build(Topics topics, boolean throughRepartition) {
        StreamsBuilder builder = new StreamsBuilder();
        passOn(builder, topics.articles, ARTICLES_OUT, throughRepartition);
        passOn(builder, topics.briefs, BRIEFS_OUT, throughRepartition);
        return builder.build();
    }

    private static <V> void passOn(
            StreamsBuilder builder, Topic<String, V> input, String output, boolean throughRepartition) {
        KStream<String, V> stream = builder.stream(input.name(), Consumed.with(input.keySerde(), input.valueSerde()));
        if (throughRepartition) {
            stream = stream.repartition(
                    Repartitioned.with(input.keySerde(), input.valueSerde()).withName("bench-" + input.name()));
        }
        stream.to(output, Produced.with(input.keySerde(), input.valueSerde()));
    }
}
