package io.github.churnkit.models.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import io.github.churnkit.core.Splits;
import io.github.churnkit.core.synthetic.SubscriptionGenerator;
import io.github.churnkit.features.FeaturePipeline;
import io.github.churnkit.features.FittedPipeline;
import io.github.churnkit.models.churn.BoostedChurnTrainer;
import io.github.churnkit.models.churn.ChurnModel;
import io.github.churnkit.models.churn.ChurnTrainer;
import io.github.churnkit.models.churn.LogisticChurnTrainer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On synthetic subscription customers, whose churn truth is a documented logistic model
 * ({@code -0.7 [promo_offer]}, {@code -0.25 (satisfaction - 5.5)}, ...; see SubscriptionGenerator),
 * both models' explanations must point the built-in way: the promotional offer lowers churn, low
 * satisfaction raises it.
 */
class SyntheticExplanationTest {

    private static CustomerTable train;
    private static CustomerTable test;
    private static FittedPipeline pipeline;
    private static double[][] xTrain;
    private static double[][] xTest;
    private static int[] yTrain;
    private static int[] yTest;

    @BeforeAll
    static void generate() {
        // 8,000 customers at a 25% churn rate: about 1,600 churners for training
        CustomerTable all = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults()
                .withCustomers(8000).withChurnRate(0.25).withSeed(5)).generate();
        Splits.TrainTest split = Splits.stratifiedTrainTest(all.targetLabels(), 0.25, 1L);
        train = all.select(split.train());
        test = all.select(split.test());
        pipeline = FeaturePipeline.defaults(all.schema()).fit(train);
        xTrain = pipeline.transformOutOfFold(train);
        xTest = pipeline.transform(test);
        yTrain = train.targetLabels();
        yTest = test.targetLabels();
    }

    private static void assertDirections(ChurnTrainer trainer) {
        ChurnModel model = trainer.fit(pipeline, xTrain, yTrain);
        Explainer explainer = Explainer.of(model, FeatureGroups.of(pipeline));
        NumericColumn promo = test.numeric("promo_offer");
        NumericColumn satisfaction = test.numeric("satisfaction");
        double promoWith = 0;
        int nWith = 0;
        double promoWithout = 0;
        int nWithout = 0;
        double lowSat = 0;
        int nLow = 0;
        double highSat = 0;
        int nHigh = 0;
        for (int i = 0; i < xTest.length; i++) {
            Explanation e = explainer.explain(xTest[i]);
            // the columns' parts add up to the log-odds
            double sum = e.baseValue();
            for (Reason r : e.reasons()) {
                sum += r.contribution();
            }
            assertEquals(e.rawScore(), sum, 1e-9);
            if (promo.get(i) == 1.0) {
                promoWith += e.contributionOf("promo_offer");
                nWith++;
            } else if (promo.get(i) == 0.0) {
                promoWithout += e.contributionOf("promo_offer");
                nWithout++;
            }
            double s = satisfaction.get(i);
            if (s <= 3) {
                lowSat += e.contributionOf("satisfaction");
                nLow++;
            } else if (s >= 8) {
                highSat += e.contributionOf("satisfaction");
                nHigh++;
            }
        }
        String name = trainer.name();
        assertTrue(nWith > 100 && nLow > 30 && nHigh > 100, name + ": too few rows in a group");
        assertTrue(promoWith / nWith < 0, name + ": promo offer should lower churn, mean " + promoWith / nWith);
        assertTrue(promoWithout / nWithout > 0, name + ": no offer should raise churn");
        assertTrue(lowSat / nLow > 0, name + ": low satisfaction should raise churn, mean " + lowSat / nLow);
        assertTrue(highSat / nHigh < 0, name + ": high satisfaction should lower churn");

        List<Importance> imp = PermutationImportance.of(PermutationImportance.Config.defaults().withRepeats(2))
                .compute(model, xTest, yTest, FeatureGroups.of(pipeline));
        double satisfactionDrop = imp.stream().filter(i -> i.column().equals("satisfaction")).findFirst()
                .orElseThrow().mean();
        double genderDrop = imp.stream().filter(i -> i.column().equals("gender")).findFirst().orElseThrow().mean();
        // satisfaction is a direct cause, gender has no effect at all in the generator
        assertTrue(satisfactionDrop > 0.01, name + ": satisfaction importance " + satisfactionDrop);
        assertTrue(satisfactionDrop > genderDrop + 0.01, name + ": gender " + genderDrop);
    }

    @Test
    void explain_logistic_recoversEffectDirections() {
        assertDirections(LogisticChurnTrainer.withDefaults());
    }

    @Test
    void explain_boosted_recoversEffectDirections() {
        assertDirections(BoostedChurnTrainer.withDefaults());
    }
}
