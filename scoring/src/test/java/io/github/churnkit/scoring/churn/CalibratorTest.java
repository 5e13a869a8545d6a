package io.github.churnkit.scoring.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalibratorTest {

    @Test
    void platt_identityParameters_returnInput() {
        // a = 1, b = 0 gives sigmoid(logit(p)) = p
        PlattCalibrator c = PlattCalibrator.of(1, 0);
        for (double p : new double[] {0.01, 0.3, 0.5, 0.9}) {
            assertEquals(p, c.calibrate(p), 1e-14);
        }
        assertTrue(Double.isNaN(c.calibrate(Double.NaN)));
        assertTrue(c.calibrate(0.0) >= 0 && c.calibrate(1.0) <= 1);
    }

    @Test
    void platt_halfSlope_shrinksTowardHalf() {
        // logit(0.8) = ln 4; a = 0.5 gives sigmoid(ln 2) = 2/3
        assertEquals(2.0 / 3.0, PlattCalibrator.of(0.5, 0).calibrate(0.8), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> PlattCalibrator.of(-1, 0));
    }

    @Test
    void isotonic_interpolatesBetweenKnots() {
        IsotonicCalibrator c = IsotonicCalibrator.of(new double[] {0.2, 0.6}, new double[] {0.1, 0.5});
        assertEquals(0.1, c.calibrate(0.0), 0.0);
        assertEquals(0.3, c.calibrate(0.4), 1e-15); // halfway between the knots
        assertEquals(0.5, c.calibrate(0.9), 0.0);
        assertEquals(0.1, c.calibrate(0.2), 0.0);
    }

    @Test
    void isotonic_badKnots_throw() {
        assertThrows(IllegalArgumentException.class, () -> IsotonicCalibrator.of(new double[] {0.5, 0.4}, new double[] {0.1, 0.2}));
        assertThrows(IllegalArgumentException.class, () -> IsotonicCalibrator.of(new double[] {0.1, 0.4}, new double[] {0.3, 0.2}));
        assertThrows(IllegalArgumentException.class, () -> IsotonicCalibrator.of(new double[0], new double[0]));
    }
}
