package io.newsflow.schemas;

import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its keys and values: the only way code refers to a Newsflow topic. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    @Override
    public String toString() {
        return name;
    }
}
