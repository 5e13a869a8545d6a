package io.github.churnkit.features;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.Column;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.core.NumericColumn;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presents one row of a {@link CustomerTable} as a {@link RawRow}, the pipeline inputs bound to
 * the table's columns by name once. Not thread-safe (it holds the current row); the table is.
 *
 * <p>Binding rules: a NUMERIC or BOOLEAN input accepts either numeric column type. A column that
 * is absent, or of another type, is an {@link IllegalArgumentException} in strict mode; in lenient
 * mode an absent column reads as missing and a column of another type is converted through its
 * text form (numbers parsed, dates parsed as ISO {@code yyyy-MM-dd}, anything unparseable missing).
 */
final class TableRow implements RawRow {

    private static final Logger LOG = LoggerFactory.getLogger(TableRow.class);

    private final NumericColumn[] numbers;
    private final CategoricalColumn[] categories;
    private final DateColumn[] dates;
    private final Column[] converted;
    private int row;

    private TableRow(int n) {
        numbers = new NumericColumn[n];
        categories = new CategoricalColumn[n];
        dates = new DateColumn[n];
        converted = new Column[n];
    }

    static TableRow bind(CustomerTable table, Inputs inputs, boolean strict) {
        return bind(table, inputs, strict, true);
    }

    /** Binds; {@code warn} logs repaired columns at WARN (once per table) rather than DEBUG (per row calls). */
    static TableRow bind(CustomerTable table, Inputs inputs, boolean strict, boolean warn) {
        TableRow t = new TableRow(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            String name = inputs.name(i);
            ColumnType want = inputs.type(i);
            if (!table.schema().contains(name)) {
                if (strict) {
                    throw new IllegalArgumentException("column '" + name + "' (" + want
                            + ") is missing from the table (strict mode); table columns are " + table.schema().names());
                }
                log(warn, "column '{}' is missing from the table; every value is treated as missing", name, null);
                continue;
            }
            Column c = table.column(name);
            boolean numericWanted = want == ColumnType.NUMERIC || want == ColumnType.BOOLEAN;
            if (numericWanted && c instanceof NumericColumn num) {
                t.numbers[i] = num;
            } else if (want == ColumnType.CATEGORICAL && c instanceof CategoricalColumn cat) {
                t.categories[i] = cat;
            } else if (want == ColumnType.DATE && c instanceof DateColumn date) {
                t.dates[i] = date;
            } else if (strict) {
                throw new IllegalArgumentException("column '" + name + "' is " + c.type()
                        + " but the pipeline was fitted on " + want + " (strict mode)");
            } else {
                log(warn, "column '{}' is {} but the pipeline expects " + want + "; converting its values through text",
                        name, c.type());
                t.converted[i] = c;
            }
        }
        return t;
    }

    private static void log(boolean warn, String message, String column, Object type) {
        if (warn) {
            LOG.warn(message, column, type);
        } else {
            LOG.debug(message, column, type);
        }
    }

    TableRow at(int r) {
        this.row = r;
        return this;
    }

    @Override
    public double number(int input) {
        NumericColumn n = numbers[input];
        if (n != null) {
            return n.get(row);
        }
        Column c = converted[input];
        if (c == null || c.isMissing(row)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(c.format(row).trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public String category(int input) {
        CategoricalColumn cat = categories[input];
        if (cat != null) {
            return cat.get(row);
        }
        Column c = converted[input];
        return c == null || c.isMissing(row) ? null : c.format(row);
    }

    @Override
    public int epochDay(int input) {
        DateColumn d = dates[input];
        if (d != null) {
            return d.epochDay(row);
        }
        Column c = converted[input];
        if (c == null || c.isMissing(row)) {
            return DateColumn.MISSING;
        }
        try {
            return Math.toIntExact(LocalDate.parse(c.format(row).trim()).toEpochDay());
        } catch (DateTimeParseException | ArithmeticException e) {
            return DateColumn.MISSING;
        }
    }
}
