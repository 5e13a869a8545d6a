package io.github.churnkit.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * A typed, columnar table of customers: one {@link Column} per {@link ColumnSpec} of its
 * {@link Schema}, all of the same length. Numbers live in {@code double[]} (NaN = missing),
 * categories in {@code int[]} codes with a dictionary, dates in {@code int[]} epoch days, so memory
 * grows with the data only and row access never boxes:
 *
 * <pre>{@code
 * NumericColumn charges = table.numeric("MonthlyCharges");
 * CategoricalColumn contract = table.categorical("Contract");
 * for (int row = 0; row < table.rowCount(); row++) {
 *     double fee = charges.get(row);          // NaN when missing
 *     int code = contract.code(row);          // CategoricalColumn.MISSING when missing
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. Operations such as {@link #select(int[])} and
 * {@link #filter(IntPredicate)} return new tables.
 */
public final class CustomerTable {

    private final Schema schema;
    private final List<Column> columns;
    private final int rows;

    private CustomerTable(Schema schema, List<Column> columns) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.columns = List.copyOf(columns);
        if (schema.size() != this.columns.size()) {
            throw new IllegalArgumentException("schema has " + schema.size() + " columns but "
                    + this.columns.size() + " columns were given");
        }
        int n = this.columns.isEmpty() ? 0 : this.columns.get(0).size();
        for (int i = 0; i < this.columns.size(); i++) {
            Column c = this.columns.get(i);
            ColumnSpec spec = schema.column(i);
            if (!c.name().equals(spec.name())) {
                throw new IllegalArgumentException("column " + i + " is named '" + c.name()
                        + "' but the schema names it '" + spec.name() + "'");
            }
            if (c.type() != spec.type()) {
                throw new IllegalArgumentException("column '" + c.name() + "' holds " + c.type()
                        + " but the schema says " + spec.type());
            }
            if (c.size() != n) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size()
                        + " rows but column '" + this.columns.get(0).name() + "' has " + n);
            }
        }
        this.rows = n;
    }

    /**
     * A table of the given columns, which must match the schema in order, name and type and all
     * have the same length.
     */
    public static CustomerTable of(Schema schema, List<? extends Column> columns) {
        return new CustomerTable(schema, new ArrayList<>(columns));
    }

    /**
     * A table whose schema gives every column the role {@link ColumnRole#FEATURE} and its own type.
     */
    public static CustomerTable of(List<? extends Column> columns) {
        Schema.Builder b = Schema.builder();
        for (Column c : columns) {
            b.add(c.name(), ColumnRole.FEATURE, c.type());
        }
        return new CustomerTable(b.build(), new ArrayList<>(columns));
    }

    /** The schema. */
    public Schema schema() {
        return schema;
    }

    /** Number of rows. */
    public int rowCount() {
        return rows;
    }

    /** Number of columns. */
    public int columnCount() {
        return columns.size();
    }

    /** All columns, in schema order. */
    public List<Column> columns() {
        return columns;
    }

    /** The column at position {@code i}. */
    public Column column(int i) {
        return columns.get(i);
    }

    /** The column called {@code name}; throws {@link IllegalArgumentException} naming the known columns if absent. */
    public Column column(String name) {
        return columns.get(schema.indexOf(name));
    }

    /** The NUMERIC or BOOLEAN column called {@code name}. */
    public NumericColumn numeric(String name) {
        return as(name, NumericColumn.class);
    }

    /** The CATEGORICAL column called {@code name}. */
    public CategoricalColumn categorical(String name) {
        return as(name, CategoricalColumn.class);
    }

    /** The DATE column called {@code name}. */
    public DateColumn date(String name) {
        return as(name, DateColumn.class);
    }

    /** The TEXT column called {@code name}. */
    public TextColumn text(String name) {
        return as(name, TextColumn.class);
    }

    private <C extends Column> C as(String name, Class<C> kind) {
        Column c = column(name);
        if (!kind.isInstance(c)) {
            throw new IllegalArgumentException("column '" + name + "' is " + c.type() + ", not a "
                    + kind.getSimpleName());
        }
        return kind.cast(c);
    }

    /**
     * Integer class labels of a BOOLEAN or CATEGORICAL column (by default the target): 0/1 for a
     * boolean column, the level code for a categorical one, -1 where the value is missing.
     */
    public int[] labels(String name) {
        Column c = column(name);
        int[] out = new int[rows];
        if (c instanceof NumericColumn n && n.type() == ColumnType.BOOLEAN) {
            for (int i = 0; i < rows; i++) {
                double v = n.get(i);
                out[i] = Double.isNaN(v) ? -1 : (int) v;
            }
        } else if (c instanceof CategoricalColumn cat) {
            for (int i = 0; i < rows; i++) {
                out[i] = cat.code(i);
            }
        } else {
            throw new IllegalArgumentException("column '" + name + "' is " + c.type()
                    + "; labels need a BOOLEAN or CATEGORICAL column");
        }
        return out;
    }

    /**
     * The labels of the target column (see {@link #labels(String)}).
     *
     * @throws IllegalStateException if the schema has no target
     */
    public int[] targetLabels() {
        ColumnSpec target = schema.target()
                .orElseThrow(() -> new IllegalStateException("the schema has no TARGET column"));
        return labels(target.name());
    }

    /** A new table with the given rows, in the given order (rows may repeat). */
    public CustomerTable select(int[] rows) {
        Objects.requireNonNull(rows, "rows");
        for (int r : rows) {
            if (r < 0 || r >= this.rows) {
                throw new IndexOutOfBoundsException("row " + r + " is outside 0.." + (this.rows - 1));
            }
        }
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.select(rows));
        }
        return new CustomerTable(schema, out);
    }

    /** A new table with the rows for which {@code keep} is true, in their original order. */
    public CustomerTable filter(IntPredicate keep) {
        Objects.requireNonNull(keep, "keep");
        int[] idx = new int[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (keep.test(i)) {
                idx[n++] = i;
            }
        }
        return select(java.util.Arrays.copyOf(idx, n));
    }

    /** A table with the same columns and a different schema (same names and types, other roles). */
    public CustomerTable withSchema(Schema newSchema) {
        return new CustomerTable(newSchema, columns);
    }

    /**
     * Row counts per level of a CATEGORICAL or BOOLEAN column, in dictionary order (for a boolean
     * column the keys are "0" and "1"); missing values are counted under the key {@code null}
     * when there are any.
     */
    public Map<String, Long> countBy(String groupColumn) {
        Map<String, Long> out = new LinkedHashMap<>();
        Grouping g = grouping(groupColumn);
        long[] counts = new long[g.levels.size()];
        long missing = 0;
        for (int i = 0; i < rows; i++) {
            int k = g.codes[i];
            if (k < 0) {
                missing++;
            } else {
                counts[k]++;
            }
        }
        for (int k = 0; k < counts.length; k++) {
            out.put(g.levels.get(k), counts[k]);
        }
        if (missing > 0) {
            out.put(null, missing);
        }
        return out;
    }

    /**
     * Sums of a NUMERIC or BOOLEAN column per level of a CATEGORICAL or BOOLEAN column, in
     * dictionary order; NaN values are skipped, rows with a missing group go under the key
     * {@code null} when there are any.
     */
    public Map<String, Double> sumBy(String groupColumn, String valueColumn) {
        Grouping g = grouping(groupColumn);
        NumericColumn v = numeric(valueColumn);
        double[] sums = new double[g.levels.size()];
        double missing = 0;
        boolean anyMissing = false;
        for (int i = 0; i < rows; i++) {
            double x = v.get(i);
            int k = g.codes[i];
            if (k < 0) {
                anyMissing = true;
                if (!Double.isNaN(x)) {
                    missing += x;
                }
            } else if (!Double.isNaN(x)) {
                sums[k] += x;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < sums.length; k++) {
            out.put(g.levels.get(k), sums[k]);
        }
        if (anyMissing) {
            out.put(null, missing);
        }
        return out;
    }

    private record Grouping(List<String> levels, int[] codes) { }

    private Grouping grouping(String name) {
        Column c = column(name);
        if (c instanceof CategoricalColumn cat) {
            int[] codes = new int[rows];
            for (int i = 0; i < rows; i++) {
                codes[i] = cat.code(i);
            }
            return new Grouping(cat.levels(), codes);
        }
        if (c instanceof NumericColumn n && n.type() == ColumnType.BOOLEAN) {
            return new Grouping(List.of("0", "1"), labels(name));
        }
        throw new IllegalArgumentException("cannot group by column '" + name + "' of type " + c.type()
                + "; group by a CATEGORICAL or BOOLEAN column");
    }

    @Override
    public String toString() {
        return "CustomerTable[" + rows + " rows, " + schema.names() + "]";
    }
}
