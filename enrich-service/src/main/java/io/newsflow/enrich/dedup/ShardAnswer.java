package io.newsflow.enrich.dedup;

import org.apache.kafka.common.utils.Bytes;

import java.util.Optional;

/**
 * One shard's answer about one occurrence: the best item it verified as a neighbour (sharing one of
 * the shard's band keys), if any ({@link Neighbour#best}).
 *
 * @param order     the occurrence's {@link ReorderKey}
 * @param neighbour the best verified neighbour: earlier than the occurrence, or any when {@code late}
 * @param late      the shard had already answered a later occurrence when this one came
 */
public record ShardAnswer(Bytes order, Optional<Neighbour> neighbour, boolean late) {}
