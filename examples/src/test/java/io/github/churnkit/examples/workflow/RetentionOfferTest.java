package io.github.churnkit.examples.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetentionOfferTest {

    @Test
    void expectedValues_handExample() {
        // 0.5 x 200 x 0.3 - 10 = 20; 0.1 x 200 x 0.3 - 10 = -4; NaN CLV stays NaN
        double[] ev = new RetentionOffer(10, 0.3).expectedValues(new double[] {0.5, 0.1, 0.9},
                new double[] {200, 200, Double.NaN});
        assertEquals(20, ev[0], 1e-12);
        assertEquals(-4, ev[1], 1e-12);
        assertTrue(Double.isNaN(ev[2]));
        assertArrayEquals(new Integer[] {0, 1, 2}, RetentionOffer.ranking(ev));
    }

    @Test
    void constructor_badSuccessRate_throws() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionOffer(1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new RetentionOffer(-1, 0.5));
    }
}
