package io.github.churnkit.core;

/**
 * One typed column of a {@link CustomerTable}. Columns are immutable and thread-safe; row access
 * goes through the typed accessors of each implementation and never boxes.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, DateColumn, TextColumn {

    /** The column name. */
    String name();

    /** The storage type. */
    ColumnType type();

    /** Number of rows. */
    int size();

    /** Whether the value in {@code row} is missing. */
    boolean isMissing(int row);

    /**
     * The value in {@code row} formatted as text (numbers with {@code Locale.ROOT}, dates as ISO
     * {@code yyyy-MM-dd}); the empty string when missing.
     */
    String format(int row);

    /** A new column holding the given rows, in the given order (rows may repeat). */
    Column select(int[] rows);

    /** Number of missing values. */
    default int missingCount() {
        int n = 0;
        for (int i = 0, size = size(); i < size; i++) {
            if (isMissing(i)) {
                n++;
            }
        }
        return n;
    }
}
