package io.github.churnkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.Schema;
import io.github.churnkit.core.Splits;
import io.github.churnkit.core.synthetic.SubscriptionGenerator;
import io.github.churnkit.features.FeaturePipeline;
import io.github.churnkit.features.FittedPipeline;
import org.junit.jupiter.api.Test;

/**
 * The three-class plan-change label of the synthetic subscription data (upgrade / downgrade /
 * stay, a multinomial logit on watch hours, profiles, satisfaction and support queries): both
 * trainers must beat the class-rate baseline's held-out log-loss.
 */
class PlanChangeTest {

    @Test
    void fit_planChangeLabel_bothTrainersBeatBaseline() {
        CustomerTable all = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults()
                .withCustomers(6000).withSeed(3)).generate();
        Schema s = all.schema().toBuilder()
                .role("plan_change", ColumnRole.TARGET)
                .role("churned", ColumnRole.IGNORED)
                .build();
        CustomerTable plan = all.withSchema(s);
        CategoricalColumn change = plan.categorical("plan_change");
        CustomerTable stayers = plan.filter(row -> !change.isMissing(row));
        int[] labels = stayers.targetLabels();
        Splits.TrainTest split = Splits.stratifiedTrainTest(labels, 0.3, 1L);
        CustomerTable train = stayers.select(split.train());
        CustomerTable test = stayers.select(split.test());
        FittedPipeline pipeline = FeaturePipeline.defaults(s).fit(train);
        double[][] xTrain = pipeline.transformOutOfFold(train);
        double[][] xTest = pipeline.transform(test);
        int[] yTrain = train.targetLabels();
        int[] yTest = test.targetLabels();
        assertEquals(3, change.levels().size());

        double base = logLoss(BaselineChurnTrainer.create().fit(pipeline, xTrain, yTrain), xTest, yTest);
        double lin = logLoss(LogisticChurnTrainer.withDefaults().fit(pipeline, xTrain, yTrain), xTest, yTest);
        double trees = logLoss(BoostedChurnTrainer.of(BoostedChurnTrainer.Config.defaults().withMaxTrees(60)
                .withEarlyStopping(false))
                .fit(pipeline, xTrain, yTrain), xTest, yTest);
        assertTrue(lin < base - 0.01, "logistic " + lin + " vs baseline " + base);
        assertTrue(trees < base - 0.01, "boosted " + trees + " vs baseline " + base);
    }

    private static double logLoss(ChurnModel m, double[][] x, int[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double[] p = m.probabilities(x[i]);
            s -= Math.log(Math.max(1e-15, p[y[i]]));
        }
        return s / x.length;
    }
}
