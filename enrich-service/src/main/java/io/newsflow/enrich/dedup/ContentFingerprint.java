package io.newsflow.enrich.dedup;

import java.nio.ByteBuffer;

/**
 * What dedup stores per item: the exact content hash, the MinHash signature and the key terms of
 * the formulaic guard (about 600 bytes in all; band keys are derived from the signature on demand).
 *
 * @param contentHash hex SHA-256 of the normalised text (Avro Fingerprint.contentHash)
 * @param signature   MinHash values (32-bit, compared as bit patterns); empty for a text without words
 * @param shingles    number of distinct shingles the signature was computed from
 * @param keyTerms    numbers and names for the formulaic guard
 */
public record ContentFingerprint(String contentHash, int[] signature, int shingles, KeyTerms keyTerms) {

    /** The signature as the Avro contract wants it: 32-bit values, big-endian. */
    public byte[] minhashBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(4 * signature.length);
        for (int value : signature) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    /** Inverse of {@link #minhashBytes()}. */
    public static int[] signatureFromBytes(byte[] minhash) {
        ByteBuffer buffer = ByteBuffer.wrap(minhash);
        int[] signature = new int[minhash.length / 4];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = buffer.getInt();
        }
        return signature;
    }

    public double estimatedJaccard(ContentFingerprint other) {
        return MinHasher.estimateJaccard(signature, other.signature);
    }

    /** Lookup key of the exact content hash, in the same key space as the LSH band keys. */
    public long exactKey() {
        return Hashing.combine(0x45584143544B4559L, Hashing.hash(contentHash));
    }
}
