package io.newsflow.enrich.dedup;

import io.newsflow.avro.ItemKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IndexCodecTest {
    private static final ContentFingerprint FINGERPRINT = new ContentFingerprint(
            "9f86d081884c7d65", new int[] {1, -2, Integer.MAX_VALUE}, 17, new KeyTerms(new int[] {2017}, new int[] {
                42, -7
            }));

    @Test
    void anEntryComesBackAsItWasWritten() {
        IndexEntry entry = new IndexEntry(
                new ItemRef("0870546bb037afd6aa44d3897453b094", ItemKind.BRIEF, 1_491_559_200_000L), true, FINGERPRINT);
        assertEntry(entry, IndexCodec.entry(IndexCodec.entry(entry)));
        assertEquals(entry.ref(), IndexCodec.entryRef(IndexCodec.ref(entry.ref())));
        assertEquals(entry.item(), IndexCodec.itemRef(IndexCodec.ref(entry.item())));
    }

    @Test
    void aStoryAnIdStartedComesBackWithItsOwnEventTime() {
        DecideRule.FirstOfId story = new DecideRule.FirstOfId(
                new ItemRef("0870546bb037afd6aa44d3897453b094", ItemKind.ARTICLE, 1_491_559_200_000L),
                1_491_562_800_000L);
        assertEquals(story, IndexCodec.firstOfId(IndexCodec.firstOfId(story)));
    }

    @Test
    void aFingerprintIsWrittenByteForByteAsDataOutputStreamWritesIt() throws IOException {
        // Stored state and records in flight stay readable across the bulk int writer.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(1);
        out.writeUTF(FINGERPRINT.contentHash());
        writeIntsOneByOne(out, FINGERPRINT.signature());
        out.writeInt(FINGERPRINT.shingles());
        writeIntsOneByOne(out, FINGERPRINT.keyTerms().numbers());
        writeIntsOneByOne(out, FINGERPRINT.keyTerms().names());
        assertArrayEquals(bytes.toByteArray(), IndexCodec.fingerprint(FINGERPRINT));
    }

    @Test
    void idsOutsideAsciiTakeTheModifiedUtf8Path() {
        // DataOutputStream writes U+0000 and non-ASCII characters as several bytes; the fast path only takes ASCII.
        ItemRef ref = new ItemRef("Zagreb-\u017eupanija-\u0000-\uD83D\uDCF0", ItemKind.ARTICLE, -5L);
        IndexEntry entry = new IndexEntry(ref, false, FINGERPRINT);
        assertEntry(entry, IndexCodec.entry(IndexCodec.entry(entry)));
    }

    @Test
    void stateOfAnotherFormatIsRefusedWithAHint() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeByte(99);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> IndexCodec.itemRef(bytes.toByteArray()));
        assertEquals(true, e.getMessage().contains("reset the enrich-service state"));
    }

    private static void writeIntsOneByOne(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static void assertEntry(IndexEntry expected, IndexEntry actual) {
        assertEquals(expected.item(), actual.item());
        assertEquals(expected.lead(), actual.lead());
        ContentFingerprint e = expected.fingerprint();
        ContentFingerprint a = actual.fingerprint();
        assertEquals(e.contentHash(), a.contentHash());
        assertArrayEquals(e.signature(), a.signature());
        assertEquals(e.shingles(), a.shingles());
        assertArrayEquals(e.keyTerms().numbers(), a.keyTerms().numbers());
        assertArrayEquals(e.keyTerms().names(), a.keyTerms().names());
    }
}
