package io.github.churnkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class ClvMathTest {

    @Test
    void logGamma_grid_matchesCommonsMath() {
        // reference: commons-math3 Gamma.logGamma (Lanczos/NSWC based, independent implementation)
        for (double x = 0.001; x < 2000; x *= 1.07) {
            double expected = Gamma.logGamma(x);
            assertEquals(expected, ClvMath.logGamma(x), 1e-13 * Math.max(1.0, Math.abs(expected)), "x=" + x);
        }
    }

    @Test
    void logGamma_tabulatedValues_match() {
        // Γ(1) = Γ(2) = 1; Γ(1/2) = √π; Γ(5) = 24; Γ(10) = 362880 (standard tables)
        assertEquals(0.0, ClvMath.logGamma(1.0), 1e-15);
        assertEquals(0.0, ClvMath.logGamma(2.0), 1e-15);
        assertEquals(0.5 * Math.log(Math.PI), ClvMath.logGamma(0.5), 1e-15);
        assertEquals(Math.log(24.0), ClvMath.logGamma(5.0), 1e-14);
        assertEquals(Math.log(362880.0), ClvMath.logGamma(10.0), 1e-13);
    }

    @Test
    void logGamma_nonPositive_isNaN() {
        assertTrue(Double.isNaN(ClvMath.logGamma(0.0)));
        assertTrue(Double.isNaN(ClvMath.logGamma(-1.5)));
        assertTrue(Double.isNaN(ClvMath.logGamma(Double.NaN)));
    }

    @Test
    void hyp2f1_knownClosedForms_match() {
        for (double z : new double[] {0.0, 0.1, 0.5, 0.9, 0.99}) {
            // 2F1(1, 1; 2; z) = −ln(1 − z)/z (Abramowitz & Stegun 15.1.3)
            double expected = z == 0 ? 1.0 : -Math.log1p(-z) / z;
            assertEquals(expected, ClvMath.hyp2f1(1, 1, 2, z), 1e-13 * expected, "z=" + z);
            // 2F1(a, b; b; z) = (1 − z)^{−a} (A&S 15.1.8)
            assertEquals(Math.pow(1 - z, -2.5), ClvMath.hyp2f1(2.5, 3.7, 3.7, z), 1e-12 * Math.pow(1 - z, -2.5));
            // 2F1(1/2, 1/2; 3/2; z²) = arcsin(z)/z (A&S 15.1.6)
            double asin = z == 0 ? 1.0 : Math.asin(z) / z;
            assertEquals(asin, ClvMath.hyp2f1(0.5, 0.5, 1.5, z * z), 1e-13);
        }
    }

    @Test
    void hyp2f1Minus1_smallValue_keepsRelativeAccuracy() {
        // 2F1(1e-9, 1; 1; z) − 1 = (1 − z)^{−1e-9} − 1 = −1e-9 ln(1 − z) to first order
        double z = 0.5;
        double expected = Math.expm1(-1e-9 * Math.log1p(-z));
        assertEquals(expected, ClvMath.hyp2f1Minus1(1e-9, 1, 1, z), 1e-12 * expected);
    }

    @Test
    void hyp2f1_negativeNonIntegerC_matchesClosedForm() {
        // 2F1(a, b; b; z) with b = c = −0.3 still equals (1 − z)^{−a}
        assertEquals(Math.pow(0.6, -0.7), ClvMath.hyp2f1(0.7, -0.3, -0.3, 0.4), 1e-13);
    }

    @Test
    void hyp2f1_badArguments_throw() {
        assertThrows(IllegalArgumentException.class, () -> ClvMath.hyp2f1(1, 1, 2, 1.0));
        assertThrows(IllegalArgumentException.class, () -> ClvMath.hyp2f1(1, 1, 2, -0.1));
        assertThrows(IllegalArgumentException.class, () -> ClvMath.hyp2f1(1, 1, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> ClvMath.hyp2f1(1, 1, -2, 0.5));
    }

    /**
     * Reference: the sum of the {@code n} terms in exact decimal arithmetic ({@link java.math.BigDecimal}
     * of the double {@code w}, powers multiplied exactly, rounded once at the end), an independent
     * evaluation; the bound is the javadoc's {@code 4 log2(n)} units in the last place.
     */
    @Test
    void geometricSum_againstExactSums_withinItsErrorBound() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(23);
        double[] nearOne = {1 - 1e-15, 1 - 1e-12, 1 - 1e-9, 1 - 1e-6, 0.999, 0.5, 1e-3, 0.0, 1.0};
        int[] lengths = {0, 1, 2, 3, 7, 12, 36, 37, 64, 100, 241};
        for (int k = 0; k < 60; k++) {
            double w = k < nearOne.length ? nearOne[k] : r.nextDouble();
            for (int n : lengths) {
                java.math.BigDecimal bw = new java.math.BigDecimal(w);
                java.math.BigDecimal term = java.math.BigDecimal.ONE;
                java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
                for (int j = 0; j < n; j++) {
                    sum = sum.add(term);
                    // keep 60 significant digits: exact enough, and the powers stay small
                    term = term.multiply(bw, new java.math.MathContext(60));
                }
                double expected = sum.doubleValue();
                double bound = 4 * Math.max(1, 32 - Integer.numberOfLeadingZeros(n)) * Math.ulp(expected);
                assertEquals(expected, ClvMath.geometricSum(w, n), bound, "w " + w + ", n " + n);
            }
        }
    }

    @Test
    void geometricSum_endCases_exact() {
        assertEquals(0.0, ClvMath.geometricSum(0.7, 0), 0.0);
        assertEquals(1.0, ClvMath.geometricSum(0.7, 1), 0.0);
        assertEquals(1.0, ClvMath.geometricSum(0.0, 36), 0.0);
        assertEquals(36.0, ClvMath.geometricSum(1.0, 36), 0.0);
        assertEquals(Integer.MAX_VALUE, ClvMath.geometricSum(1.0, Integer.MAX_VALUE), 0.0);
        // w = 1/2, n = 5: 1 + 1/2 + 1/4 + 1/8 + 1/16 = 31/16, every step exact in binary
        assertEquals(31.0 / 16, ClvMath.geometricSum(0.5, 5), 0.0);
        // a very long horizon converges to 1 / (1 - w)
        assertEquals(1 / (1 - 0.9), ClvMath.geometricSum(0.9, 1_000_000), 1e-14 * 10);
    }
}
