package io.github.churnkit.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Grows one column row by row in primitive arrays (no boxing, no per-row objects), then hands the
 * arrays to an immutable {@link Column}. Used by CSV ingest and the synthetic generators.
 *
 * <p>Not thread-safe. After {@link #build()} the builder must not be used again.
 */
public final class ColumnBuilder {

    private final String name;
    private final ColumnType type;
    private int size;
    private double[] doubles;
    private int[] ints;
    private String[] texts;
    private List<String> levels;
    private Map<String, Integer> codeOf;
    private boolean built;

    private ColumnBuilder(String name, ColumnType type, int capacity) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        int cap = Math.max(16, capacity);
        switch (type) {
            case NUMERIC, BOOLEAN -> doubles = new double[cap];
            case DATE -> ints = new int[cap];
            case CATEGORICAL -> {
                ints = new int[cap];
                levels = new ArrayList<>();
                codeOf = new HashMap<>();
            }
            case TEXT -> texts = new String[cap];
            default -> throw new IllegalStateException("unknown type " + type);
        }
    }

    /** A builder for a column of {@code type}. */
    public static ColumnBuilder of(String name, ColumnType type) {
        return new ColumnBuilder(name, type, 16);
    }

    /** A builder for a column of {@code type} with room for {@code capacity} rows before growing. */
    public static ColumnBuilder of(String name, ColumnType type, int capacity) {
        return new ColumnBuilder(name, type, capacity);
    }

    /**
     * A categorical builder whose levels start as {@code levels}, in that order (further levels are
     * appended as they are seen).
     */
    public static ColumnBuilder categorical(String name, List<String> levels) {
        ColumnBuilder b = new ColumnBuilder(name, ColumnType.CATEGORICAL, 16);
        for (String level : levels) {
            b.codeFor(level);
        }
        return b;
    }

    /** The column name. */
    public String name() {
        return name;
    }

    /** The column type. */
    public ColumnType type() {
        return type;
    }

    /** Rows added so far. */
    public int size() {
        return size;
    }

    /** Appends a number (NUMERIC, BOOLEAN as 0/1/NaN); NaN means missing. */
    public ColumnBuilder addDouble(double value) {
        check(ColumnType.NUMERIC, ColumnType.BOOLEAN);
        if (type == ColumnType.BOOLEAN && value != 0.0 && value != 1.0 && !Double.isNaN(value)) {
            throw new IllegalArgumentException("boolean column '" + name + "': expected 0, 1 or NaN, found " + value);
        }
        if (size == doubles.length) {
            doubles = Arrays.copyOf(doubles, grow(size));
        }
        doubles[size++] = value;
        return this;
    }

    /** Appends an epoch day (DATE); {@link DateColumn#MISSING} means missing. */
    public ColumnBuilder addEpochDay(int epochDay) {
        check(ColumnType.DATE, ColumnType.DATE);
        if (size == ints.length) {
            ints = Arrays.copyOf(ints, grow(size));
        }
        ints[size++] = epochDay;
        return this;
    }

    /** Appends a level (CATEGORICAL) or a text (TEXT); null means missing. */
    public ColumnBuilder addString(String value) {
        if (type == ColumnType.CATEGORICAL) {
            check(ColumnType.CATEGORICAL, ColumnType.CATEGORICAL);
            if (size == ints.length) {
                ints = Arrays.copyOf(ints, grow(size));
            }
            ints[size++] = value == null ? CategoricalColumn.MISSING : codeFor(value);
        } else {
            check(ColumnType.TEXT, ColumnType.TEXT);
            if (size == texts.length) {
                texts = Arrays.copyOf(texts, grow(size));
            }
            texts[size++] = value;
        }
        return this;
    }

    /** Appends a missing value of whatever type this column has. */
    public ColumnBuilder addMissing() {
        return switch (type) {
            case NUMERIC, BOOLEAN -> addDouble(Double.NaN);
            case DATE -> addEpochDay(DateColumn.MISSING);
            case CATEGORICAL, TEXT -> addString(null);
        };
    }

    /** Drops the last row (used when a later field of the same CSV record turns out to be bad). */
    public void removeLast() {
        if (size == 0) {
            throw new IllegalStateException("column '" + name + "' is empty");
        }
        size--;
        if (texts != null) {
            texts[size] = null;
        }
    }

    private int codeFor(String value) {
        Integer c = codeOf.get(value);
        if (c == null) {
            c = levels.size();
            codeOf.put(value, c);
            levels.add(value);
        }
        return c;
    }

    private static int grow(int n) {
        long next = (long) n + (n >> 1) + 16;
        if (next > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("column too large: " + n + " rows");
        }
        return (int) next;
    }

    private void check(ColumnType a, ColumnType b) {
        if (built) {
            throw new IllegalStateException("column '" + name + "' was already built");
        }
        if (type != a && type != b) {
            throw new IllegalStateException("column '" + name + "' is " + type + ", not " + a);
        }
    }

    /** The finished, immutable column (arrays trimmed to size). */
    public Column build() {
        if (built) {
            throw new IllegalStateException("column '" + name + "' was already built");
        }
        built = true;
        return switch (type) {
            case NUMERIC, BOOLEAN -> NumericColumn.wrap(name, type, Arrays.copyOf(doubles, size));
            case DATE -> DateColumn.wrap(name, Arrays.copyOf(ints, size));
            case CATEGORICAL -> CategoricalColumn.wrap(name, levels, Arrays.copyOf(ints, size));
            case TEXT -> TextColumn.wrap(name, Arrays.copyOf(texts, size));
        };
    }
}
