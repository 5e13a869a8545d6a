package io.github.churnkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.synthetic.TransactionGenerator;
import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.scoring.clv.BgNbdParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldoutEvaluationTest {

    private final BgNbdParameters model = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

    @Test
    void evaluate_twoCustomers_aggregatesErrorsByHand() {
        double p1 = model.conditionalExpectedPurchases(39, 0, 0, 30);
        double p2 = model.conditionalExpectedPurchases(39, 9, 35, 38);
        HoldoutReport r = HoldoutEvaluation.of(39).add(0, 0, 30, 1).add(9, 35, 38, 2).evaluate(model);
        // MAE = (|p1 − 1| + |p2 − 2|)/2, RMSE = sqrt(((p1 − 1)² + (p2 − 2)²)/2)
        assertEquals((Math.abs(p1 - 1) + Math.abs(p2 - 2)) / 2, r.meanAbsoluteError(), 1e-12);
        assertEquals(Math.sqrt((Math.pow(p1 - 1, 2) + Math.pow(p2 - 2, 2)) / 2), r.rootMeanSquaredError(), 1e-12);
        assertEquals(p1 + p2, r.predictedTotal(), 1e-12);
        assertEquals(3.0, r.actualTotal());
        // x = 0 in bucket "0", x = 9 in the open bucket "7+"
        assertEquals(List.of("0", "7+"), r.buckets().stream().map(HoldoutReport.FrequencyBucket::label).toList());
        assertEquals(p2, r.buckets().get(1).meanPredicted(), 1e-12);
    }

    @Test
    void evaluate_simulatedHoldout_totalsAgreeWithinSamplingError() {
        TransactionGenerator.Config config = TransactionGenerator.Config.defaults().withCustomers(20_000).withSeed(13);
        CustomerSummaries s = SimulatedPurchases.summaries(config);
        BgNbdModel fitted = BgNbdFitter.withDefaults().fit(SimulatedPurchases.rfm(s));
        HoldoutEvaluation eval = HoldoutEvaluation.of(s);
        // CDNOW design: holdout 1997-10-01 .. 1998-06-30 = 273 days = 39 weeks
        assertEquals(39.0, eval.holdoutLength(), 1e-12);
        HoldoutReport r = eval.evaluate(fitted.parameters());
        // If the model is right, residuals (actual − predicted) have mean 0 and are independent across
        // customers, so the totals differ by about sqrt(Σ residual²) = sqrt(n)·RMSE; allow 4 of those
        // (the parameter uncertainty at n = 20,000 adds well under one).
        double tolerance = 4 * Math.sqrt(r.customers()) * r.rootMeanSquaredError();
        assertEquals(r.actualTotal(), r.predictedTotal(), tolerance, r.toString());
        int customers = r.buckets().stream().mapToInt(HoldoutReport.FrequencyBucket::customers).sum();
        assertEquals(s.size(), customers);
        // using each customer's history must beat predicting the same population mean for everyone
        double mean = r.actualTotal() / r.customers();
        double naive = 0;
        for (int i = 0; i < s.size(); i++) {
            naive += Math.abs(s.holdoutPurchases(i) - mean);
        }
        assertTrue(r.meanAbsoluteError() < naive / s.size(), r.meanAbsoluteError() + " vs " + naive / s.size());
    }

    @Test
    void trackingCurve_handExample_countsAndSums() {
        // customers born at 0, 0 and 2; repeat purchases at 1, 3, 3, 5
        List<HoldoutReport.TrackingPoint> pts = HoldoutEvaluation.trackingCurve(model, new double[] {0, 0, 2},
                new double[] {3, 1, 5, 3}, new double[] {1, 3, 4});
        assertEquals(1.0, pts.get(0).actualCumulative());
        assertEquals(3.0, pts.get(1).actualCumulative());
        assertEquals(3.0, pts.get(2).actualCumulative());
        // at τ = 3: 2·E[X(3)] + E[X(1)]
        assertEquals(2 * model.expectedPurchases(3) + model.expectedPurchases(1), pts.get(1).expectedCumulative(), 1e-12);
        // at τ = 1 the customer born at 2 does not count yet
        assertEquals(2 * model.expectedPurchases(1), pts.get(0).expectedCumulative(), 1e-12);
    }

    @Test
    void badInput_throws() {
        assertThrows(IllegalArgumentException.class, () -> HoldoutEvaluation.of(0));
        assertThrows(IllegalArgumentException.class, () -> HoldoutEvaluation.of(10).add(1, 2, 5, -1));
        assertThrows(IllegalArgumentException.class, () -> HoldoutEvaluation.of(10).add(1, 6, 5, 1));
        assertThrows(IllegalStateException.class, () -> HoldoutEvaluation.of(10).evaluate(model));
        assertThrows(IllegalArgumentException.class, () -> HoldoutEvaluation.trackingCurve(model, new double[] {0},
                new double[0], new double[] {3, 1}));
    }
}
