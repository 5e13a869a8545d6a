package io.github.churnkit.features;

import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * One fitted transform writing a fixed run of output columns. Implementations are immutable and
 * thread-safe, and {@link #encode} does not allocate (except to build an exception in strict mode).
 */
abstract class Block {

    static final byte NUMERIC = 1;
    static final byte BINS = 2;
    static final byte ONE_HOT = 3;
    static final byte ORDINAL = 4;
    static final byte TARGET = 5;

    /** The column (or derived feature) name the outputs are named after. */
    final String name;

    Block(String name) {
        this.name = name;
    }

    /** Number of output columns. */
    abstract int width();

    /** Writes this block's outputs for {@code row} into {@code out[offset .. offset + width)}. */
    abstract void encode(RawRow row, double[] out, int offset, boolean strict);

    /** Appends the output names, in output order. */
    abstract void addNames(List<String> names);

    /** The input index every output comes from, or -1 for a feature derived from two inputs. */
    abstract int sourceInput();

    /** The serialisation tag. */
    abstract byte kind();

    /** Writes the fields after the tag (see {@link PipelineCodec}). */
    abstract void writeBody(DataOutput out) throws IOException;
}
