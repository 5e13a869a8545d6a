package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.Column;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.ColumnType;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.Schema;
import io.github.churnkit.features.ColumnTransform.Numeric;
import io.github.churnkit.features.ColumnTransform.OneHot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturePipelineTest {

    @Test
    void defaults_smallTable_dropsIdTargetTextAndNamesOutputs() {
        CustomerTable t = Tables.small();
        FittedPipeline f = FeaturePipeline.defaults(t.schema())
                .with("plan", OneHot.defaults().withMinCount(1))
                .fit(t);
        assertEquals(List.of("fee", "plan", "paper", "joined"), f.inputColumns());
        assertEquals(List.of("fee", "fee_missing", "plan=Basic", "plan=Premium", "plan=Standard", "paper",
                "joined_days"), f.featureNames());
        assertEquals(7, f.width());
    }

    @Test
    void fit_smallTable_imputesMedianAndStandardises() {
        CustomerTable t = Tables.small();
        FittedPipeline f = FeaturePipeline.defaults(t.schema())
                .with("fee", Numeric.defaults().withStandardize(false))
                .fit(t);
        double[][] x = f.transform(t);
        // median of {10, 20, 40, 50, 60} is 40: the missing fee becomes 40 with the indicator set
        assertEquals(40.0, x[2][0]);
        assertEquals(1.0, x[2][1]);
        assertEquals(0.0, x[0][1]);
        assertEquals(10.0, x[0][0]);
    }

    @Test
    void with_transformOfWrongType_throws() {
        CustomerTable t = Tables.small();
        FeaturePipeline p = FeaturePipeline.defaults(t.schema());
        assertThrows(IllegalArgumentException.class, () -> p.with("plan", Numeric.defaults()));
        assertThrows(IllegalArgumentException.class, () -> p.with("id", OneHot.defaults()));
    }

    @Test
    void defaults_roles_onlyFeatureColumnsThatAreNotText() {
        CustomerTable t = Tables.small();
        Schema s = t.schema().toBuilder().role("paper", ColumnRole.IGNORED).build();
        FeaturePipeline p = FeaturePipeline.defaults(s);
        assertEquals(List.of("fee", "plan", "joined"), List.copyOf(p.transforms().keySet()));
        assertInstanceOf(Numeric.class, p.transforms().get("fee"));
        assertInstanceOf(OneHot.class, p.transforms().get("plan"));
        assertInstanceOf(ColumnTransform.DaysSince.class, p.transforms().get("joined"));
        assertEquals(Numeric.flag(), FeaturePipeline.defaults(t.schema()).transforms().get("paper"));
    }

    @Test
    void without_column_noOutputsButStillUsableInRatio() {
        CustomerTable t = Tables.small();
        FittedPipeline f = FeaturePipeline.defaults(t.schema()).without("paper").without("plan").without("joined")
                .withRatio("fee_per_paper", "fee", "paper").fit(t);
        assertEquals(List.of("fee", "paper"), f.inputColumns());
        assertEquals(List.of("fee", "fee_missing", "fee_per_paper", "fee_per_paper_missing"), f.featureNames());
    }

    @Test
    void withRatio_badOperandsOrName_throw() {
        FeaturePipeline p = FeaturePipeline.defaults(Tables.small().schema());
        assertThrows(IllegalArgumentException.class, () -> p.withRatio("x", "fee", "plan"));
        assertThrows(IllegalArgumentException.class, () -> p.withRatio("x", "fee", "churn"));
        assertThrows(IllegalArgumentException.class, () -> p.withRatio("x", "fee", "nope"));
        assertThrows(IllegalArgumentException.class, () -> p.withRatio("fee", "fee", "paper"));
        FeaturePipeline q = p.withRatio("x", "fee", "paper");
        assertThrows(IllegalArgumentException.class, () -> q.withDifference("x", "fee", "paper"));
        assertThrows(IllegalArgumentException.class, () -> q.with("x", OneHot.defaults()));
    }

    @Test
    void withAll_type_replacesEveryColumnOfThatType() {
        Schema s = Schema.builder().add("a", ColumnRole.FEATURE, ColumnType.NUMERIC)
                .add("b", ColumnRole.FEATURE, ColumnType.NUMERIC).add("c", ColumnRole.FEATURE, ColumnType.BOOLEAN)
                .build();
        Numeric logged = Numeric.defaults().withLog1p(true);
        FeaturePipeline p = FeaturePipeline.defaults(s).without("b").withAll(ColumnType.NUMERIC, logged);
        assertEquals(logged, p.transforms().get("a"));
        assertFalse(p.transforms().containsKey("b"));
        assertEquals(Numeric.flag(), p.transforms().get("c"));
        assertThrows(IllegalArgumentException.class, () -> p.withAll(ColumnType.NUMERIC, OneHot.defaults()));
    }

    @Test
    void with_textOrIgnoredColumn_throws() {
        FeaturePipeline p = FeaturePipeline.defaults(Tables.small().schema());
        assertThrows(IllegalArgumentException.class, () -> p.with("note", OneHot.defaults()));
        assertThrows(IllegalArgumentException.class, () -> p.with("churn", Numeric.flag()));
    }

    @Test
    void fit_tableWithoutInputColumn_throwsNamingIt() {
        CustomerTable t = Tables.small();
        FeaturePipeline p = FeaturePipeline.defaults(t.schema());
        Schema noFee = t.schema().toBuilder().remove("fee").build();
        List<Column> cols = new ArrayList<>(t.columns());
        cols.remove(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.fit(CustomerTable.of(noFee, cols)));
        assertTrue(e.getMessage().contains("'fee'"), e.getMessage());
    }

    @Test
    void fit_inputOfOtherType_throws() {
        CustomerTable t = Tables.small();
        Schema feeText = t.schema().toBuilder().type("fee", ColumnType.CATEGORICAL).build();
        FeaturePipeline p = FeaturePipeline.defaults(feeText);
        assertThrows(IllegalArgumentException.class, () -> p.fit(t));
    }

    @Test
    void fit_ordinalLevels_rankOutput() {
        CustomerTable t = Tables.small();
        FittedPipeline f = FeaturePipeline.defaults(t.schema())
                .with("plan", ColumnTransform.Ordinal.of("Basic", "Standard", "Premium")).fit(t);
        int col = f.featureNames().indexOf("plan");
        double[][] x = f.transform(t);
        // Basic, Premium, Basic, Basic, Premium, Standard
        assertEquals(List.of(0.0, 2.0, 0.0, 0.0, 2.0, 1.0), Arrays.stream(x).map(r -> r[col]).toList());
    }

    @Test
    void fit_emptyTable_constantFeatures() {
        CustomerTable empty = Tables.small().select(new int[0]);
        FittedPipeline f = FeaturePipeline.defaults(empty.schema()).withReferenceDate(java.time.LocalDate.of(2024, 1, 1))
                .fit(empty);
        // nothing seen: no levels, no missing-value indicators; numbers pass through unscaled
        assertEquals(List.of("fee", "paper", "joined_days"), f.featureNames());
        assertEquals(0, f.transform(empty).length);
        double[] x = f.transform(Tables.small())[0];
        assertEquals(10.0, x[0]);
    }

    @Test
    void toBytes_roundTrip_bitIdenticalVectors() {
        CustomerTable t = Tables.small();
        FittedPipeline f = FeaturePipeline.defaults(t.schema()).fit(t);
        FittedPipeline g = FittedPipeline.fromBytes(f.toBytes());
        assertEquals(f.featureNames(), g.featureNames());
        double[][] a = f.transform(t);
        double[][] b = g.transform(t);
        for (int r = 0; r < a.length; r++) {
            assertArrayEquals(a[r], b[r]);
        }
    }
}
