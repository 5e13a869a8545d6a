package io.github.churnkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.models.eval.Metrics;
import io.github.churnkit.scoring.churn.TreeEnsemble;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoostedChurnTrainerTest {

    private static final BoostedChurnTrainer.Config FAST = BoostedChurnTrainer.Config.defaults().withMaxTrees(120);

    @Test
    void fit_earlyStopping_choosesFewerTreesThanAllowedOnSmallNoisyData() {
        // 600 rows, shrinkage 0.3: over-fitting starts early, so held-out log-loss has its minimum
        // well before 120 iterations
        Simulated s = Simulated.binary(600, 21);
        List<String> stages = new ArrayList<>();
        ChurnModel m = BoostedChurnTrainer.of(FAST.withShrinkage(0.3))
                .withListener((stage, done, total) -> stages.add(stage)).fit(s.x, s.y);
        int chosen = Integer.parseInt(m.provenance().settings().get("chosenTrees"));
        assertTrue(chosen < 120, "chose " + chosen);
        assertEquals(chosen, ((TreeEnsemble) m.predictor()).treeCount());
        assertEquals(List.of("validation fold", "validation fold", "validation fold", "final model"), stages);
        assertTrue(m.calibrator().isPresent());
    }

    @Test
    void fit_simulatedData_ranksWellAndBeatsLogisticOnNonLinearEffect() {
        // the x3^2 term is invisible to a linear model but not to trees
        Simulated train = Simulated.binary(4000, 22);
        Simulated test = Simulated.binary(4000, 23);
        double treeAuc = Metrics.rocAuc(BoostedChurnTrainer.of(FAST).fit(train.x, train.y).probability(test.x), test.y);
        double linAuc = Metrics.rocAuc(LogisticChurnTrainer.withDefaults().fit(train.x, train.y).probability(test.x), test.y);
        double oracle = Metrics.rocAuc(test.trueProbability, test.y);
        assertTrue(treeAuc > linAuc, treeAuc + " vs " + linAuc);
        assertTrue(treeAuc > oracle - 0.03, treeAuc + " vs oracle " + oracle);
    }

    @Test
    void fit_sameSeed_bitIdenticalProbabilities() {
        Simulated s = Simulated.binary(800, 24);
        BoostedChurnTrainer t = BoostedChurnTrainer.of(FAST.withMaxTrees(40));
        ChurnModel a = t.fit(s.x, s.y);
        ChurnModel b = t.fit(s.x, s.y);
        for (double[] row : s.x) {
            assertEquals(Double.doubleToRawLongBits(a.probability(row)), Double.doubleToRawLongBits(b.probability(row)));
        }
    }

    @Test
    void fit_threeClasses_givesProbabilitiesAndNoCalibrator() {
        Simulated train = Simulated.threeClass(1500, 25);
        Simulated test = Simulated.threeClass(1500, 26);
        ChurnModel m = BoostedChurnTrainer.of(FAST.withMaxTrees(60)).fit(train.x, train.y);
        ChurnModel lin = LogisticChurnTrainer.withDefaults().fit(train.x, train.y);
        assertEquals(3, m.classCount());
        assertFalse(m.calibrator().isPresent());
        assertFalse(lin.calibrator().isPresent());
        // multinomial log-loss of both models beats the class-rate baseline on held-out rows
        ChurnModel base = BaselineChurnTrainer.create().fit(train.x, train.y);
        double lm = 0;
        double ll = 0;
        double lb = 0;
        for (int i = 0; i < test.x.length; i++) {
            double[] p = m.probabilities(test.x[i]);
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
            lm -= Math.log(p[test.y[i]]);
            ll -= Math.log(lin.probabilities(test.x[i])[test.y[i]]);
            lb -= Math.log(base.probabilities(test.x[i])[test.y[i]]);
        }
        assertTrue(lm < 0.9 * lb, lm + " vs baseline " + lb);
        assertTrue(ll < 0.9 * lb, ll + " vs baseline " + lb);
    }

    @Test
    void fit_balancedWeights_repeatsRareClassRows() {
        int[] y = {0, 0, 0, 0, 0, 0, 1, 1};
        double[][] x = new double[8][1];
        BoostedChurnTrainer.WeightedRows r = BoostedChurnTrainer.WeightedRows.of(x, y, 2, ClassWeighting.BALANCED);
        // weights n/(k n_c): 8/12 and 8/4 -> ratio 3, so each churner appears 3 times: 6 + 6 rows
        assertEquals(12, r.y().length);
        int churners = 0;
        for (int label : r.y()) {
            churners += label;
        }
        assertEquals(6, churners);
    }

    @Test
    void fit_badInput_throws() {
        BoostedChurnTrainer t = BoostedChurnTrainer.withDefaults();
        assertThrows(IllegalArgumentException.class, () -> t.fit(new double[][] {{1}, {2}}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> t.fit(new double[0][], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> t.fit(new double[][] {{1}, {Double.NaN}}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> BoostedChurnTrainer.Config.defaults().withShrinkage(0));
        assertThrows(IllegalArgumentException.class, () -> BoostedChurnTrainer.Config.defaults().withMaxDepth(0));
    }

    @Test
    void fit_gainImportance_highestForStrongestFeature() {
        Simulated s = Simulated.binary(3000, 27);
        FeatureImportance imp = BoostedChurnTrainer.of(FAST.withMaxTrees(50)).fit(s.x, s.y).importance();
        assertEquals("gain", imp.method());
        // x0 (coefficient 1.0 on a unit-variance feature) outweighs the pure-noise x4
        assertTrue(imp.values().get(0) > 3 * imp.values().get(4), imp.values().toString());
    }
}
