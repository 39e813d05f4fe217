package io.newsflow.enrich;

import org.apache.kafka.streams.processor.StreamPartitioner;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Sends each record to every partition of the topic (KIP-837 multicast): every dedup shard sees every occurrence. */
final class EveryPartition<K, V> implements StreamPartitioner<K, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, K key, V value, int numPartitions) {
        return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
    }
}
