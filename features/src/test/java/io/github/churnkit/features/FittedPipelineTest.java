package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.Column;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Schema;
import io.github.churnkit.features.ColumnTransform.Numeric;
import io.github.churnkit.features.ColumnTransform.OneHot;
import io.github.churnkit.features.ColumnTransform.TargetEncoding;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FittedPipelineTest {

    private static final double NA = Double.NaN;

    /** Defaults with every plan level kept and raw (unscaled) fees, fitted on rows 0..3. */
    private static FeaturePipeline spec() {
        return FeaturePipeline.defaults(Tables.small().schema())
                .with("plan", OneHot.defaults().withMinCount(1))
                .with("fee", Numeric.defaults().withStandardize(false));
    }

    private static CustomerTable train() {
        return Tables.small().select(new int[] {0, 1, 2, 3});
    }

    /** A one-row table like Tables.small() with the given fee and plan. */
    private static CustomerTable row(double fee, String plan) {
        CustomerTable t = Tables.small().select(new int[] {0});
        List<Column> cols = new ArrayList<>(t.columns());
        cols.set(1, NumericColumn.of("fee", new double[] {fee}));
        cols.set(2, CategoricalColumn.of("plan", plan));
        return CustomerTable.of(t.schema(), cols);
    }

    @Test
    void transform_testRow_sameWhateverOtherRowsExist() {
        FittedPipeline f = spec().fit(train());
        CustomerTable test = Tables.small().select(new int[] {4, 5});
        double[][] together = f.transform(test);
        for (int r = 0; r < 2; r++) {
            double[] alone = f.transform(test.select(new int[] {r}))[0];
            double[] viaRow = new double[f.width()];
            f.transformRow(test, r, viaRow);
            assertArrayEquals(together[r], alone);
            assertArrayEquals(together[r], viaRow);
        }
        // and whatever else is in the table beside it
        double[][] mixed = f.transform(Tables.small().select(new int[] {1, 5, 0, 4}));
        assertArrayEquals(together[1], mixed[1]);
        assertArrayEquals(together[0], mixed[3]);
    }

    @Test
    void transform_rawRow_sameAsTablePath() {
        FittedPipeline f = spec().fit(train());
        CustomerTable t = Tables.small();
        RowBuffer buf = RowBuffer.of(f);
        double[] x = new double[f.width()];
        for (int r = 0; r < t.rowCount(); r++) {
            buf.clear()
                    .setNumber("fee", t.numeric("fee").get(r))
                    .setCategory("plan", t.categorical("plan").get(r))
                    .setNumber("paper", t.numeric("paper").get(r))
                    .setEpochDay(f.inputIndex("joined"), t.date("joined").epochDay(r));
            f.transform(buf, x);
            assertArrayEquals(f.transform(t)[r], x);
        }
    }

    @Test
    void fit_twice_identicalBytesAndVectors() {
        FittedPipeline a = spec().fit(train());
        FittedPipeline b = spec().fit(train());
        assertArrayEquals(a.toBytes(), b.toBytes());
        double[][] xa = a.transform(Tables.small());
        double[][] xb = b.transform(Tables.small());
        for (int r = 0; r < xa.length; r++) {
            assertArrayEquals(xa[r], xb[r]);
        }
    }

    @Test
    void transform_nanNumeric_imputedWithTrainingMedianAndFlagged() {
        // training fees {10, 20, NaN, 40}: median of {10, 20, 40} = 20
        FittedPipeline f = spec().fit(train());
        double[] x = f.transform(row(NA, "Basic"))[0];
        assertEquals(20.0, x[f.featureNames().indexOf("fee")]);
        assertEquals(1.0, x[f.featureNames().indexOf("fee_missing")]);
    }

    @Test
    void transform_unknownCategoryLenient_allZerosWhenNothingPooled() {
        FittedPipeline f = spec().fit(train());
        assertEquals(List.of("fee", "fee_missing", "plan=Basic", "plan=Premium", "paper", "joined_days"),
                f.featureNames());
        double[] x = f.transform(row(10, "Platinum"))[0];
        assertEquals(0.0, x[2]);
        assertEquals(0.0, x[3]);
    }

    @Test
    void transform_unknownCategoryStrict_throwsNamingColumnAndValue() {
        FittedPipeline f = spec().withStrict(true).fit(train());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.transform(row(10, "Platinum")));
        assertTrue(e.getMessage().contains("'plan'") && e.getMessage().contains("'Platinum'"), e.getMessage());
    }

    @Test
    void transform_missingColumnLenient_imputed() {
        FittedPipeline f = spec().fit(train());
        CustomerTable t = Tables.small().select(new int[] {4});
        Schema noFee = t.schema().toBuilder().remove("fee").build();
        List<Column> cols = new ArrayList<>(t.columns());
        cols.remove(1);
        double[] x = f.transform(CustomerTable.of(noFee, cols))[0];
        assertEquals(20.0, x[0]);
        assertEquals(1.0, x[1]);
        assertEquals(f.transform(t)[0][2], x[2]); // the other columns as usual
    }

    @Test
    void transform_missingColumnStrict_throwsNamingColumn() {
        FittedPipeline f = spec().fit(train()).withStrict(true);
        CustomerTable t = Tables.small();
        Schema noFee = t.schema().toBuilder().remove("fee").build();
        List<Column> cols = new ArrayList<>(t.columns());
        cols.remove(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.transform(CustomerTable.of(noFee, cols)));
        assertTrue(e.getMessage().contains("'fee'"), e.getMessage());
    }

    /** Small table whose fee column arrives as text categories: "10" and "abc". */
    private static CustomerTable feeAsText() {
        CustomerTable t = Tables.small().select(new int[] {0, 1});
        Schema s = t.schema().toBuilder().type("fee", ColumnType.CATEGORICAL).build();
        List<Column> cols = new ArrayList<>(t.columns());
        cols.set(1, CategoricalColumn.of("fee", "10", "abc"));
        return CustomerTable.of(s, cols);
    }

    @Test
    void transform_wrongTypeLenient_convertedThroughText() {
        FittedPipeline f = spec().fit(train());
        double[][] x = f.transform(feeAsText());
        assertEquals(10.0, x[0][0]); // "10" parses
        assertEquals(0.0, x[0][1]);
        assertEquals(20.0, x[1][0]); // "abc" does not: missing, imputed with the median
        assertEquals(1.0, x[1][1]);
    }

    @Test
    void transform_wrongTypeStrict_throwsNamingColumnAndType() {
        FittedPipeline f = spec().fit(train()).withStrict(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.transform(feeAsText()));
        assertTrue(e.getMessage().contains("'fee'") && e.getMessage().contains("CATEGORICAL"), e.getMessage());
    }

    @Test
    void transform_rawRowWrongValueStrict_throwsNamingColumnAndValue() {
        FittedPipeline f = spec().fit(train()).withStrict(true);
        RowBuffer buf = RowBuffer.of(f).setNumber("paper", 2.0);
        double[] x = new double[f.width()];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.transform(buf, x));
        assertTrue(e.getMessage().contains("'paper'") && e.getMessage().contains("2.0"), e.getMessage());
        // lenient: the bad boolean counts as missing and is imputed with the training median of {1, 0, 1, 1} = 1
        f.withStrict(false).transform(buf, x);
        assertEquals(1.0, x[f.featureNames().indexOf("paper")]);
    }

    @Test
    void transform_outputTooShort_throws() {
        FittedPipeline f = spec().fit(train());
        assertThrows(IllegalArgumentException.class, () -> f.transform(RowBuffer.of(f), new double[f.width() - 1]));
    }

    @Test
    void transform_rawRow_allocatesNothing() {
        FittedPipeline f = spec().with("paper", Numeric.defaults()).withRatio("fee_per_day", "fee", "joined").fit(train());
        RowBuffer buf = RowBuffer.of(f).setNumber("fee", 33).setCategory("plan", "Premium").setNumber("paper", 1);
        double[] x = new double[f.width()];
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            f.transform(buf, x);
        }
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            f.transform(buf, x);
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        // one 16-byte object per row would be 1.6 MB; allow a little for the measurement itself
        assertTrue(allocated < 10_000, "allocated " + allocated + " bytes for 100000 rows");
    }

    @Test
    void sourceColumn_oneHotParts_pointToTheirInput() {
        FittedPipeline f = spec().withRatio("fee_per_paper", "fee", "paper").fit(train());
        int plan = f.inputIndex("plan");
        for (int i = 0; i < f.width(); i++) {
            String name = f.featureNames().get(i);
            if (name.startsWith("plan=")) {
                assertEquals(plan, f.sourceColumn(i));
                assertEquals("plan", f.sourceName(i));
            }
        }
        int derived = f.featureNames().indexOf("fee_per_paper");
        assertEquals(-1, f.sourceColumn(derived));
        assertEquals("fee_per_paper", f.sourceName(derived));
        assertThrows(IndexOutOfBoundsException.class, () -> f.sourceColumn(f.width()));
    }

    @Test
    void daysSince_explicitReferenceDate_countsDays() {
        // joined 2024-01-01 to reference 2024-03-01 is 31 + 29 (leap year) = 60 days
        FittedPipeline f = spec().with("joined", new ColumnTransform.DaysSince(Numeric.flag()))
                .withReferenceDate(LocalDate.of(2024, 3, 1)).fit(train());
        assertEquals(LocalDate.of(2024, 3, 1), f.referenceDate().orElseThrow());
        assertEquals(60.0, f.transform(Tables.small())[0][f.featureNames().indexOf("joined_days")]);
    }

    @Test
    void daysSince_noReferenceDate_latestTrainingDate() {
        // training rows 0..3 joined 2024-01-01 + 0, 10, 20, 30 days: the reference is 2024-01-31
        FittedPipeline f = spec().with("joined", new ColumnTransform.DaysSince(Numeric.flag())).fit(train());
        assertEquals(LocalDate.of(2024, 1, 31), f.referenceDate().orElseThrow());
        assertEquals(30.0, f.transform(Tables.small())[0][f.featureNames().indexOf("joined_days")]);
        // a later date at transform time gives a negative count
        assertEquals(-20.0, f.transform(Tables.small())[5][f.featureNames().indexOf("joined_days")]);
    }

    @Test
    void ratio_zeroDenominator_imputedAndFlagged() {
        // fee / paper over training rows: 10/1, 20/0 (missing), NaN/1 (missing), 40/1 -> median of {10, 40} = 25
        FittedPipeline f = spec().withRatio("fee_per_paper", "fee", "paper")
                .with("fee_per_paper", Numeric.flag()).fit(train());
        double[][] x = f.transform(train());
        int col = f.featureNames().indexOf("fee_per_paper");
        assertEquals(List.of(10.0, 25.0, 25.0, 40.0),
                Arrays.stream(x).map(r -> r[col]).toList());
        assertEquals(List.of(0.0, 1.0, 1.0, 0.0),
                Arrays.stream(x).map(r -> r[col + 1]).toList());
    }

    @Test
    void transformOutOfFold_noTargetEncoding_equalsTransform() {
        FittedPipeline f = spec().fit(train());
        double[][] a = f.transform(train());
        double[][] b = f.transformOutOfFold(train());
        for (int r = 0; r < a.length; r++) {
            assertArrayEquals(a[r], b[r]);
        }
    }

    @Test
    void transformOutOfFold_targetEncoding_onlyThatColumnDiffers() {
        CustomerTable t = Tables.small();
        FittedPipeline f = spec().with("plan", new TargetEncoding(2, 1.0)).fit(t);
        double[][] full = f.transform(t);
        double[][] oof = f.transformOutOfFold(t);
        int col = f.featureNames().indexOf("plan_target");
        boolean anyDiffers = false;
        for (int r = 0; r < full.length; r++) {
            for (int c = 0; c < f.width(); c++) {
                if (c != col) {
                    assertEquals(full[r][c], oof[r][c]);
                }
            }
            anyDiffers |= full[r][col] != oof[r][col];
        }
        assertTrue(anyDiffers);
        // deterministic for the seed
        assertArrayEquals(oof[3], f.transformOutOfFold(t)[3]);
    }

    @Test
    void targetEncoding_categoricalYesNoTarget_usesYesAsChurned() {
        CustomerTable t = Tables.small();
        Schema s = t.schema().toBuilder().type("churn", ColumnType.CATEGORICAL).build();
        List<Column> cols = new ArrayList<>(t.columns());
        cols.set(6, CategoricalColumn.of("churn", "Yes", "No", "Yes", "No", "No", "Yes"));
        CustomerTable yesNo = CustomerTable.of(s, cols);
        FittedPipeline a = spec().with("plan", new TargetEncoding(2, 1.0)).fit(t);
        FittedPipeline b = FeaturePipeline.defaults(s).with("plan", OneHot.defaults().withMinCount(1))
                .with("fee", Numeric.defaults().withStandardize(false))
                .with("plan", new TargetEncoding(2, 1.0)).fit(yesNo);
        assertArrayEquals(a.transform(t)[0], b.transform(yesNo)[0]);
    }

    @Test
    void targetEncoding_noTarget_throws() {
        CustomerTable t = Tables.small();
        Schema s = t.schema().toBuilder().role("churn", ColumnRole.IGNORED).build();
        FeaturePipeline p = FeaturePipeline.defaults(s).with("plan", TargetEncoding.defaults());
        assertThrows(IllegalArgumentException.class, () -> p.fit(t.withSchema(s)));
    }

    @Test
    void withStrict_sameStatistics() {
        FittedPipeline f = spec().fit(train());
        assertNotEquals(f.strict(), f.withStrict(true).strict());
        assertArrayEquals(f.transform(Tables.small())[4], f.withStrict(true).transform(Tables.small().select(new int[] {4}))[0]);
    }
}
