package io.github.churnkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClusterQualityTest {

    private static final double[][] LINE = {{0}, {1}, {4}, {6}};
    private static final int[] TWO = {0, 0, 1, 1};

    @Test
    void adjustedRandIndex_sklearnDocExample_isFourSevenths() {
        // contingency (0,0)=2 (1,1)=1 (1,2)=1: index 1; sum_a C = 2, sum_b C = 1, C(4,2) = 6;
        // expected 2*1/6 = 1/3, max 3/2: (1 - 1/3) / (3/2 - 1/3) = 4/7 (scikit-learn docs show 0.57)
        assertEquals(4.0 / 7.0, ClusterQuality.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}), 1e-15);
    }

    @Test
    void adjustedRandIndex_handExample_isEightOver33() {
        // contingency a0:{b0:2, b1:1}, a1:{b1:1, b2:2}: index = 1 + 1 = 2; sum_a C = 3 + 3 = 6;
        // sum_b C = 1 + 1 + 1 = 3; C(6,2) = 15; expected 6*3/15 = 1.2; max 4.5: 0.8 / 3.3 = 8/33
        assertEquals(8.0 / 33.0, ClusterQuality.adjustedRandIndex(new int[] {0, 0, 0, 1, 1, 1},
                new int[] {0, 0, 1, 1, 2, 2}), 1e-15);
    }

    @Test
    void adjustedRandIndex_relabelledPartition_isOne() {
        assertEquals(1.0, ClusterQuality.adjustedRandIndex(new int[] {0, 0, 1, 1, 2}, new int[] {7, 7, -3, -3, 5}), 0.0);
    }

    @Test
    void adjustedRandIndex_oneClusterAgainstSingletons_isZero() {
        // index 0, sum_a C = 6, sum_b C = 0: expected 0, max 3: 0/3 (scikit-learn docs: 0.0)
        assertEquals(0.0, ClusterQuality.adjustedRandIndex(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3}), 0.0);
    }

    @Test
    void adjustedRandIndex_bothOneCluster_isOne() {
        assertEquals(1.0, ClusterQuality.adjustedRandIndex(new int[] {1, 1, 1}, new int[] {2, 2, 2}), 0.0);
    }

    @Test
    void adjustedRandIndex_badInput_throws() {
        assertThrows(IllegalArgumentException.class, () -> ClusterQuality.adjustedRandIndex(new int[] {0, 1}, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> ClusterQuality.adjustedRandIndex(new int[] {0}, new int[] {0}));
    }

    @Test
    void silhouette_handExample() {
        // point 0: a = 1, b = (4+6)/2 = 5, s = 4/5;  point 1: a = 1, b = (3+5)/2 = 4, s = 3/4
        // point 4: a = 2, b = (4+3)/2 = 3.5, s = 3/7;  point 6: a = 2, b = (6+5)/2 = 5.5, s = 7/11
        double expected = (0.8 + 0.75 + 3.0 / 7.0 + 7.0 / 11.0) / 4;
        assertEquals(expected, ClusterQuality.silhouette(LINE, TWO, 100, 1), 1e-15);
    }

    @Test
    void silhouette_singletonCluster_countsAsZero() {
        // {0, 1} and {10}: s(0) = (10 - 1)/10, s(1) = (9 - 1)/9, s(10) = 0 by convention
        double expected = (0.9 + 8.0 / 9.0 + 0.0) / 3;
        assertEquals(expected, ClusterQuality.silhouette(new double[][] {{0}, {1}, {10}}, new int[] {0, 0, 1}, 10, 1), 1e-15);
    }

    @Test
    void silhouette_oneCluster_isNaN() {
        assertTrue(Double.isNaN(ClusterQuality.silhouette(LINE, new int[] {3, 3, 3, 3}, 10, 1)));
    }

    @Test
    void silhouette_sample_closeToFullValue() {
        GaussianBlobs blobs = GaussianBlobs.generate(new GaussianBlobs.Config(3000, 2, 3, 3.0, 4));
        double[][] x = blobs.data();
        int[] truth = blobs.truth();
        double full = ClusterQuality.silhouette(x, truth, 3000, 1);
        double sampled = ClusterQuality.silhouette(x, truth, 500, 9);
        // each row's silhouette lies in [-1, 1], so its sd is at most 1 and the sample mean's
        // standard error at most 1/sqrt(500) = 0.045; the within-sample distances add a smaller
        // bias. Four standard errors:
        assertEquals(full, sampled, 4 / Math.sqrt(500));
    }

    @Test
    void calinskiHarabasz_handExample() {
        // grand mean 2.75, means 0.5 and 5: B = 2*2.25^2 + 2*2.25^2 = 20.25;
        // W = 0.25 + 0.25 + 1 + 1 = 2.5; (20.25 / 1) / (2.5 / 2) = 16.2
        assertEquals(16.2, ClusterQuality.calinskiHarabasz(LINE, TWO), 1e-12);
    }

    @Test
    void calinskiHarabasz_oneCluster_isNaN() {
        assertTrue(Double.isNaN(ClusterQuality.calinskiHarabasz(LINE, new int[] {0, 0, 0, 0})));
    }

    @Test
    void inertia_handExample() {
        // centroids 0.5 and 5: 0.25 + 0.25 + 1 + 1
        assertEquals(2.5, ClusterQuality.inertia(LINE, new double[][] {{0.5}, {5}}), 1e-15);
    }
}
