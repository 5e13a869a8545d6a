package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.churnkit.features.ColumnTransform.Imputation;
import io.github.churnkit.features.ColumnTransform.Numeric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumericBlockTest {

    private static final double NA = Double.NaN;
    private static final NumericSource SRC = NumericSource.number(0, "x");
    private static final Numeric RAW = new Numeric(Imputation.MEDIAN, false, 0.0, false);

    private static double[] encode(NumericBlock b, double value) {
        double[] out = new double[b.width()];
        b.encode(TestRow.ofNumber(value), out, 0, false);
        return out;
    }

    @Test
    void fit_medianImputation_fillsMedianAndFlags() {
        // median of {1, 2, 6, 9} = (2 + 6) / 2 = 4
        NumericBlock b = NumericBlock.fit("x", SRC, RAW, new double[] {1, NA, 2, 6, 9});
        assertEquals(2, b.width());
        assertEquals(4.0, encode(b, NA)[0]);
        assertEquals(1.0, encode(b, NA)[1]);
        assertEquals(6.0, encode(b, 6)[0]);
        assertEquals(0.0, encode(b, 6)[1]);
    }

    @Test
    void fit_meanImputation_fillsMean() {
        // mean of {1, 2, 6} = 3
        NumericBlock b = NumericBlock.fit("x", SRC, RAW.withImputation(Imputation.MEAN), new double[] {1, 2, NA, 6});
        assertEquals(3.0, encode(b, NA)[0]);
    }

    @Test
    void fit_noMissingInTraining_noIndicator() {
        NumericBlock b = NumericBlock.fit("x", SRC, RAW, new double[] {1, 2, 3});
        assertEquals(1, b.width());
        List<String> names = new ArrayList<>();
        b.addNames(names);
        assertEquals(List.of("x"), names);
        // a missing value at transform time is still imputed with the median, 2
        assertEquals(2.0, encode(b, NA)[0]);
    }

    @Test
    void fit_standardize_textbookSample() {
        // {2, 4, 4, 4, 5, 5, 7, 9}: mean 5, population sd 2, so 9 -> (9 - 5) / 2 = 2 and 1 -> -2
        NumericBlock b = NumericBlock.fit("x", SRC, Numeric.defaults(), new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(2.0, encode(b, 9)[0]);
        assertEquals(-2.0, encode(b, 1)[0]);
        assertEquals(0.0, encode(b, 5)[0]);
    }

    @Test
    void fit_constantColumn_centredNotScaled() {
        // sd = 0: only the mean 5 is subtracted
        NumericBlock b = NumericBlock.fit("x", SRC, Numeric.defaults(), new double[] {5, 5, 5});
        assertEquals(0.0, encode(b, 5)[0]);
        assertEquals(5.0, encode(b, 10)[0]);
    }

    @Test
    void fit_clipQuantile_winsorisesAtType7Quantiles() {
        double[] x = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i + 1;
        }
        // type 7 on 1..100: q = 0.05 -> h = 99 * 0.05 = 4.95 -> 5 + 0.95 = 5.95; q = 0.95 -> h = 94.05 -> 95.05
        NumericBlock b = NumericBlock.fit("x", SRC, RAW.withClipQuantile(0.05), x);
        assertEquals(5.95, encode(b, -1000)[0], 1e-12);
        assertEquals(95.05, encode(b, 1000)[0], 1e-12);
        assertEquals(50.0, encode(b, 50)[0]);
    }

    @Test
    void fit_log1p_signedLog() {
        NumericBlock b = NumericBlock.fit("x", SRC, RAW.withLog1p(true), new double[] {0, 1, 2});
        // log1p(e - 1) = 1; negatives are mirrored: -(e - 1) -> -1
        assertEquals(1.0, encode(b, Math.E - 1)[0], 1e-15);
        assertEquals(-1.0, encode(b, -(Math.E - 1))[0], 1e-15);
        assertEquals(0.0, encode(b, 0)[0]);
    }

    @Test
    void fit_log1pThenImpute_fillsBeforeLog() {
        // the fill is the median of the raw values {0, e - 1, 100}, e - 1, then logged: log1p(e - 1) = 1
        NumericBlock b = NumericBlock.fit("x", SRC, RAW.withLog1p(true), new double[] {0, Math.E - 1, 100, NA});
        assertEquals(1.0, encode(b, NA)[0], 1e-15);
    }

    @Test
    void fit_allMissing_fillsZero() {
        NumericBlock b = NumericBlock.fit("x", SRC, Numeric.defaults(), new double[] {NA, NA});
        assertEquals(0.0, encode(b, NA)[0]);
        assertEquals(1.0, encode(b, NA)[1]);
        assertEquals(3.0, encode(b, 3)[0]);
    }
}
