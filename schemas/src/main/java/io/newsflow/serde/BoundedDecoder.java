package io.newsflow.serde;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Avro binary decoding of one record held in memory, where no length or count prefix may claim more
 * than the bytes left. Avro trusts those prefixes and allocates what they claim before reading, so
 * an 11-byte record claiming two billion array items is an OutOfMemoryError, which no exception
 * handler sees. Here it is an {@link IOException} naming the claim, and what decoding allocates stays
 * within a few times the record's size.
 *
 * <p>A string, bytes or map entry takes at least one byte, and so does an item of every array in the
 * project's schemas (strings and records holding one); an array of {@code null} or of empty records,
 * whose items take none, would be refused when longer than the bytes left.
 */
final class BoundedDecoder extends Decoder {
    private final BinaryDecoder in;
    private final Utf8 scratch = new Utf8();

    BoundedDecoder(byte[] bytes, int offset, int length) {
        this.in = DecoderFactory.get().binaryDecoder(bytes, offset, length, null);
    }

    /** Bytes not yet decoded: the decoder reads straight from the array, so its stream view knows. */
    private long remaining() throws IOException {
        return in.inputStream().available();
    }

    private int length(String what) throws IOException {
        long length = in.readLong();
        long left = remaining();
        if (length < 0 || length > left) {
            throw new IOException(
                    "Malformed Avro: a " + what + " claims " + length + " bytes where " + left + " are left");
        }
        return (int) length;
    }

    private long count(long items, String what) throws IOException {
        long left = remaining();
        if (items < 0 || items > left) {
            throw new IOException("Malformed Avro: a block of " + what + " claims " + items + " items where " + left
                    + " bytes are left");
        }
        return items;
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = length("string");
        Utf8 result = old == null ? new Utf8() : old;
        result.setByteLength(length);
        in.readFixed(result.getBytes(), 0, length);
        return result;
    }

    @Override
    public String readString() throws IOException {
        return readString(scratch).toString();
    }

    @Override
    public void skipString() throws IOException {
        in.skipFixed(length("string"));
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = length("bytes field");
        ByteBuffer result = old != null && length <= old.capacity() ? old.clear() : ByteBuffer.allocate(length);
        in.readFixed(result.array(), result.position(), length);
        result.limit(length);
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        in.skipFixed(length("bytes field"));
    }

    @Override
    public long readArrayStart() throws IOException {
        return count(in.readArrayStart(), "array");
    }

    @Override
    public long arrayNext() throws IOException {
        return count(in.arrayNext(), "array");
    }

    @Override
    public long skipArray() throws IOException {
        return count(in.skipArray(), "array");
    }

    @Override
    public long readMapStart() throws IOException {
        return count(in.readMapStart(), "map");
    }

    @Override
    public long mapNext() throws IOException {
        return count(in.mapNext(), "map");
    }

    @Override
    public long skipMap() throws IOException {
        return count(in.skipMap(), "map");
    }

    @Override
    public void readNull() throws IOException {
        in.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return in.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return in.readDouble();
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        in.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        in.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return in.readEnum();
    }

    @Override
    public int readIndex() throws IOException {
        return in.readIndex();
    }
}
