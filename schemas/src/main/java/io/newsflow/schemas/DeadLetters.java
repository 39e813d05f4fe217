package io.newsflow.schemas;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What a DeadLetter may carry, so that it always fits in a Kafka record: brokers and producers refuse
 * records over about 1 MiB by default (message.max.bytes, max.request.size), and a dead letter that
 * does not fit would lose the very record it reports. Every writer of news.dlq caps with this class.
 */
public final class DeadLetters {
    /** Bytes of the original kept: a quarter of the default record limit, room for the rest. */
    public static final int ORIGINAL_CAP = 256 << 10;
    /** Characters of the reason kept. */
    public static final int REASON_CAP = 4096;

    private DeadLetters() {}

    /** The first {@link #ORIGINAL_CAP} bytes of {@code original}; null stays null. */
    public static ByteBuffer original(byte[] original) {
        return original == null
                ? null
                : ByteBuffer.wrap(original.length > ORIGINAL_CAP ? Arrays.copyOf(original, ORIGINAL_CAP) : original);
    }

    public static boolean truncated(long originalSize) {
        return originalSize > ORIGINAL_CAP;
    }

    /** The reason, cut to {@link #REASON_CAP} characters, saying when the original was cut to {@code kept} bytes. */
    public static String reason(String reason, long kept, long originalSize) {
        String cut = reason.length() > REASON_CAP ? reason.substring(0, REASON_CAP) + "... (reason cut)" : reason;
        return kept < originalSize
                ? cut + " (original cut to its first " + kept + " of " + originalSize + " bytes)"
                : cut;
    }

    /** {@link #reason(String, long, long)} for an original kept with {@link #original}. */
    public static String reason(String reason, long originalSize) {
        return reason(reason, Math.min(originalSize, ORIGINAL_CAP), originalSize);
    }
}
