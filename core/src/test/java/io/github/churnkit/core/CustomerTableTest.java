package io.github.churnkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerTableTest {

    private static CustomerTable table() {
        Schema schema = Schema.builder()
                .add("id", ColumnRole.ID, ColumnType.TEXT)
                .add("fee", ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add("plan", ColumnRole.FEATURE, ColumnType.CATEGORICAL)
                .add("churn", ColumnRole.TARGET, ColumnType.BOOLEAN)
                .build();
        return CustomerTable.of(schema, List.of(
                TextColumn.of("id", "a", "b", "c", "d"),
                NumericColumn.of("fee", new double[] {10, 20, Double.NaN, 40}),
                CategoricalColumn.of("plan", "Basic", "Pro", "Basic", null),
                NumericColumn.ofBoolean("churn", new double[] {1, 0, Double.NaN, 1})));
    }

    @Test
    void accessors_typedColumnsByName() {
        CustomerTable t = table();
        assertEquals(4, t.rowCount());
        assertEquals(4, t.columnCount());
        assertEquals(20.0, t.numeric("fee").get(1));
        assertEquals("Pro", t.categorical("plan").get(1));
        assertEquals("d", t.text("id").get(3));
        assertEquals("plan", t.column(2).name());
    }

    @Test
    void typedAccessor_wrongType_throwsNamingTypes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table().numeric("plan"));
        assertEquals("column 'plan' is CATEGORICAL, not a NumericColumn", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> table().column("nope"));
    }

    @Test
    void of_mismatchedColumns_throw() {
        Schema one = Schema.builder().add("x", ColumnRole.FEATURE, ColumnType.NUMERIC).build();
        assertThrows(IllegalArgumentException.class, () -> CustomerTable.of(one, List.of()));
        assertEquals("column 0 is named 'y' but the schema names it 'x'", assertThrows(IllegalArgumentException.class,
                () -> CustomerTable.of(one, List.of(NumericColumn.of("y", new double[1])))).getMessage());
        assertEquals("column 'x' holds TEXT but the schema says NUMERIC", assertThrows(IllegalArgumentException.class,
                () -> CustomerTable.of(one, List.of(TextColumn.of("x", "a")))).getMessage());
        assertEquals("column 'b' has 1 rows but column 'a' has 2", assertThrows(IllegalArgumentException.class,
                () -> CustomerTable.of(List.of(NumericColumn.of("a", new double[2]),
                        NumericColumn.of("b", new double[1])))).getMessage());
    }

    @Test
    void of_columnsOnly_allFeatures() {
        CustomerTable t = CustomerTable.of(List.of(NumericColumn.of("a", new double[] {1})));
        assertEquals(ColumnRole.FEATURE, t.schema().column("a").role());
    }

    @Test
    void labels_booleanAndCategoricalMissingMinusOne() {
        CustomerTable t = table();
        assertArrayEquals(new int[] {1, 0, -1, 1}, t.targetLabels());
        assertArrayEquals(new int[] {0, 1, 0, -1}, t.labels("plan"));
        assertThrows(IllegalArgumentException.class, () -> t.labels("fee"));
        CustomerTable noTarget = CustomerTable.of(List.of(NumericColumn.of("a", new double[] {1})));
        assertThrows(IllegalStateException.class, noTarget::targetLabels);
    }

    @Test
    void select_andFilter_keepSchemaAndPickRows() {
        CustomerTable t = table();
        CustomerTable s = t.select(new int[] {3, 0, 3});
        assertEquals(t.schema(), s.schema());
        assertEquals(List.of("d", "a", "d"), List.of(s.text("id").get(0), s.text("id").get(1), s.text("id").get(2)));
        CustomerTable f = t.filter(row -> !t.numeric("fee").isMissing(row));
        assertEquals(3, f.rowCount());
        assertEquals(40.0, f.numeric("fee").get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> t.select(new int[] {4}));
        assertThrows(IndexOutOfBoundsException.class, () -> t.select(new int[] {-1}));
    }

    @Test
    void countBy_categoricalAndBooleanWithMissing() {
        CustomerTable t = table();
        Map<String, Long> plan = new LinkedHashMap<>();
        plan.put("Basic", 2L);
        plan.put("Pro", 1L);
        plan.put(null, 1L);
        assertEquals(plan, t.countBy("plan"));
        Map<String, Long> churn = new LinkedHashMap<>();
        churn.put("0", 1L);
        churn.put("1", 2L);
        churn.put(null, 1L);
        assertEquals(churn, t.countBy("churn"));
        assertThrows(IllegalArgumentException.class, () -> t.countBy("fee"));
    }

    @Test
    void sumBy_skipsNaNValuesAndGroupsMissingUnderNull() {
        // Basic: rows 0 (10) and 2 (NaN, skipped) = 10; Pro: row 1 = 20; missing plan: row 3 = 40
        Map<String, Double> sums = table().sumBy("plan", "fee");
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("Basic", 10.0);
        expected.put("Pro", 20.0);
        expected.put(null, 40.0);
        assertEquals(expected, sums);
    }

    @Test
    void withSchema_changesRolesOnly() {
        CustomerTable t = table();
        Schema other = t.schema().toBuilder().role("churn", ColumnRole.FEATURE).build();
        assertEquals(ColumnRole.FEATURE, t.withSchema(other).schema().column("churn").role());
        Schema wrongType = t.schema().toBuilder().type("fee", ColumnType.TEXT).build();
        assertThrows(IllegalArgumentException.class, () -> t.withSchema(wrongType));
    }
}
