package io.github.churnkit.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * A column of text kept as it is (customer ids, free text), with null for a missing value.
 * Immutable and thread-safe.
 */
public final class TextColumn implements Column {

    private final String name;
    private final String[] values;

    private TextColumn(String name, String[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = values;
    }

    /** A column holding a copy of {@code values} (null = missing). */
    public static TextColumn of(String name, String... values) {
        return new TextColumn(name, values.clone());
    }

    /** Wraps without copying; for builders inside this library that hand over ownership. */
    static TextColumn wrap(String name, String[] values) {
        return new TextColumn(name, values);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.TEXT;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The text in {@code row}, or null when missing. */
    public String get(int row) {
        return values[row];
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
    }

    @Override
    public String format(int row) {
        String v = values[row];
        return v == null ? "" : v;
    }

    @Override
    public TextColumn select(int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new TextColumn(name, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextColumn c && c.name.equals(name) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "TextColumn[" + name + ", " + values.length + " rows]";
    }
}
