package io.newsflow.enrich.dedup;

import io.newsflow.avro.DuplicateMethod;
import io.newsflow.avro.ItemKind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Compact binary form of what the dedup state stores hold (item refs and fingerprints). Internal to
 * one app version's stores; the leading version byte lets a later version refuse or migrate old data.
 */
final class IndexCodec {
    private static final byte VERSION = 1;

    private IndexCodec() {}

    static byte[] ref(EntryRef ref) {
        return write(VERSION, out -> {
            writeRef(out, ref.item());
            out.writeBoolean(ref.lead());
        });
    }

    static EntryRef entryRef(byte[] bytes) {
        return read(bytes, in -> new EntryRef(readRef(in), in.bool()));
    }

    static byte[] ref(ItemRef ref) {
        return write(VERSION, out -> writeRef(out, ref));
    }

    static ItemRef itemRef(byte[] bytes) {
        return read(bytes, IndexCodec::readRef);
    }

    /** A story an id started, as the decider keeps it for the id's later copies. */
    static byte[] firstOfId(DecideRule.FirstOfId story) {
        return write(VERSION, out -> {
            writeRef(out, story.copiesOf());
            out.writeLong(story.eventTime());
        });
    }

    static DecideRule.FirstOfId firstOfId(byte[] bytes) {
        return read(bytes, in -> new DecideRule.FirstOfId(readRef(in), in.int64()));
    }

    /** An indexed entry in full: the item, which of its fingerprints, and the fingerprint. */
    static byte[] entry(IndexEntry entry) {
        return write(VERSION, out -> {
            writeRef(out, entry.item());
            out.writeBoolean(entry.lead());
            writeFingerprint(out, entry.fingerprint());
        });
    }

    static IndexEntry entry(byte[] bytes) {
        return read(bytes, in -> new IndexEntry(readRef(in), in.bool(), readFingerprint(in)));
    }

    /** A fingerprint alone, as the dedup stages pass it between them. */
    static byte[] fingerprint(ContentFingerprint fingerprint) {
        return write(VERSION, out -> writeFingerprint(out, fingerprint));
    }

    static ContentFingerprint fingerprint(byte[] bytes) {
        return read(bytes, IndexCodec::readFingerprint);
    }

    /** A duplicate's match: the original, how it was recognised, the similarity and the matched item. */
    static byte[] match(DuplicateMatch match) {
        return write(VERSION, out -> {
            writeRef(out, match.original());
            out.writeByte(match.method().ordinal());
            out.writeDouble(match.similarity());
            out.writeUTF(match.matchedId());
        });
    }

    static DuplicateMatch match(byte[] bytes) {
        return read(
                bytes,
                in -> new DuplicateMatch(
                        readRef(in),
                        DuplicateMethod.values()[in.int8()],
                        Double.longBitsToDouble(in.int64()),
                        in.utf()));
    }

    private static void writeFingerprint(DataOutputStream out, ContentFingerprint fingerprint) throws IOException {
        out.writeUTF(fingerprint.contentHash());
        writeInts(out, fingerprint.signature());
        out.writeInt(fingerprint.shingles());
        writeInts(out, fingerprint.keyTerms().numbers());
        writeInts(out, fingerprint.keyTerms().names());
    }

    private static ContentFingerprint readFingerprint(In in) {
        return new ContentFingerprint(in.utf(), in.ints(), in.int32(), new KeyTerms(in.ints(), in.ints()));
    }

    private static void writeRef(DataOutputStream out, ItemRef ref) throws IOException {
        out.writeUTF(ref.id());
        out.writeByte(ref.kind().ordinal());
        out.writeLong(ref.eventTime());
    }

    private static ItemRef readRef(In in) {
        return new ItemRef(in.utf(), ItemKind.values()[in.int8()], in.int64());
    }

    /**
     * The length, then the values big-endian, as writeInt would: in one array write, since writeInt on
     * a ByteArrayOutputStream is four synchronized one-byte writes, and every shard writes the
     * fingerprint of every item (a few hundred ints) to its store and buffer.
     */
    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(4 + 4 * values.length);
        bytes.putInt(values.length);
        bytes.asIntBuffer().put(values);
        out.write(bytes.array());
    }

    /** Writes one record's fields; {@link #write} puts the format version before them. */
    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(In in);
    }

    /**
     * Reads what DataOutputStream wrote, straight from the array: the dedup stage decodes a stored
     * entry per candidate, and a stream per read cost more than the comparison it serves.
     */
    private static final class In {
        private final ByteBuffer bytes;

        In(byte[] array) {
            this.bytes = ByteBuffer.wrap(array);
        }

        byte int8() {
            return bytes.get();
        }

        boolean bool() {
            return bytes.get() != 0;
        }

        int int32() {
            return bytes.getInt();
        }

        long int64() {
            return bytes.getLong();
        }

        int[] ints() {
            int[] values = new int[bytes.getInt()];
            bytes.asIntBuffer().get(values);
            bytes.position(bytes.position() + 4 * values.length);
            return values;
        }

        /** DataOutputStream.writeUTF's modified UTF-8; ids and hashes are ASCII, which it writes as is. */
        String utf() {
            int length = Short.toUnsignedInt(bytes.getShort());
            int start = bytes.position();
            byte[] array = bytes.array();
            bytes.position(start + length);
            for (int i = start; i < start + length; i++) {
                if (array[i] <= 0) {
                    try {
                        return new DataInputStream(new ByteArrayInputStream(array, start - 2, length + 2)).readUTF();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return new String(array, start, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** A record of the dedup stores and internal topics: its format version, then its fields. */
    static byte[] write(byte version, Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        In in = new In(bytes);
        byte version = in.int8();
        if (version != VERSION) {
            throw new IllegalStateException("Dedup state written by an incompatible version (format " + version
                    + "); reset the enrich-service state (./newsflow reprocess, docs/operations.md)");
        }
        return reader.read(in);
    }
}
