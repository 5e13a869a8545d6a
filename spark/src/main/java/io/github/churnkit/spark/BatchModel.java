package io.github.churnkit.spark;

import io.github.churnkit.core.ColumnType;
import java.io.Serializable;
import java.util.List;

/**
 * What batch scoring needs from a loaded model bundle: its input columns, and per-thread chunk
 * scorers that write a chunk of rows into a {@link ScoreBuffer}.
 *
 * <p>This is the seam between the Spark side and churnkit's in-process scorer: the Spark side
 * (broadcast, per-executor cache, column checks, chunking, output schema) is written against it,
 * and the adapter over {@code CustomerScorer} ({@link CustomerScorerModel}) plugs in through a
 * {@link Loader}. Implementations are immutable and thread-safe; their chunk scorers are not.
 */
interface BatchModel {

    /** Names of the input columns, in input-index order. */
    List<String> inputNames();

    /** The type of input {@code input}: NUMERIC, BOOLEAN, CATEGORICAL or DATE. */
    ColumnType inputType(int input);

    /** A new scorer for one thread; it owns its scratch buffers. */
    ChunkScorer newChunkScorer();

    /** Scores a chunk of rows into a caller's buffer. Not thread-safe. */
    interface ChunkScorer {
        /**
         * Scores {@code rows}: row {@code i} goes to position {@code i} of {@code out}, with at
         * most {@code out.maxReasons()} reasons, largest absolute contribution first. With
         * {@code out.maxReasons() == 0} it allocates nothing per row. The rows are read during
         * the call only.
         *
         * @throws IllegalArgumentException if {@code rows} holds more than {@code out.capacity()} rows
         */
        void score(List<? extends InputRow> rows, ScoreBuffer out);
    }

    /**
     * Turns bundle bytes into a model. Shipped to executors inside Spark tasks, so it is
     * {@link Serializable}: implementations hold no state (the bundle travels separately, as a
     * broadcast byte array, and is decoded by {@link #load(byte[])} as plain data).
     */
    interface Loader extends Serializable {
        /**
         * Decodes and validates a bundle.
         *
         * @throws IllegalArgumentException (or a subtype) if the bytes are not a valid bundle
         */
        BatchModel load(byte[] bundle);
    }
}
