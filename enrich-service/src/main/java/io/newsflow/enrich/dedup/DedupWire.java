package io.newsflow.enrich.dedup;

import io.newsflow.avro.internal.IngestedItem;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Binary forms of what the dedup stages send each other and keep while an occurrence waits for its
 * answers. Internal to the application (its repartition topics and stores), so compact and
 * hand-written; the item itself stays Avro (Confluent wire format, {@link IngestedItem}). A leading
 * version byte lets a later version refuse old data.
 */
public final class DedupWire {
    private static final byte VERSION = 1;
    /** Topic name the item's Avro serde is called with: the subject of the internal IngestedItem schema. */
    private static final String ITEM_TOPIC = "dedup-occurrence";

    private final Serde<IngestedItem> ingested;
    public final Serde<Occurrence> occurrences;
    public final Serde<ShardAnswer> answers;
    final Serde<DecideRule.Pending> pending;

    public DedupWire(Serde<IngestedItem> ingested) {
        this.ingested = ingested;
        this.occurrences = Serdes.serdeFrom(
                (topic, o) -> o == null ? null : occurrence(o), (topic, b) -> b == null ? null : occurrence(b));
        this.answers = Serdes.serdeFrom(
                (topic, a) -> a == null ? null : answer(a), (topic, b) -> b == null ? null : answer(b));
        this.pending = Serdes.serdeFrom(
                (topic, p) -> p == null ? null : pending(p), (topic, b) -> b == null ? null : pending(b));
    }

    byte[] occurrence(Occurrence o) {
        return IndexCodec.write(VERSION, out -> {
            blob(out, o.order().get());
            blob(out, IndexCodec.ref(o.ref()));
            out.writeInt(o.sourcePartition());
            blob(out, IndexCodec.fingerprint(o.full()));
            blob(out, o.lead() == null ? null : IndexCodec.fingerprint(o.lead()));
            blob(
                    out,
                    o.item() == null
                            ? null
                            : ingested.serializer()
                                    .serialize(
                                            ITEM_TOPIC,
                                            IngestedItem.newBuilder()
                                                    .setItem(o.item())
                                                    .setSourcePartition(o.sourcePartition())
                                                    .build()));
        });
    }

    Occurrence occurrence(byte[] bytes) {
        ByteBuffer in = read(bytes);
        Bytes order = Bytes.wrap(blob(in));
        ItemRef ref = IndexCodec.itemRef(blob(in));
        int partition = in.getInt();
        ContentFingerprint full = IndexCodec.fingerprint(blob(in));
        byte[] lead = blob(in);
        byte[] item = blob(in);
        return new Occurrence(
                order,
                ref,
                partition,
                full,
                lead == null ? null : IndexCodec.fingerprint(lead),
                item == null
                        ? null
                        : (SpecificRecord) ingested.deserializer()
                                .deserialize(ITEM_TOPIC, item)
                                .getItem());
    }

    static byte[] answer(ShardAnswer a) {
        return IndexCodec.write(VERSION, out -> {
            blob(out, a.order().get());
            neighbour(out, a.neighbour());
            out.writeBoolean(a.late());
        });
    }

    static ShardAnswer answer(byte[] bytes) {
        ByteBuffer in = read(bytes);
        Bytes order = Bytes.wrap(blob(in));
        Optional<Neighbour> neighbour = neighbour(in);
        return new ShardAnswer(order, neighbour, in.get() != 0);
    }

    byte[] pending(DecideRule.Pending p) {
        return IndexCodec.write(VERSION, out -> {
            out.writeBoolean(p.arrived());
            out.writeInt(p.answers());
            neighbour(out, p.best());
            out.writeBoolean(p.late());
        });
    }

    DecideRule.Pending pending(byte[] bytes) {
        ByteBuffer in = read(bytes);
        boolean arrived = in.get() != 0;
        int answers = in.getInt();
        Optional<Neighbour> neighbour = neighbour(in);
        return new DecideRule.Pending(arrived, answers, neighbour, in.get() != 0);
    }

    private static ByteBuffer read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalStateException("Dedup record written by an incompatible version (format " + version
                    + "); reset the enrich-service state (./newsflow reprocess, docs/operations.md)");
        }
        return in;
    }

    private static void neighbour(DataOutputStream out, Optional<Neighbour> neighbour) throws IOException {
        blob(out, neighbour.map(n -> IndexCodec.match(n.match())).orElse(null));
        out.writeBoolean(neighbour.map(Neighbour::decidedLate).orElse(false));
    }

    private static Optional<Neighbour> neighbour(ByteBuffer in) {
        byte[] match = blob(in);
        boolean decidedLate = in.get() != 0;
        return Optional.ofNullable(match).map(m -> new Neighbour(IndexCodec.match(m), decidedLate));
    }

    /** Length-prefixed bytes; -1 for null. */
    private static void blob(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
    }

    private static byte[] blob(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
