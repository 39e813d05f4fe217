package io.newsflow.ingest;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Hands the records of sources from the thread that reads, parses and serializes them to the thread
 * that sends them, in pieces of about {@value #PIECE_BYTES} bytes, so sending starts before a large
 * source is parsed and the next source is prepared while this one's transaction commits. Pieces, not
 * single dumps: records that reach the producer in bursts fill its batches, a trickle would send many
 * small ones. What is in flight is capped in bytes, so a slow broker holds the preparing thread back
 * instead of filling the heap.
 */
final class SourcePipeline {
    static final int PIECE_BYTES = 1 << 20;

    /** Records of some dumps, the end of a source, or what stopped the preparing thread. */
    private record Piece(
            List<ProducerRecord<String, byte[]>> records,
            int bytes,
            DumpPublisher.Prepared end,
            RuntimeException failure) {}

    private final BlockingQueue<Piece> pieces = new LinkedBlockingQueue<>();
    /** Records of the current piece, only touched by the preparing thread. */
    private List<ProducerRecord<String, byte[]>> piece = new ArrayList<>();

    private long pieceBytes;
    /** Whether records of the current source were handed on yet. */
    private boolean sourceStarted;

    private final Semaphore budget;
    private final int budgetBytes;

    SourcePipeline(int budgetBytes) {
        this.budget = new Semaphore(budgetBytes);
        this.budgetBytes = budgetBytes;
    }

    /**
     * On the preparing thread: one dump's records; blocks while the budget is spent. A source's first
     * dump goes on at once: the sending thread then sees that the source is under way, and keeps the
     * transaction open for it instead of committing while the first piece is being prepared.
     */
    void put(List<ProducerRecord<String, byte[]>> records) {
        piece.addAll(records);
        pieceBytes += DumpPublisher.valueBytes(records);
        if (pieceBytes >= PIECE_BYTES || !sourceStarted) {
            handOn();
        }
    }

    /** On the preparing thread: the source whose records were just put is complete. */
    void end(DumpPublisher.Prepared prepared) {
        handOn();
        pieces.add(new Piece(null, 0, prepared, null));
        sourceStarted = false;
    }

    private void handOn() {
        if (piece.isEmpty()) {
            return;
        }
        // A piece larger than the whole budget waits for everything before it to be sent, then goes alone.
        int bytes = (int) Math.min(budgetBytes, pieceBytes);
        try {
            budget.acquire(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while handing on records", e);
        }
        pieces.add(new Piece(piece, bytes, null, null));
        piece = new ArrayList<>();
        pieceBytes = 0;
        sourceStarted = true;
    }

    /** On the preparing thread: it cannot go on; the sending thread rethrows {@code failure}. */
    void fail(RuntimeException failure) {
        pieces.add(new Piece(null, 0, null, failure));
    }

    /**
     * On the sending thread: sends the next source's records through {@code batch} as they come, and
     * ends the source in it.
     */
    void sendNext(DumpPublisher.Batch batch) {
        while (true) {
            Piece piece = take();
            if (piece.failure() != null) {
                batch.abandon();
                throw piece.failure();
            }
            if (piece.end() != null) {
                batch.endSource(piece.end());
                return;
            }
            try {
                batch.send(piece.records());
            } finally {
                budget.release(piece.bytes());
            }
        }
    }

    /** On the sending thread: whether records of the next source are already waiting. */
    boolean ready() {
        return !pieces.isEmpty();
    }

    private Piece take() {
        try {
            return pieces.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for prepared records", e);
        }
    }
}
