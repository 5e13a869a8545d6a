package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.churnkit.features.ColumnTransform.QuantileBins;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinsBlockTest {

    private static final NumericSource SRC = NumericSource.number(0, "x");

    private static double[] encode(BinsBlock b, double value) {
        double[] out = new double[b.width()];
        b.encode(TestRow.ofNumber(value), out, 0, false);
        return out;
    }

    @Test
    void fit_quartiles_edgesAreType7Quantiles() {
        // 1..8, type 7: 0.25 -> h = 1.75 -> 2.75; 0.5 -> h = 3.5 -> 4.5; 0.75 -> h = 5.25 -> 6.25
        BinsBlock b = BinsBlock.fit("x", SRC, QuantileBins.of(4), new double[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertArrayEquals(new double[] {2.75, 4.5, 6.25}, b.edges(), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0, 0}, encode(b, 1));
        assertArrayEquals(new double[] {0, 1, 0, 0}, encode(b, 2.75));
        assertArrayEquals(new double[] {0, 0, 1, 0}, encode(b, 5));
        assertArrayEquals(new double[] {0, 0, 0, 1}, encode(b, 100));
        List<String> names = new ArrayList<>();
        b.addNames(names);
        assertEquals(List.of("x_bin0", "x_bin1", "x_bin2", "x_bin3"), names);
    }

    @Test
    void fit_tiedQuantiles_fewerBins() {
        // {1, 1, 1, 1, 1, 1, 5, 9}, type 7: h = 1.75, 3.5, 5.25 -> edges 1, 1, 1 + 0.25 * 4 = 2;
        // the two at the minimum are dropped, one edge left
        BinsBlock b = BinsBlock.fit("x", SRC, QuantileBins.of(4), new double[] {1, 1, 1, 1, 1, 1, 5, 9});
        assertEquals(1, b.edges().length);
        assertEquals(2, b.width());
    }

    @Test
    void fit_missing_imputedIntoMedianBinAndFlagged() {
        // fill = median of 1..4 = 2.5; imputed values {1, 2, 2.5, 3, 4} have median edge 2.5 (h = 2),
        // so a missing value lands in bin 1 (x >= edge) with the indicator set
        BinsBlock b = BinsBlock.fit("x", SRC, QuantileBins.of(2), new double[] {1, 2, 3, 4, Double.NaN});
        assertArrayEquals(new double[] {0, 1, 1}, encode(b, Double.NaN));
        assertArrayEquals(new double[] {1, 0, 0}, encode(b, 1));
    }
}
