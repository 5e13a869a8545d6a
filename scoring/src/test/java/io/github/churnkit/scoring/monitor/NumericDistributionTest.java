package io.github.churnkit.scoring.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumericDistributionTest {

    private static double[] oneTo(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i + 1;
        }
        return v;
    }

    @Test
    void fit_oneToHundredInFourBins_quartileEdges() {
        // edge k = ceil(k * 100 / 4)-th smallest = 25, 50, 75; bins (-inf,25], (25,50], (50,75], (75,inf)
        NumericDistribution d = NumericDistribution.fit("x", oneTo(100), 4);
        assertArrayEquals(new double[] {25, 50, 75}, d.edges());
        assertArrayEquals(new long[] {25, 25, 25, 25}, d.counts());
        assertEquals(0, d.missingCount());
    }

    @Test
    void fit_manyTies_dropsRepeatedEdges() {
        // 6 zeros then 5, 7, 9, 11: quintile edge k is the ceil(2k)-th smallest value, i.e. the
        // 2nd, 4th, 6th, 8th: 0, 0, 0, 7 -> edges {0, 7}; bins <=0: 6, (0, 7]: 5, 7, >7: 9, 11
        double[] v = {0, 0, 0, 0, 0, 0, 5, 7, 9, 11};
        NumericDistribution d = NumericDistribution.fit("tenure", v, 5);
        assertArrayEquals(new double[] {0, 7}, d.edges());
        assertArrayEquals(new long[] {6, 2, 2}, d.counts());
    }

    @Test
    void fit_missingAndConstant_countsMissingSeparately() {
        NumericDistribution d = NumericDistribution.fit("x", new double[] {3, 3, Double.NaN}, 10);
        assertArrayEquals(new double[0], d.edges());
        assertArrayEquals(new long[] {2}, d.counts());
        assertEquals(1, d.missingCount());
    }

    @Test
    void binOf_valueOnEdge_goesToLowerBin() {
        NumericDistribution d = NumericDistribution.of("x", new double[] {1, 2}, new long[] {1, 1, 1}, 0);
        assertEquals(0, d.binOf(1.0));
        assertEquals(1, d.binOf(1.5));
        assertEquals(1, d.binOf(2.0));
        assertEquals(2, d.binOf(Double.POSITIVE_INFINITY));
        assertEquals(0, d.binOf(Double.NEGATIVE_INFINITY));
    }

    @Test
    void compare_handComputed_psiAndKs() {
        // training 1..8 in 2 bins: edge 4, counts 4 and 4 -> e = (0.5, 0.5, missing 0)
        // batch {1, 5, 6, 7}: a = (0.25, 0.75, 0)
        // PSI = (0.25-0.5) ln(0.25/0.5) + (0.75-0.5) ln(0.75/0.5) + 0 = 0.25 (ln 2 + ln 1.5) = 0.2746530722
        // KS at edge 4: |0.25 - 0.5| = 0.25
        NumericDistribution d = NumericDistribution.fit("x", oneTo(8), 2);
        assertArrayEquals(new double[] {4}, d.edges());
        DriftResult r = d.compare(new double[] {1, 5, 6, 7});
        assertEquals(0.2746530722, r.psi(), 1e-9);
        assertEquals(0.25, r.ks(), 1e-15);
        assertEquals(DriftLevel.MAJOR, r.level());
        assertEquals(4, r.batchSize());
    }

    @Test
    void compare_missingAppearsInBatch_epsilonFloorGivesFiniteTerms() {
        // batch {1, NaN}: a = (0.5, 0, 0.5), e = (0.5, 0.5, 0); with epsilon 1e-4:
        // (1e-4 - 0.5) ln(1e-4/0.5) + (0.5 - 1e-4) ln(0.5/1e-4) = 2 * 0.4999 * ln 5000 = 8.5154897528
        // KS over non-missing values only: batch {1} -> |1 - 0.5| = 0.5
        NumericDistribution d = NumericDistribution.fit("x", oneTo(8), 2);
        DriftResult r = d.compare(new double[] {1, Double.NaN});
        assertEquals(8.5154897528, r.psi(), 1e-9);
        assertEquals(0.5, r.ks(), 1e-15);
    }

    @Test
    void compare_sameValues_zeroPsiAndKs() {
        NumericDistribution d = NumericDistribution.fit("x", oneTo(100), 10);
        DriftResult r = d.compare(oneTo(100));
        assertEquals(0.0, r.psi(), 1e-15);
        assertEquals(0.0, r.ks(), 1e-15);
        assertEquals(DriftLevel.STABLE, r.level());
    }

    @Test
    void compare_allMissingBatch_ksNan() {
        NumericDistribution d = NumericDistribution.fit("x", oneTo(8), 2);
        assertTrue(Double.isNaN(d.compare(new double[] {Double.NaN}).ks()));
    }

    @Test
    void compare_emptyBatch_throws() {
        NumericDistribution d = NumericDistribution.fit("x", oneTo(8), 2);
        assertThrows(IllegalArgumentException.class, () -> d.compare(new double[0]));
    }

    @Test
    void of_invalidParts_throw() {
        assertThrows(IllegalArgumentException.class,
                () -> NumericDistribution.of("x", new double[] {2, 1}, new long[] {1, 1, 1}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> NumericDistribution.of("x", new double[] {1}, new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> NumericDistribution.of("x", new double[] {1}, new long[] {0, 0}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> NumericDistribution.of("x", new double[] {1}, new long[] {Long.MAX_VALUE, 1}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> NumericDistribution.of("x", new double[] {Double.NaN}, new long[] {1, 1}, 0));
    }
}
