package io.newsflow.ingest;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Hands the records of sources from the thread that reads, parses and serializes them to the thread
 * that sends them, dump by dump, so sending starts with a source's first dump and the next source is
 * prepared while this one's transaction commits. What is in flight is capped in bytes, so a slow broker
 * holds the preparing thread back instead of filling the heap.
 */
final class SourcePipeline {
    /** A dump's records, the end of a source, or what stopped the preparing thread. */
    private record Piece(List<ProducerRecord<String, byte[]>> records, int bytes, DumpPublisher.Prepared end,
                         RuntimeException failure) {
    }

    private final BlockingQueue<Piece> pieces = new LinkedBlockingQueue<>();
    private final Semaphore budget;
    private final int budgetBytes;

    SourcePipeline(int budgetBytes) {
        this.budget = new Semaphore(budgetBytes);
        this.budgetBytes = budgetBytes;
    }

    /** On the preparing thread: one dump's records; blocks while the budget is spent. */
    void put(List<ProducerRecord<String, byte[]>> records) {
        // A dump larger than the whole budget waits for everything before it to be sent, then goes alone.
        int bytes = Math.min(budgetBytes, sizeOf(records));
        try {
            budget.acquire(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while handing on records", e);
        }
        pieces.add(new Piece(records, bytes, null, null));
    }

    /** On the preparing thread: the source whose records were just put is complete. */
    void end(DumpPublisher.Prepared prepared) {
        pieces.add(new Piece(null, 0, prepared, null));
    }

    /** On the preparing thread: it cannot go on; the sending thread rethrows {@code failure}. */
    void fail(RuntimeException failure) {
        pieces.add(new Piece(null, 0, null, failure));
    }

    /**
     * On the sending thread: sends the next source's records through {@code transaction} as they come
     * and returns the finished transaction's result.
     */
    DumpPublisher.Result publishNext(DumpPublisher.SourceTransaction transaction) {
        while (true) {
            Piece piece = take();
            if (piece.failure() != null) {
                transaction.abandon();
                throw piece.failure();
            }
            if (piece.end() != null) {
                return transaction.finish(piece.end());
            }
            try {
                transaction.send(piece.records());
            } finally {
                budget.release(piece.bytes());
            }
        }
    }

    private Piece take() {
        try {
            return pieces.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for prepared records", e);
        }
    }

    private static int sizeOf(List<ProducerRecord<String, byte[]>> records) {
        long bytes = 0;
        for (ProducerRecord<String, byte[]> record : records) {
            bytes += record.value() == null ? 0 : record.value().length;
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
