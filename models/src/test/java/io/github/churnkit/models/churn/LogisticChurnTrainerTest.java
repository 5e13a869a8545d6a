package io.github.churnkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.scoring.churn.LinearPredictor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

class LogisticChurnTrainerTest {

    private static final LogisticChurnTrainer TRAINER = LogisticChurnTrainer.withDefaults();

    private static ArrayExample<Label> example(double[] z) {
        String[] names = new String[z.length];
        for (int j = 0; j < z.length; j++) {
            names[j] = TribuoLogistic.featureName(j);
        }
        return new ArrayExample<>(new Label("0"), names, z);
    }

    @Test
    void fitRaw_binary_matchesTribuoProbabilitiesTo1e12() {
        Simulated train = Simulated.binary(3000, 11);
        TribuoLogistic.Fitted f = TRAINER.fitRaw(train.x, train.y);
        for (double[] row : Simulated.binary(1000, 12).x) {
            double tribuo = f.model().predict(example(TribuoLogistic.standardise(row, f.mean(), f.scale())))
                    .getOutputScores().get("1").getScore();
            assertEquals(tribuo, f.predictor().probability(row), 1e-12);
        }
    }

    @Test
    void fitRaw_threeClasses_matchesTribuoProbabilitiesTo1e12() {
        Simulated train = Simulated.threeClass(2000, 13);
        TribuoLogistic.Fitted f = TRAINER.fitRaw(train.x, train.y);
        double[] ours = new double[3];
        for (double[] row : Simulated.threeClass(500, 14).x) {
            var scores = f.model().predict(example(TribuoLogistic.standardise(row, f.mean(), f.scale())))
                    .getOutputScores();
            f.predictor().probabilities(row, ours);
            for (int c = 0; c < 3; c++) {
                assertEquals(scores.get(Integer.toString(c)).getScore(), ours[c], 1e-12);
            }
        }
    }

    @Test
    void fit_simulatedLogit_recoversCoefficients() {
        // large n, linear part only matters for x0..x2; the x3^2 term is orthogonal to x0..x2 and
        // x3 (symmetric), so the fitted slopes estimate BETA with standard error about 0.02 at n = 20000
        Simulated s = Simulated.binary(20000, 15);
        LinearPredictor m = (LinearPredictor) TRAINER.withListener(TrainingListener.NONE)
                .fit(s.x, s.y).predictor();
        double[] w = m.weights(0);
        assertEquals(Simulated.BETA[0], w[0], 0.1);
        assertEquals(Simulated.BETA[1] / 2, w[1], 0.05);
        assertEquals(Simulated.BETA[2], w[2], 0.12);
        assertEquals(0.0, w[4], 0.15);
    }

    @Test
    void fit_sameSeed_identicalModel() {
        Simulated s = Simulated.binary(1000, 16);
        LinearPredictor a = (LinearPredictor) TRAINER.fit(s.x, s.y).predictor();
        LinearPredictor b = (LinearPredictor) TRAINER.fit(s.x, s.y).predictor();
        for (int j = 0; j < 5; j++) {
            assertEquals(Double.doubleToRawLongBits(a.weights(0)[j]), Double.doubleToRawLongBits(b.weights(0)[j]));
        }
    }

    @Test
    void fit_recordsProvenance() {
        Simulated s = Simulated.binary(500, 17);
        ChurnModel m = TRAINER.fit(s.x, s.y, List.of("a", "b", "c", "d", "e"));
        TrainingProvenance p = m.provenance();
        assertEquals("LogisticChurnTrainer", p.trainer());
        assertEquals(500, p.data().rows());
        assertEquals(5, p.data().columns());
        assertEquals("10", p.settings().get("epochs"));
        assertEquals("4.3.2", p.versions().get("tribuo"));
        assertEquals(MatrixFingerprint.of(s.x, s.y), p.data());
        assertTrue(m.calibrator().isPresent());
        assertEquals(List.of("a", "b", "c", "d", "e"), m.importance().features());
    }

    @Test
    void fit_badInput_throwsClearly() {
        double[][] x = {{1}, {2}, {3}};
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> TRAINER.fit(x, new int[] {1, 1, 1}));
        assertTrue(one.getMessage().contains("one class"), one.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TRAINER.fit(new double[0][], new int[0]));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TRAINER.fit(x, new int[] {0, -1, 1}));
        assertTrue(missing.getMessage().contains("row 1"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TRAINER.fit(new double[][] {{1}, {Double.NaN}}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> TRAINER.fit(new double[][] {{1}, {1, 2}}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> TRAINER.fit(x, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> TRAINER.fit(x, new int[] {0, 1, 0}, List.of("a", "b")));
        // calibration on 3 folds needs 3 rows of each class
        assertThrows(IllegalArgumentException.class, () -> TRAINER.fit(x, new int[] {0, 1, 0}));
    }

    @Test
    void config_invalid_throws() {
        assertThrows(IllegalArgumentException.class, () -> LogisticChurnTrainer.Config.defaults().withL2(-1));
        assertThrows(IllegalArgumentException.class, () -> LogisticChurnTrainer.Config.defaults().withEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> LogisticChurnTrainer.Config.defaults().withCalibrationFolds(1));
    }

    @Test
    void fit_balancedWeights_raisesMeanPrediction() {
        // with rare positives, balanced weights push predictions toward 0.5 before calibration
        Simulated s = Simulated.binary(3000, 18);
        LogisticChurnTrainer.Config cfg = LogisticChurnTrainer.Config.defaults().withCalibration(Calibration.NONE);
        ChurnModel plain = LogisticChurnTrainer.of(cfg).fit(s.x, s.y);
        ChurnModel balanced = LogisticChurnTrainer.of(cfg.withClassWeighting(ClassWeighting.BALANCED)).fit(s.x, s.y);
        double a = 0;
        double b = 0;
        for (double[] row : s.x) {
            a += plain.probability(row);
            b += balanced.probability(row);
        }
        assertTrue(b > a + 0.05 * s.x.length, "balanced mean " + b / s.x.length + " vs plain " + a / s.x.length);
    }
}
