package io.github.churnkit.spark;

import io.github.churnkit.core.ColumnType;
import java.io.Serializable;
import java.util.List;

/**
 * What batch scoring needs from a loaded model bundle: its input columns, and per-thread row
 * scorers that write into a {@link ScoreBuffer} without allocating.
 *
 * <p>This is the seam between the Spark side and churnkit's in-process scorer: the Spark side
 * (broadcast, per-executor cache, column checks, output schema) is written against it, and an
 * adapter over {@code CustomerScorer} plugs in through a {@link Loader}. Implementations are
 * immutable and thread-safe; their row scorers are not.
 */
interface BatchModel {

    /** Names of the input columns, in input-index order. */
    List<String> inputNames();

    /** The type of input {@code input}: NUMERIC, BOOLEAN, CATEGORICAL or DATE. */
    ColumnType inputType(int input);

    /** A new scorer for one thread; it owns its scratch buffers. */
    RowScorer newRowScorer();

    /** Scores rows one at a time into a caller's buffer. Not thread-safe; allocation-free per row. */
    interface RowScorer {
        /**
         * Scores {@code row}, writing at most {@code out.capacity()} reasons (largest first).
         */
        void score(InputRow row, ScoreBuffer out);
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
