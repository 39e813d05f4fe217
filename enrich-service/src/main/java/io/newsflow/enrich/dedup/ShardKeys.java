package io.newsflow.enrich.dedup;

import java.util.Arrays;

/** Which shard owns a lookup key: each key (band or exact hash) belongs to exactly one of the shards. */
final class ShardKeys {
    private ShardKeys() {}

    static boolean owns(long key, int shard, int shards) {
        return Math.floorMod(Hashing.mix64(key), shards) == shard;
    }

    static long[] owned(long[] keys, int shard, int shards) {
        return Arrays.stream(keys).filter(k -> owns(k, shard, shards)).toArray();
    }
}
