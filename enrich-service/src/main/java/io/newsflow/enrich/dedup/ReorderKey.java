package io.newsflow.enrich.dedup;

import org.apache.kafka.common.utils.Bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Key of the reorder buffer, whose byte order is the order in which dedup decides: event time, then
 * item id, then where the occurrence came from (dump id, position) and its offset, so two copies of
 * the same item never collide and are always decided in the same order.
 */
final class ReorderKey {
    private ReorderKey() {}

    static Bytes of(long eventTime, String id, String dumpId, int position, long offset) {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        byte[] dumpBytes = dumpId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(8 + idBytes.length + 1 + dumpBytes.length + 1 + 4 + 8);
        buffer.putLong(sortable(eventTime))
                .put(idBytes)
                .put((byte) 0)
                .put(dumpBytes)
                .put((byte) 0)
                .putInt(position ^ Integer.MIN_VALUE)
                .putLong(offset ^ Long.MIN_VALUE);
        return Bytes.wrap(buffer.array());
    }

    /** The smallest key of any occurrence with an event time after {@code eventTime}. */
    static Bytes after(long eventTime) {
        return Bytes.wrap(
                ByteBuffer.allocate(8).putLong(sortable(eventTime) + 1).array());
    }

    static long eventTime(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong() ^ Long.MIN_VALUE;
    }

    /** The input offset of the occurrence, the key's last 8 bytes. */
    static long offset(Bytes key) {
        byte[] bytes = key.get();
        return ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() ^ Long.MIN_VALUE;
    }

    /** Flipping the sign bit makes unsigned byte order agree with signed time order. */
    private static long sortable(long eventTime) {
        return eventTime ^ Long.MIN_VALUE;
    }
}
