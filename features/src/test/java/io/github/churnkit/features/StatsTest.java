package io.github.churnkit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void quantile_type7_matchesR() {
        // R 4.x: quantile(1:4, c(0, 0.25, 0.5, 1)) = 1, 1.75, 2.5, 4 (type 7 is R's default)
        double[] x = {1, 2, 3, 4};
        assertEquals(1.0, Stats.quantile(x, 0.0));
        assertEquals(1.75, Stats.quantile(x, 0.25), 1e-15);
        assertEquals(2.5, Stats.quantile(x, 0.5), 1e-15);
        assertEquals(4.0, Stats.quantile(x, 1.0));
        // R: quantile(1:10, 0.9) = 9.1
        assertEquals(9.1, Stats.quantile(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9), 1e-12);
    }

    @Test
    void quantile_single_value_isThatValue() {
        assertEquals(7.0, Stats.quantile(new double[] {7}, 0.3));
    }

    @Test
    void quantile_empty_throws() {
        assertThrows(IllegalArgumentException.class, () -> Stats.quantile(new double[0], 0.5));
    }

    @Test
    void meanAndSd_textbookSample_fiveAndTwo() {
        // the classic example: mean 5, population standard deviation 2
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(5.0, Stats.mean(x));
        assertEquals(2.0, Stats.sd(x, 5.0));
    }

    @Test
    void present_dropsNaN_keepsOrder() {
        assertArrayEquals(new double[] {3, 1}, Stats.present(new double[] {Double.NaN, 3, Double.NaN, 1}));
    }
}
