package io.newsflow.serde;

import org.apache.kafka.common.errors.SerializationException;

import java.nio.ByteBuffer;

/**
 * Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro
 * binary encoding. Every Confluent client in every language reads and writes exactly this.
 */
public final class WireFormat {
    public static final byte MAGIC = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    /** The schema id of a framed payload, after checking its magic byte. */
    public static int schemaId(byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("Not in Confluent wire format: " + payload.length
                    + " bytes, fewer than the 5-byte header (magic byte + schema id)");
        }
        if (payload[0] != MAGIC) {
            throw new SerializationException(String.format(
                    "Not in Confluent wire format: unknown magic byte 0x%02x (expected 0x00)", payload[0]));
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }

    static void writeHeader(ByteBuffer target, int schemaId) {
        target.put(MAGIC).putInt(schemaId);
    }
}
