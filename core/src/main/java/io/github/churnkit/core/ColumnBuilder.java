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
    /** Row that introduced each level, -1 for levels given up front (CATEGORICAL only). */
    private int[] levelFirstRow;
    private boolean presetting;
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
                levelFirstRow = new int[16];
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
        b.presetting = true;
        for (String level : levels) {
            b.codeFor(Objects.requireNonNull(level, "levels must not contain null"));
        }
        b.presetting = false;
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
            int code = value == null ? CategoricalColumn.MISSING : codeFor(value);
            ints[size++] = code;
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

    /**
     * Drops the last row (used when a later field of the same CSV record turns out to be bad). A
     * category level that only the dropped row had introduced is dropped from the dictionary too,
     * so a rejected row leaves no trace.
     *
     * @throws IllegalStateException if the builder is empty or already built
     */
    public void removeLast() {
        if (built) {
            throw new IllegalStateException("column '" + name + "' was already built");
        }
        if (size == 0) {
            throw new IllegalStateException("column '" + name + "' is empty");
        }
        size--;
        if (texts != null) {
            texts[size] = null;
        }
        if (type == ColumnType.CATEGORICAL) {
            int c = ints[size];
            int last = levels.size() - 1;
            // levels are created in row order, so only the newest level can belong to the dropped row
            if (c != CategoricalColumn.MISSING && c == last && levelFirstRow[c] == size) {
                codeOf.remove(levels.remove(last));
            }
        }
    }

    private int codeFor(String value) {
        Integer c = codeOf.get(value);
        if (c == null) {
            c = levels.size();
            codeOf.put(value, c);
            levels.add(value);
            if (c == levelFirstRow.length) {
                levelFirstRow = Arrays.copyOf(levelFirstRow, grow(c));
            }
            // the row about to be appended (or -1 for levels given up front, before any row)
            levelFirstRow[c] = presetting ? -1 : size;
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
        // hand the arrays over (trimmed only when needed) and drop this builder's references, so a
        // built builder that stays reachable does not hold a second copy of the data
        Column column = switch (type) {
            case NUMERIC, BOOLEAN -> NumericColumn.wrap(name, type,
                    doubles.length == size ? doubles : Arrays.copyOf(doubles, size));
            case DATE -> DateColumn.wrap(name, ints.length == size ? ints : Arrays.copyOf(ints, size));
            case CATEGORICAL -> CategoricalColumn.wrap(name, levels,
                    ints.length == size ? ints : Arrays.copyOf(ints, size));
            case TEXT -> TextColumn.wrap(name, texts.length == size ? texts : Arrays.copyOf(texts, size));
        };
        doubles = null;
        ints = null;
        texts = null;
        codeOf = null;
        levelFirstRow = null;
        return column;
    }
}
