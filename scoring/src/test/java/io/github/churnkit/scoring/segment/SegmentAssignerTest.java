package io.github.churnkit.scoring.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentAssignerTest {

    /**
     * Two features: age (mean 40, sd 10) and a plan indicator (center 0, inverse scale 1/sqrt(2)).
     * Segment 7 sits at z = (-1, 0), segment 3 at z = (1, 1/sqrt(2)).
     */
    private static SegmentAssigner assigner() {
        return SegmentAssigner.builder()
                .features(List.of("age", "plan=Premium"))
                .scaler(new double[] {40, 0}, new double[] {0.1, 1 / Math.sqrt(2)})
                .segment(7, "younger", new double[] {-1, 0})
                .segment(3, "older · Premium", new double[] {1, 1 / Math.sqrt(2)})
                .build();
    }

    @Test
    void assign_handExample_nearestStandardisedCentroid() {
        SegmentAssigner a = assigner();
        // age 30, Basic: z = (-1, 0): distance 0 to segment 7
        assertEquals(7, a.assign(new double[] {30, 0}));
        // age 48, Basic: z = (0.8, 0): d7 = 1.8^2 = 3.24, d3 = 0.2^2 + 0.5 = 0.54
        assertEquals(3, a.assign(new double[] {48, 0}));
        // age 41, Premium: z = (0.1, 0.707): d7 = 1.21 + 0.5 = 1.71, d3 = 0.81 -> 3
        assertEquals(3, a.assign(new double[] {41, 1}));
        // age 39, Basic: z = (-0.1, 0): d7 = 0.81, d3 = 1.21 + 0.5 = 1.71 -> 7
        assertEquals(7, a.assign(new double[] {39, 0}));
        assertEquals(0, a.nearest(new double[] {39, 0}));
    }

    @Test
    void assign_tie_goesToFirstCentroid() {
        // age 40, plan NaN: z = (0, 0): d7 = 1, d3 = 1 + 0.5; age 40 plan 0.5: z = (0, 0.354):
        // d7 = 1 + 0.125 = 1.125, d3 = 1 + 0.125 = 1.125 -> tie, first listed (7)
        SegmentAssigner a = assigner();
        assertEquals(7, a.assign(new double[] {40, 0.5}));
    }

    @Test
    void assign_nan_treatedAsTrainingMean() {
        SegmentAssigner a = assigner();
        // age NaN -> z_age = 0; Premium: z = (0, 0.707): d7 = 1 + 0.5, d3 = 1 + 0 -> 3
        assertEquals(3, a.assign(new double[] {Double.NaN, 1}));
        assertEquals(a.assign(new double[] {40, 1}), a.assign(new double[] {Double.NaN, 1}));
    }

    @Test
    void assign_badInput_throws() {
        SegmentAssigner a = assigner();
        assertThrows(IllegalArgumentException.class, () -> a.assign(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> a.assign(new double[] {Double.POSITIVE_INFINITY, 0}));
    }

    @Test
    void accessors_returnCopies() {
        SegmentAssigner a = assigner();
        assertEquals(List.of(7, 3), a.segmentIds());
        assertEquals(List.of("younger", "older · Premium"), a.segmentNames());
        double[] c = a.centroid(0);
        c[0] = 99;
        assertArrayEquals(new double[] {-1, 0}, a.centroid(0), 0.0);
        assertEquals(2, a.featureCount());
        assertEquals(2, a.segmentCount());
    }

    @Test
    void build_invalid_throws() {
        assertThrows(IllegalArgumentException.class, () -> SegmentAssigner.builder()
                .features(List.of("a")).scaler(new double[] {0}, new double[] {0}).segment(0, "s", new double[] {0}).build());
        assertThrows(IllegalArgumentException.class, () -> SegmentAssigner.builder()
                .features(List.of("a")).scaler(new double[] {0}, new double[] {1})
                .segment(0, "s", new double[] {0}).segment(0, "t", new double[] {1}).build());
        assertThrows(IllegalArgumentException.class, () -> SegmentAssigner.builder()
                .features(List.of("a")).scaler(new double[] {0}, new double[] {1}).segment(0, "s", new double[] {0, 1}).build());
        assertThrows(IllegalArgumentException.class, () -> SegmentAssigner.builder()
                .features(List.of("a")).scaler(new double[] {0}, new double[] {1}).build());
    }
}
