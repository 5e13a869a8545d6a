package io.github.churnkit.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * A column of real numbers ({@link ColumnType#NUMERIC}) or of 0/1 flags
 * ({@link ColumnType#BOOLEAN}), stored as a {@code double[]} with NaN for missing values.
 * Immutable and thread-safe.
 */
public final class NumericColumn implements Column {

    private final String name;
    private final ColumnType type;
    private final double[] values;

    private NumericColumn(String name, ColumnType type, double[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.values = values;
    }

    /** A numeric column holding a copy of {@code values} (NaN = missing). */
    public static NumericColumn of(String name, double[] values) {
        return new NumericColumn(name, ColumnType.NUMERIC, values.clone());
    }

    /**
     * A boolean column holding a copy of {@code values}.
     *
     * @throws IllegalArgumentException if a value is neither 0, 1 nor NaN
     */
    public static NumericColumn ofBoolean(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != 0.0 && v != 1.0 && !Double.isNaN(v)) {
                throw new IllegalArgumentException(
                        "boolean column '" + name + "' row " + i + ": expected 0, 1 or NaN, found " + v);
            }
        }
        return new NumericColumn(name, ColumnType.BOOLEAN, values.clone());
    }

    /** Wraps without copying; for builders inside this library that hand over ownership. */
    static NumericColumn wrap(String name, ColumnType type, double[] values) {
        if (type != ColumnType.NUMERIC && type != ColumnType.BOOLEAN) {
            throw new IllegalArgumentException("a NumericColumn holds NUMERIC or BOOLEAN, not " + type);
        }
        return new NumericColumn(name, type, values);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The value in {@code row}; NaN when missing. */
    public double get(int row) {
        return values[row];
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    @Override
    public String format(int row) {
        double v = values[row];
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A copy of all values. */
    public double[] toArray() {
        return values.clone();
    }

    @Override
    public NumericColumn select(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new NumericColumn(name, type, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericColumn c && c.name.equals(name) && c.type == type
                && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", " + type + ", " + values.length + " rows]";
    }
}
