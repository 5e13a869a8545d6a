package io.github.churnkit.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A column of categories: an {@code int[]} of codes into a dictionary of levels, with
 * {@link #MISSING} for a missing value. Levels are kept in the order they were first seen
 * unless given explicitly. Immutable and thread-safe.
 */
public final class CategoricalColumn implements Column {

    /** The code of a missing value. */
    public static final int MISSING = -1;

    private final String name;
    private final List<String> levels;
    private final Map<String, Integer> codeOf;
    private final int[] codes;

    private CategoricalColumn(String name, List<String> levels, int[] codes) {
        this.name = Objects.requireNonNull(name, "name");
        this.levels = List.copyOf(levels);
        this.codeOf = new HashMap<>(levels.size() * 2);
        for (int i = 0; i < this.levels.size(); i++) {
            if (codeOf.put(this.levels.get(i), i) != null) {
                throw new IllegalArgumentException(
                        "column '" + name + "': duplicate level '" + this.levels.get(i) + "'");
            }
        }
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            if (c != MISSING && (c < 0 || c >= this.levels.size())) {
                throw new IllegalArgumentException("column '" + name + "' row " + i + ": code " + c
                        + " is outside 0.." + (this.levels.size() - 1));
            }
        }
        this.codes = codes;
    }

    /**
     * A column from text values; null means missing. Levels are numbered in order of first
     * appearance.
     */
    public static CategoricalColumn of(String name, String... values) {
        List<String> levels = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                codes[i] = MISSING;
            } else {
                Integer c = seen.get(v);
                if (c == null) {
                    c = levels.size();
                    seen.put(v, c);
                    levels.add(v);
                }
                codes[i] = c;
            }
        }
        return new CategoricalColumn(name, levels, codes);
    }

    /** A column from explicit levels and a copy of {@code codes} (each a level index or {@link #MISSING}). */
    public static CategoricalColumn of(String name, List<String> levels, int[] codes) {
        return new CategoricalColumn(name, levels, codes.clone());
    }

    /** Wraps without copying; for builders inside this library that hand over ownership. */
    static CategoricalColumn wrap(String name, List<String> levels, int[] codes) {
        return new CategoricalColumn(name, levels, codes);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int size() {
        return codes.length;
    }

    /** The code in {@code row}: an index into {@link #levels()}, or {@link #MISSING}. */
    public int code(int row) {
        return codes[row];
    }

    /** The level in {@code row}, or null when missing. */
    public String get(int row) {
        int c = codes[row];
        return c == MISSING ? null : levels.get(c);
    }

    /** The dictionary: level {@code i} has code {@code i}. */
    public List<String> levels() {
        return levels;
    }

    /** Number of levels. */
    public int levelCount() {
        return levels.size();
    }

    /** The level with code {@code code}. */
    public String level(int code) {
        return levels.get(code);
    }

    /** The code of {@code level}, or {@link #MISSING} if it is not in the dictionary. */
    public int codeOf(String level) {
        Integer c = codeOf.get(level);
        return c == null ? MISSING : c;
    }

    /** Number of rows per code: element {@code i} counts level {@code i}. Missing values are not counted. */
    public int[] counts() {
        int[] counts = new int[levels.size()];
        for (int c : codes) {
            if (c != MISSING) {
                counts[c]++;
            }
        }
        return counts;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] == MISSING;
    }

    @Override
    public String format(int row) {
        int c = codes[row];
        return c == MISSING ? "" : levels.get(c);
    }

    /** A copy of all codes. */
    public int[] toCodes() {
        return codes.clone();
    }

    /** Selected rows; the dictionary is kept whole, so codes mean the same in both columns. */
    @Override
    public CategoricalColumn select(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = codes[rows[i]];
        }
        return new CategoricalColumn(name, levels, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalColumn c && c.name.equals(name) && c.levels.equals(levels)
                && Arrays.equals(c.codes, codes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, levels, Arrays.hashCode(codes));
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", " + levels.size() + " levels, " + codes.length + " rows]";
    }
}
