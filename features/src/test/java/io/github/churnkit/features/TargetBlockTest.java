package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.features.ColumnTransform.TargetEncoding;
import org.junit.jupiter.api.Test;

class TargetBlockTest {

    private static final CategoricalColumn CITY = CategoricalColumn.of("city", "X", "X", "X", "Y", "Y", "Z");
    private static final int[] Y = {1, 1, 0, 0, 0, 1};
    private static final TargetEncoding M2 = new TargetEncoding(2, 2.0);

    private static double encode(TargetBlock b, String level) {
        double[] out = new double[1];
        b.encode(TestRow.ofCategory(level), out, 0, false);
        return out[0];
    }

    @Test
    void fit_mEstimate_handCalculated() {
        // prior = 3/6 = 0.5; X: (2 + 2 * 0.5) / (3 + 2) = 0.6; Y: (0 + 1) / (2 + 2) = 0.25; Z: (1 + 1) / (1 + 2) = 2/3
        TargetBlock b = TargetBlock.fit("city", 0, M2, CITY, Y);
        assertEquals(0.6, encode(b, "X"), 1e-15);
        assertEquals(0.25, encode(b, "Y"), 1e-15);
        assertEquals(2.0 / 3.0, encode(b, "Z"), 1e-15);
        assertEquals(0.5, encode(b, "W"), 1e-15);
        assertEquals(0.5, encode(b, null), 1e-15);
    }

    @Test
    void fit_unlabelledRows_leftOut() {
        // the unlabelled Z row counts for nothing: prior = 2/5 over labelled rows, Z has no labelled row -> (0 + 0.8) / 2 = prior
        TargetBlock b = TargetBlock.fit("city", 0, M2, CITY, new int[] {1, 1, 0, 0, 0, -1});
        assertEquals(0.4, encode(b, "Z"), 1e-15);
    }

    @Test
    void outOfFold_handCalculated() {
        TargetBlock b = TargetBlock.fit("city", 0, M2, CITY, Y);
        int[] slots = {b.slot("X"), b.slot("X"), b.slot("X"), b.slot("Y"), b.slot("Y"), b.slot("Z")};
        int[] folds = {0, 1, 0, 1, 0, 1};
        // fold 0 (rows 0, 2, 4) learns from rows 1, 3, 5 (X:1, Y:0, Z:1): prior 2/3;
        //   X: (1 + 2 * 2/3) / (1 + 2) = 7/9, Y: (0 + 4/3) / 3 = 4/9
        // fold 1 (rows 1, 3, 5) learns from rows 0, 2, 4 (X:1, X:0, Y:0): prior 1/3;
        //   X: (1 + 2/3) / (2 + 2) = 5/12, Y: (0 + 2/3) / 3 = 2/9, Z unseen: prior 1/3
        double[] expected = {7.0 / 9, 5.0 / 12, 7.0 / 9, 2.0 / 9, 4.0 / 9, 1.0 / 3};
        assertArrayEquals(expected, b.outOfFold(slots, Y, folds), 1e-15);
    }

    @Test
    void outOfFold_ownLabelFlipped_ownEncodingUnchanged() {
        TargetBlock b = TargetBlock.fit("city", 0, M2, CITY, Y);
        int[] slots = {0, 0, 0, 1, 1, 2};
        int[] folds = {0, 1, 0, 1, 0, 1};
        int[] flipped = Y.clone();
        flipped[0] = 1 - flipped[0];
        double[] a = b.outOfFold(slots, Y, folds);
        double[] c = b.outOfFold(slots, flipped, folds);
        // row 0's label only enters the statistics of the other fold
        assertEquals(a[0], c[0]);
        assertEquals(a[2], c[2]);
    }

    @Test
    void fit_noLabels_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> TargetBlock.fit("city", 0, M2, CITY, new int[] {-1, -1, -1, -1, -1, -1}));
    }
}
