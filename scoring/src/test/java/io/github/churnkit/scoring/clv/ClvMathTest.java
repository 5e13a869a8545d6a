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

    /** Reference: StrictMath.expm1 (fdlibm, documented within 1 ulp), an independent implementation. */
    @Test
    void expm1_wholeRange_withinFourUlpsOfFdlibm() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(17);
        for (int k = 0; k < 200_000; k++) {
            // magnitudes from 1e-300 to 700, both signs, log-uniform
            double y = (r.nextBoolean() ? 1 : -1) * Math.pow(10, -300 + 302.8 * r.nextDouble());
            double expected = StrictMath.expm1(y);
            double got = ClvMath.expm1(y);
            assertEquals(expected, got, 4 * Math.ulp(expected), "expm1(" + y + ")");
        }
        // the CLV formula's arguments: horizon x ln(w) for w near 1
        for (double p : new double[] {1e-12, 1e-9, 1e-6, 1e-3, 0.5}) {
            double y = 36 * Math.log((1 - p) / 1.0);
            assertEquals(StrictMath.expm1(y), ClvMath.expm1(y), 4 * Math.ulp(StrictMath.expm1(y)), "p " + p);
        }
    }

    @Test
    void expm1_specialValues() {
        assertEquals(0.0, ClvMath.expm1(0.0), 0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(ClvMath.expm1(-0.0)));
        assertEquals(-1.0, ClvMath.expm1(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(-1.0, ClvMath.expm1(-800), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, ClvMath.expm1(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, ClvMath.expm1(710), 0.0);
        assertTrue(Double.isNaN(ClvMath.expm1(Double.NaN)));
        // below half an ulp of 1, e^y - 1 = y to double precision
        assertEquals(1e-17, ClvMath.expm1(1e-17), 0.0);
    }
}
