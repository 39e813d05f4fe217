package io.newsflow.enrich.dedup;

import io.newsflow.avro.ItemKind;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Compact binary form of what the dedup state stores hold (item refs and fingerprints). Internal to
 * one app version's stores; the leading version byte lets a later version refuse or migrate old data.
 */
final class IndexCodec {
    private static final byte VERSION = 1;

    private IndexCodec() {
    }

    static byte[] ref(ItemRef ref, boolean lead) {
        return write(out -> {
            writeRef(out, ref);
            out.writeBoolean(lead);
        });
    }

    record StoredRef(ItemRef ref, boolean lead) {
    }

    static StoredRef storedRef(byte[] bytes) {
        return read(bytes, in -> new StoredRef(readRef(in), in.readBoolean()));
    }

    static byte[] ref(ItemRef ref) {
        return write(out -> writeRef(out, ref));
    }

    static ItemRef itemRef(byte[] bytes) {
        return read(bytes, IndexCodec::readRef);
    }

    /** An indexed entry in full: the item, which of its fingerprints, and the fingerprint. */
    static byte[] entry(IndexEntry entry) {
        return write(out -> {
            writeRef(out, entry.item());
            out.writeBoolean(entry.lead());
            writeFingerprint(out, entry.fingerprint());
        });
    }

    static IndexEntry entry(byte[] bytes) {
        return read(bytes, in -> new IndexEntry(readRef(in), in.readBoolean(), readFingerprint(in)));
    }

    private static void writeFingerprint(DataOutputStream out, ContentFingerprint fingerprint) throws IOException {
        out.writeUTF(fingerprint.contentHash());
        writeInts(out, fingerprint.signature());
        out.writeInt(fingerprint.shingles());
        writeInts(out, fingerprint.keyTerms().numbers());
        writeInts(out, fingerprint.keyTerms().names());
    }

    private static ContentFingerprint readFingerprint(DataInputStream in) throws IOException {
        return new ContentFingerprint(in.readUTF(), readInts(in), in.readInt(), new KeyTerms(readInts(in), readInts(in)));
    }

    private static void writeRef(DataOutputStream out, ItemRef ref) throws IOException {
        out.writeUTF(ref.id());
        out.writeByte(ref.kind().ordinal());
        out.writeLong(ref.eventTime());
    }

    private static ItemRef readRef(DataInputStream in) throws IOException {
        return new ItemRef(in.readUTF(), ItemKind.values()[in.readByte()], in.readLong());
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("Dedup state written by an incompatible version (format " + version
                        + "); reset the enrich-service state (README, reprocess)");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
