package io.newsflow.ingest.parse;

import io.newsflow.avro.Article;
import io.newsflow.avro.Brief;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.Origin;
import io.newsflow.schemas.DeadLetters;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Maps parsed dumps and failures to the Avro records of the public contract. */
public final class DumpEvents {

    /** Stage named in dead letters of dumps that could not be read or parsed. */
    public static final String STAGE = "ingest.parse";
    /** Default cap on the original bytes kept in a dead letter, well under the record size limit. */
    public static final int DEFAULT_ORIGINAL_CAP = DeadLetters.ORIGINAL_CAP;

    private DumpEvents() {}

    /** The article at position 0, absent when the dump is only a sidebar. */
    public static Optional<Article> article(ParsedDump dump) {
        ParsedArticle a = dump.article();
        if (a == null) {
            return Optional.empty();
        }
        // Constructors, not builders: a builder validates and tracks every field, a tenth of making the events.
        return Optional.of(new Article(
                ItemIds.article(a.title(), a.paragraphs(), false), a.title(), a.paragraphs(), origin(dump, 0)));
    }

    /** The briefs at positions 1..n in sidebar order. */
    public static List<Brief> briefs(ParsedDump dump) {
        List<Brief> out = new ArrayList<>(dump.briefs().size());
        for (ParsedBrief b : dump.briefs()) {
            out.add(new Brief(
                    ItemIds.brief(b.headline(), b.summary(), false),
                    b.headline(),
                    b.summary(),
                    b.section(),
                    origin(dump, out.size() + 1)));
        }
        return out;
    }

    public static DeadLetter deadLetter(DumpFailure failure, Instant failedAt) {
        return deadLetter(failure, failedAt, DEFAULT_ORIGINAL_CAP);
    }

    /**
     * A dead letter keeping at most {@code cap} bytes of the original, flagged when truncated, its
     * reason cut as {@link DeadLetters#reason} cuts it.
     */
    public static DeadLetter deadLetter(DumpFailure failure, Instant failedAt, int cap) {
        byte[] original = failure.original();
        byte[] kept = original.length > cap ? Arrays.copyOf(original, cap) : original;
        return DeadLetter.newBuilder()
                .setSourceId(failure.sourceId())
                .setStage(STAGE)
                .setReason(DeadLetters.reason(failure.reason(), kept.length, failure.originalSize()))
                .setOriginal(ByteBuffer.wrap(kept))
                .setOriginalSize(failure.originalSize())
                .setTruncated(kept.length < failure.originalSize())
                .setFailedAt(millis(failedAt))
                .build();
    }

    private static Origin origin(ParsedDump dump, int position) {
        return new Origin(
                dump.dumpId(),
                position,
                dump.source(),
                dump.url(),
                millis(dump.capturedAt()),
                dump.publishedAt() == null ? null : millis(dump.publishedAt()),
                DumpParser.VERSION);
    }

    /** timestamp_ms keeps milliseconds; truncating here makes a record equal to its decoded copy. */
    private static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }
}
