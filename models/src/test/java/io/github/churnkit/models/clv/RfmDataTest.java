package io.github.churnkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RfmDataTest {

    @Test
    void of_duplicates_collapseIntoWeights() {
        RfmData d = RfmData.of(new double[] {0, 0, 1, 1, 1, 2}, new double[] {0, -0.0, 3, 3, 4, 5},
                new double[] {10, 10, 10, 10, 10, 12});
        // distinct: (0,0,10)×2 (−0.0 equals 0.0), (1,3,10)×2, (1,4,10)×1, (2,5,12)×1
        assertEquals(4, d.size());
        assertEquals(6.0, d.totalWeight());
        double weightOfRepeatedTriple = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.frequency(i) == 1 && d.recency(i) == 3) {
                weightOfRepeatedTriple = d.weight(i);
            }
        }
        assertEquals(2.0, weightOfRepeatedTriple);
    }

    @Test
    void builder_manyDistinctKeys_keepsEveryOne() {
        // 50,000 distinct triples on a fine grid exercise the table growth and hashing
        RfmData.Builder b = RfmData.builder();
        for (int i = 0; i < 50_000; i++) {
            int x = 1 + i % 50;
            b.add(x, (i / 50) % 100 / 7.0, 100, 1.0);
            b.add(x, (i / 50) % 100 / 7.0, 100, 2.0);
        }
        RfmData d = b.build();
        assertEquals(5000, d.size());
        assertEquals(150_000.0, d.totalWeight());
    }

    @Test
    void add_badTriple_namesCustomerAndValues() {
        RfmData.Builder b = RfmData.builder().add(1, 2, 3).add(0, 0, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add(2, 4, 3));
        assertEquals("customer 2: recency t_x must not exceed age T, found t_x=4.0 > T=3.0 (frequency=2.0)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.add(1.5, 1, 3));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.add(1, 1, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> RfmData.builder().build());
    }
}
