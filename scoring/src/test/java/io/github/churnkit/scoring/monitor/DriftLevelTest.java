package io.github.churnkit.scoring.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DriftLevelTest {

    @Test
    void of_thresholds_followSiddiqiConvention() {
        assertEquals(DriftLevel.STABLE, DriftLevel.of(0.0));
        assertEquals(DriftLevel.STABLE, DriftLevel.of(0.0999));
        assertEquals(DriftLevel.MODERATE, DriftLevel.of(0.1));
        assertEquals(DriftLevel.MODERATE, DriftLevel.of(0.25));
        assertEquals(DriftLevel.MAJOR, DriftLevel.of(0.2501));
        assertEquals(DriftLevel.MAJOR, DriftLevel.of(Double.POSITIVE_INFINITY));
    }

    @Test
    void of_nanOrNegative_throws() {
        assertThrows(IllegalArgumentException.class, () -> DriftLevel.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> DriftLevel.of(-0.01));
    }
}
