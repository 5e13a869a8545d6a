package io.github.churnkit.scoring.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Writes the payload of one bundle section: big-endian primitives, length-prefixed arrays,
 * UTF-8 strings and lists, in the layout that {@link BundleInput} reads back (see
 * {@code docs/model-format.md}, "Value encodings").
 *
 * <p>Writing is deterministic: the same calls give the same bytes. Doubles are written with
 * {@link Double#doubleToLongBits(double)}, so every NaN is written as the canonical NaN. Counts are
 * written as signed 32-bit integers; strings as their UTF-8 byte count followed by the bytes.
 *
 * <p>Not thread-safe; one instance writes one section. Runtime forms use it from their
 * {@code writeTo(BundleOutput)} methods.
 */
public final class BundleOutput {

    private byte[] buf = new byte[256];
    private int size;

    BundleOutput() {
    }

    /** Number of bytes written so far. */
    public int size() {
        return size;
    }

    /** Writes one byte (the low 8 bits of {@code value}). */
    public BundleOutput writeByte(int value) {
        ensure(1);
        buf[size++] = (byte) value;
        return this;
    }

    /** Writes a boolean as one byte, 1 for true and 0 for false. */
    public BundleOutput writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    /** Writes a 32-bit signed integer, big-endian. */
    public BundleOutput writeInt(int value) {
        ensure(4);
        buf[size++] = (byte) (value >>> 24);
        buf[size++] = (byte) (value >>> 16);
        buf[size++] = (byte) (value >>> 8);
        buf[size++] = (byte) value;
        return this;
    }

    /** Writes a 64-bit signed integer, big-endian. */
    public BundleOutput writeLong(long value) {
        writeInt((int) (value >>> 32));
        return writeInt((int) value);
    }

    /** Writes a double as its IEEE 754 bits (canonical NaN), big-endian. */
    public BundleOutput writeDouble(double value) {
        return writeLong(Double.doubleToLongBits(value));
    }

    /** Writes a string as its UTF-8 byte count (int) followed by the bytes. */
    public BundleOutput writeString(String value) {
        Objects.requireNonNull(value, "value");
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        return writeRaw(bytes);
    }

    /** Writes a double array as its length (int) followed by the values. */
    public BundleOutput writeDoubleArray(double[] values) {
        Objects.requireNonNull(values, "values");
        writeInt(values.length);
        ensure(8L * values.length);
        for (double v : values) {
            writeDouble(v);
        }
        return this;
    }

    /** Writes an int array as its length (int) followed by the values. */
    public BundleOutput writeIntArray(int[] values) {
        Objects.requireNonNull(values, "values");
        writeInt(values.length);
        ensure(4L * values.length);
        for (int v : values) {
            writeInt(v);
        }
        return this;
    }

    /** Writes a long array as its length (int) followed by the values. */
    public BundleOutput writeLongArray(long[] values) {
        Objects.requireNonNull(values, "values");
        writeInt(values.length);
        ensure(8L * values.length);
        for (long v : values) {
            writeLong(v);
        }
        return this;
    }

    /** Writes a list of strings as its size (int) followed by each string. */
    public BundleOutput writeStringList(List<String> values) {
        return writeList(values, BundleOutput::writeString);
    }

    /**
     * Writes a string-to-string map as its size (int) followed by key and value for each entry, in
     * the map's iteration order. Pass a sorted map to get deterministic output.
     */
    public BundleOutput writeStringMap(Map<String, String> map) {
        Objects.requireNonNull(map, "map");
        writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            writeString(e.getKey());
            writeString(e.getValue());
        }
        return this;
    }

    /** Writes a list as its size (int) followed by each element written by {@code writer}. */
    public <T> BundleOutput writeList(List<T> values, BiConsumer<BundleOutput, T> writer) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(writer, "writer");
        writeInt(values.size());
        for (T v : values) {
            writer.accept(this, v);
        }
        return this;
    }

    BundleOutput writeRaw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(long extra) {
        long needed = size + extra;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("bundle section larger than 2 GiB: " + needed + " bytes");
        }
        if (needed > buf.length) {
            long grown = Math.max(needed, 2L * buf.length);
            buf = Arrays.copyOf(buf, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
    }
}
