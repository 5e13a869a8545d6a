package io.github.churnkit.examples.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class CurvesTest {

    // p = 0.9 (churn), 0.8 (stay), 0.7 (churn), 0.6 (stay); 2 positives, 2 negatives.
    // Lowering the threshold: TP/FP = 1/0, 1/1, 2/1, 2/2.
    private static final double[] P = {0.6, 0.9, 0.7, 0.8};
    private static final int[] Y = {0, 1, 1, 0};

    @Test
    void roc_handExample_stepsThroughEveryThreshold() {
        Curves.Points roc = Curves.roc(P, Y, 100);
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, roc.x(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, roc.y(), 1e-12);
    }

    @Test
    void precisionRecall_handExample() {
        Curves.Points pr = Curves.precisionRecall(P, Y, 100);
        assertArrayEquals(new double[] {0.5, 0.5, 1, 1}, pr.x(), 1e-12);
        assertArrayEquals(new double[] {1, 0.5, 2 / 3.0, 0.5}, pr.y(), 1e-12);
    }

    @Test
    void roc_ties_moveTogether() {
        Curves.Points roc = Curves.roc(new double[] {0.5, 0.5, 0.5, 0.5}, Y, 100);
        assertArrayEquals(new double[] {0, 1}, roc.x(), 1e-12);
        assertArrayEquals(new double[] {0, 1}, roc.y(), 1e-12);
    }
}
