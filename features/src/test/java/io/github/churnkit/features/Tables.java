package io.github.churnkit.features;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.DateColumn;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Schema;
import io.github.churnkit.core.TextColumn;
import java.time.LocalDate;
import java.util.List;

/** Small hand-made tables for the tests. */
final class Tables {

    static final double NA = Double.NaN;

    private Tables() {
    }

    /**
     * Six customers: id (ID), fee (NUMERIC, one missing), plan (CATEGORICAL), paper (BOOLEAN),
     * joined (DATE), note (TEXT feature, never an input), churn (BOOLEAN TARGET).
     */
    static CustomerTable small() {
        Schema schema = Schema.builder()
                .add("id", ColumnRole.ID, ColumnType.TEXT)
                .add("fee", ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add("plan", ColumnRole.FEATURE, ColumnType.CATEGORICAL)
                .add("paper", ColumnRole.FEATURE, ColumnType.BOOLEAN)
                .add("joined", ColumnRole.FEATURE, ColumnType.DATE)
                .add("note", ColumnRole.FEATURE, ColumnType.TEXT)
                .add("churn", ColumnRole.TARGET, ColumnType.BOOLEAN)
                .build();
        LocalDate d = LocalDate.of(2024, 1, 1);
        return CustomerTable.of(schema, List.of(
                TextColumn.of("id", "a", "b", "c", "d", "e", "f"),
                NumericColumn.of("fee", new double[] {10, 20, NA, 40, 50, 60}),
                CategoricalColumn.of("plan", "Basic", "Premium", "Basic", "Basic", "Premium", "Standard"),
                NumericColumn.ofBoolean("paper", new double[] {1, 0, 1, 1, 0, 0}),
                DateColumn.of("joined", d, d.plusDays(10), d.plusDays(20), d.plusDays(30), d.plusDays(40), d.plusDays(50)),
                TextColumn.of("note", "x", "y", "z", "x", "y", "z"),
                NumericColumn.ofBoolean("churn", new double[] {1, 0, 1, 0, 0, 1})));
    }
}
