package io.github.churnkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class NormalQuantileTest {

    private static final double INV_SQRT_TWO_PI = 0.3989422804014327;

    @Test
    void twoSided_commonLevels_matchPublishedCriticalValues() {
        // standard normal tables to 16 digits (R 4.x: qnorm(0.95), qnorm(0.975), qnorm(0.995))
        assertEquals(1.6448536269514722, NormalQuantile.twoSided(0.90), 1e-15);
        assertEquals(1.959963984540054, NormalQuantile.twoSided(0.95), 1e-15);
        assertEquals(2.5758293035489004, NormalQuantile.twoSided(0.99), 1e-15);
    }

    @Test
    void inverse_body_matchesCommonsMath() {
        // an independent implementation (Commons Math, through the inverse error function of 2p − 1,
        // which is accurate in the body only, so the tails are checked by quadrature below); the grid
        // crosses the central region (|p − 1/2| <= 0.425) into the r <= 5 tail
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        double[] ps = {0.01, 0.02, 0.074, 0.076, 0.2, 0.4, 0.5, 0.6, 0.8, 0.924, 0.926, 0.98, 0.99};
        for (double p : ps) {
            double expected = normal.inverseCumulativeProbability(p);
            assertEquals(expected, NormalQuantile.inverse(p), 1e-14 * Math.max(1, Math.abs(expected)), "p=" + p);
        }
    }

    @Test
    void inverse_lowerTail_densityIntegratesBackToP() {
        // independent of any inverse: ∫_{x−12}^{x} φ(t) dt by Gauss-Legendre quadrature must return p
        // (the mass below x − 12 is under 1e-31 of it for these x)
        for (double p : new double[] {0.3, 0.05, 1e-4, 1e-9, 1e-15, 1e-40, 1e-150}) {
            double x = NormalQuantile.inverse(p);
            double mass = Quadrature.integrate(t -> INV_SQRT_TWO_PI * Math.exp(-0.5 * t * t), x - 12, x, 48);
            assertEquals(p, mass, 1e-12 * p, "p=" + p);
        }
    }

    @Test
    void inverse_mirroredProbabilities_oppositeQuantiles() {
        for (double p : new double[] {0.01, 0.1, 0.3, 0.45}) {
            assertEquals(-NormalQuantile.inverse(p), NormalQuantile.inverse(1 - p), 1e-13, "p=" + p);
        }
        assertEquals(0.0, NormalQuantile.inverse(0.5), 0.0);
    }

    @Test
    void twoSided_levelsNearOne_upperTailMassIsHalfOfOneMinusLevel() {
        // ∫_z^{z+12} φ = (1 − level) / 2 by quadrature; computing 1 − (1 − level) / 2 first would lose
        // the digits that matter for level = 1 − 1e-12
        for (double level : new double[] {0.5, 0.9, 0.999, 1 - 1e-12}) {
            double z = NormalQuantile.twoSided(level);
            double mass = Quadrature.integrate(t -> INV_SQRT_TWO_PI * Math.exp(-0.5 * t * t), z, z + 12, 48);
            assertEquals((1 - level) / 2, mass, 1e-12 * (1 - level), "level=" + level);
        }
    }

    @Test
    void inverseAndTwoSided_outOfRange_throw() {
        for (double p : new double[] {0, 1, -0.1, 1.1, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> NormalQuantile.inverse(p), "p=" + p);
            assertThrows(IllegalArgumentException.class, () -> NormalQuantile.twoSided(p), "level=" + p);
        }
    }
}
