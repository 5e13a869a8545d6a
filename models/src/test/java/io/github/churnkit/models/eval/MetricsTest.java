package io.github.churnkit.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final double[] P = {0.1, 0.4, 0.35, 0.8};
    private static final int[] Y = {0, 0, 1, 1};

    @Test
    void rocAuc_smallExample_matchesHandCount() {
        // pairs (pos, neg): (0.35,0.1) win, (0.35,0.4) loss, (0.8,0.1) win, (0.8,0.4) win: 3/4
        assertEquals(0.75, Metrics.rocAuc(P, Y), 1e-15);
        // a tie counts one half
        assertEquals(0.5, Metrics.rocAuc(new double[] {0.5, 0.5}, new int[] {0, 1}), 1e-15);
    }

    @Test
    void rocAuc_gaussianScores_matchesClosedForm() {
        // negatives N(0,1), positives N(1,1): AUC = Phi(1 / sqrt 2) = 0.76025; se about 0.003 at 20000 per class
        SplittableRandom rng = new SplittableRandom(1);
        int n = 40000;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double u = rng.nextDouble();
            double v = rng.nextDouble();
            p[i] = Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v) + y[i];
        }
        assertEquals(0.76025, Metrics.rocAuc(p, y), 0.01);
    }

    @Test
    void averagePrecision_smallExample_matchesHandSum() {
        // thresholds 0.8: P=1, R=0.5; 0.4: P=1/2, R=0.5; 0.35: P=2/3, R=1 -> 0.5*1 + 0.5*2/3
        assertEquals(0.5 + 1.0 / 3.0, Metrics.averagePrecision(P, Y), 1e-15);
    }

    @Test
    void logLossAndBrier_handValues() {
        assertEquals(Math.log(2), Metrics.logLoss(new double[] {0.5}, new int[] {1}), 1e-15);
        // (0.2^2 + 0.1^2) / 2
        assertEquals(0.025, Metrics.brier(new double[] {0.2, 0.9}, new int[] {0, 1}), 1e-15);
        // p = 0 for a churner is clipped, not infinite: -log(1e-15)
        assertEquals(-Math.log(1e-15), Metrics.logLoss(new double[] {0.0}, new int[] {1}), 1e-9);
    }

    @Test
    void expectedCalibrationError_handExample() {
        // bin 0: mean 0.05, observed 0.5 (weight 1/2); bin 9: mean 0.95, observed 1 (weight 1/2)
        double[] p = {0.05, 0.05, 0.95, 0.95};
        int[] y = {0, 1, 1, 1};
        assertEquals(0.5 * 0.45 + 0.5 * 0.05, Metrics.expectedCalibrationError(p, y, 10), 1e-12);
        List<ReliabilityBin> bins = Metrics.reliability(p, y, 10);
        assertEquals(10, bins.size());
        assertEquals(0, bins.get(5).count());
        assertEquals(0.5, bins.get(0).observedRate(), 1e-15);
    }

    @Test
    void expectedCalibrationError_calibratedSimulation_isSmall() {
        // y ~ Bernoulli(p): each of 10 bins has about 10000 rows, so |observed - mean| has sd at most
        // sqrt(0.25 / 10000) = 0.005; ECE, a weighted mean of such terms, stays below 0.015
        SplittableRandom rng = new SplittableRandom(2);
        int n = 100000;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = rng.nextDouble();
            y[i] = rng.nextDouble() < p[i] ? 1 : 0;
        }
        assertTrue(Metrics.expectedCalibrationError(p, y, 10) < 0.015);
    }

    @Test
    void gains_tenRows_liftAndCumulativeGain() {
        double[] p = new double[10];
        int[] y = new int[10];
        for (int i = 0; i < 10; i++) {
            p[i] = 1 - i / 10.0;
            y[i] = i < 3 ? 1 : 0;
        }
        List<GainsRow> g = Metrics.gains(p, y, 10);
        // base rate 0.3; the top row is a churner: lift 1 / 0.3
        assertEquals(1 / 0.3, g.get(0).lift(), 1e-12);
        assertEquals(1.0, g.get(2).cumulativeGain(), 1e-15);
        assertEquals(0.0, g.get(5).lift(), 1e-15);
        assertEquals(1.0, g.get(9).cumulativeLift(), 1e-12);
    }

    @Test
    void confusion_atThreshold_countsAndRates() {
        ConfusionMatrix c = Metrics.confusion(P, Y, 0.38);
        // called: 0.4 (stayer), 0.8 (churner); missed 0.35 (churner)
        assertEquals(1, c.truePositives());
        assertEquals(1, c.falsePositives());
        assertEquals(1, c.falseNegatives());
        assertEquals(1, c.trueNegatives());
        assertEquals(0.5, c.precision(), 1e-15);
        assertEquals(0.5, c.recall(), 1e-15);
        assertEquals(0.5, c.f1(), 1e-15);
    }

    @Test
    void metrics_badInput_throw() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.rocAuc(new double[] {0.1, 0.2}, new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Metrics.brier(new double[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> Metrics.brier(new double[] {Double.NaN}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Metrics.brier(new double[] {0.1}, new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> Metrics.brier(new double[] {0.1}, new int[] {1, 0}));
    }
}
