package io.newsflow.bench;

import io.newsflow.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
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
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.ARTICLES_NAME, Consumed.with(Serdes.String(), topics.articles.valueSerde()))
                .to(ARTICLES_OUT, Produced.with(Serdes.String(), topics.articles.valueSerde()));
        builder.stream(Topics.BRIEFS_NAME, Consumed.with(Serdes.String(), topics.briefs.valueSerde()))
                .to(BRIEFS_OUT, Produced.with(Serdes.String(), topics.briefs.valueSerde()));
        return builder.build();
    }

    static Topology buildThroughRepartition(Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.ARTICLES_NAME, Consumed.with(Serdes.String(), topics.articles.valueSerde()))
                .repartition(Repartitioned.with(Serdes.String(), topics.articles.valueSerde())
                        .withName("bench-articles"))
                .to(ARTICLES_OUT, Produced.with(Serdes.String(), topics.articles.valueSerde()));
        builder.stream(Topics.BRIEFS_NAME, Consumed.with(Serdes.String(), topics.briefs.valueSerde()))
                .repartition(Repartitioned.with(Serdes.String(), topics.briefs.valueSerde())
                        .withName("bench-briefs"))
                .to(BRIEFS_OUT, Produced.with(Serdes.String(), topics.briefs.valueSerde()));
        return builder.build();
    }
}
