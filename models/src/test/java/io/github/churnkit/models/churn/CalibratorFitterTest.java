package io.github.churnkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.scoring.churn.IsotonicCalibrator;
import io.github.churnkit.scoring.churn.PlattCalibrator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibratorFitterTest {

    /** Scores whose true log-odds are 0.5 logit(p) - 0.3: Platt must find a = 0.5, b = -0.3. */
    @Test
    void platt_knownDistortion_recoversParameters() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 50000;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = rng.nextDouble(0.01, 0.99);
            double truth = 1 / (1 + Math.exp(-(0.5 * PlattCalibrator.logit(p[i]) - 0.3)));
            y[i] = rng.nextDouble() < truth ? 1 : 0;
        }
        PlattCalibrator c = CalibratorFitter.platt(p, y);
        // standard errors at n = 50000 are about 0.01; Platt's target smoothing moves them by O(1/n)
        assertEquals(0.5, c.slope(), 0.04);
        assertEquals(-0.3, c.offset(), 0.04);
    }

    @Test
    void isotonic_handExample_poolsViolators() {
        // sorted by p: labels 0, 1, 0, 1 -> blocks {0}, {1, 0} pooled to 0.5, {1}
        IsotonicCalibrator c = CalibratorFitter.isotonic(new double[] {0.1, 0.2, 0.3, 0.4}, new int[] {0, 1, 0, 1});
        assertEquals(0.0, c.calibrate(0.1), 0.0);
        assertEquals(0.5, c.calibrate(0.25), 1e-15);
        assertEquals(1.0, c.calibrate(0.4), 0.0);
        double[] xs = c.knotInputs();
        assertEquals(3, xs.length);
        assertEquals(0.25, xs[1], 1e-15);
    }

    @Test
    void isotonic_ties_pooledFirst() {
        // two rows at p = 0.5 with labels 1 and 0 form one knot at y = 0.5
        IsotonicCalibrator c = CalibratorFitter.isotonic(new double[] {0.5, 0.5, 0.9}, new int[] {1, 0, 1});
        assertEquals(0.5, c.calibrate(0.5), 1e-15);
        assertTrue(c.knotInputs().length == 2);
    }

    @Test
    void fit_badInput_throws() {
        assertThrows(IllegalArgumentException.class, () -> CalibratorFitter.platt(new double[] {0.1, 0.2}, new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> CalibratorFitter.isotonic(new double[] {Double.NaN}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> CalibratorFitter.isotonic(new double[] {0.1}, new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> CalibratorFitter.isotonic(new double[0], new int[0]));
    }
}
