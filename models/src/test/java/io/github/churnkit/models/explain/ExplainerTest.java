package io.github.churnkit.models.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.models.churn.Calibration;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.churn.LogisticChurnTrainer;
import io.github.churnkit.scoring.churn.LinearPredictor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExplainerTest {

    /** x0, x1 one-hot parts of column "plan" (exactly one is 1), x2 numeric "tenure". */
    private static double[][] x(int n, SplittableRandom rng) {
        double[][] x = new double[n][3];
        for (double[] r : x) {
            int plan = rng.nextInt(2);
            r[plan] = 1;
            r[2] = rng.nextDouble(0, 10);
        }
        return x;
    }

    @Test
    void explain_oneHotParts_summedIntoTheirColumn() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] x = x(2000, rng);
        int[] y = new int[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-(x[i][0] - 0.2 * x[i][2]))) ? 1 : 0;
        }
        ChurnModel model = LogisticChurnTrainer.of(LogisticChurnTrainer.Config.defaults()
                .withCalibration(Calibration.NONE)).fit(x, y, List.of("plan=a", "plan=b", "tenure"));
        FeatureGroups groups = FeatureGroups.of(List.of("plan=a", "plan=b", "tenure"), List.of("plan", "plan", "tenure"));
        Explanation e = Explainer.of(model, groups).explain(x[0]);
        assertEquals(2, e.reasons().size());
        LinearPredictor lp = (LinearPredictor) model.predictor();
        double[] phi = lp.contributions(x[0], 0);
        // the plan reason is the sum of its two one-hot contributions
        assertEquals(phi[0] + phi[1], e.contributionOf("plan"), 1e-12);
        assertEquals(phi[2], e.contributionOf("tenure"), 1e-12);
        assertEquals(lp.rawScore(x[0], 0), e.baseValue() + phi[0] + phi[1] + phi[2], 1e-12);
        assertTrue(e.reasons().get(0).contribution() >= e.reasons().get(1).contribution());
        assertTrue(e.topReasons(5).stream().allMatch(r -> r.contribution() > 0));
    }

    @Test
    void of_groupsOfOtherWidth_throws() {
        SplittableRandom rng = new SplittableRandom(2);
        double[][] x = x(100, rng);
        int[] y = new int[100];
        for (int i = 0; i < 50; i++) {
            y[i] = 1;
        }
        ChurnModel model = LogisticChurnTrainer.of(LogisticChurnTrainer.Config.defaults()
                .withCalibration(Calibration.NONE)).fit(x, y);
        assertThrows(IllegalArgumentException.class,
                () -> Explainer.of(model, FeatureGroups.identity(List.of("a", "b"))));
        assertThrows(IllegalArgumentException.class,
                () -> Explainer.of(model, FeatureGroups.identity(List.of("a", "b", "c"))).explain(new double[2]));
    }
}
