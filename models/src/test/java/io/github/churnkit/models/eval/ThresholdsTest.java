package io.github.churnkit.models.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    void maxF1_handExample() {
        // F1 = 2TP / (called + churners): t=0.9: 2/3, t=0.8: 2/4, t=0.3: 4/5, t=0.2: 4/6 -> 0.3
        assertEquals(0.3, Thresholds.maxF1(new double[] {0.9, 0.8, 0.3, 0.2}, new int[] {1, 0, 1, 0}), 0.0);
    }

    @Test
    void topShare_thirtyPercent_isThirdHighest() {
        double[] p = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        assertEquals(0.8, Thresholds.topShare(p, 0.3), 0.0);
        assertEquals(0.1, Thresholds.topShare(p, 1.0), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Thresholds.topShare(p, 0));
    }

    @Test
    void expectedValue_breakEven() {
        // an offer costing 10 that saves a customer worth 100 half the time pays when p > 10 / 50
        assertEquals(0.2, Thresholds.expectedValue(10, 0.5, 100), 1e-15);
        assertArrayEquals(new boolean[] {false, true, true},
                Thresholds.worthAnOffer(new double[] {0.1, 0.3, 0.1}, new double[] {100, 100, 1000}, 10, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.expectedValue(10, 0, 100));
    }
}
