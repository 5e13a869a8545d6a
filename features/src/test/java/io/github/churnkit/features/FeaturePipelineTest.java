package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.features.ColumnTransform.Numeric;
import io.github.churnkit.features.ColumnTransform.OneHot;
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
