package io.github.churnkit.scoring.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoricalDistributionTest {

    @Test
    void fit_column_countsPerLevelAndMissing() {
        CategoricalDistribution d = CategoricalDistribution.fit(CategoricalColumn.of("plan", "A", "B", null, "A"));
        assertEquals(List.of("A", "B"), d.levels());
        assertArrayEquals(new long[] {2, 1}, d.counts());
        assertEquals(1, d.missingCount());
    }

    @Test
    void compare_unseenLevelAndMissing_handComputedPsi() {
        // training A, A, B, B: e = (A 0.5, B 0.5, other 0, missing 0)
        // batch A, C, C, null: a = (0.25, 0, 0.5, 0.25); proportions floored at 1e-4:
        //   (0.25-0.5) ln(0.5)                = 0.1732867951
        // + (1e-4-0.5) ln(1e-4/0.5)           = 4.2577448764
        // + (0.5-1e-4) ln(0.5/1e-4)           = 4.2577448764
        // + (0.25-1e-4) ln(0.25/1e-4)         = 1.9552334957
        // = 10.6440056460
        CategoricalDistribution d = CategoricalDistribution.fit(CategoricalColumn.of("plan", "A", "A", "B", "B"));
        DriftResult r = d.compare(CategoricalColumn.of("plan", "A", "C", "C", null));
        assertEquals(10.6440056460, r.psi(), 1e-9);
        assertTrue(Double.isNaN(r.ks()));
        assertEquals(DriftLevel.MAJOR, r.level());
    }

    @Test
    void compare_sameProportionsDifferentCodeOrder_zeroPsi() {
        // the batch column numbers its levels B=0, A=1: matching is by level name, not code
        CategoricalDistribution d = CategoricalDistribution.fit(CategoricalColumn.of("plan", "A", "B", "B", "A"));
        assertEquals(0.0, d.compare(CategoricalColumn.of("plan", "B", "A")).psi(), 1e-15);
    }

    @Test
    void of_repeatedLevels_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> CategoricalDistribution.of("p", List.of("a", "a"), new long[] {1, 1}, 0));
    }
}
