package io.github.churnkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.synthetic.TransactionGenerator;
import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.scoring.clv.GammaGammaParameters;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GammaGammaFitterTest {

    private static void fitAndCheck(TransactionGenerator.Spend truth, long seed) {
        // a long calibration period gives many repeat customers with several transactions each
        TransactionGenerator.Config config = TransactionGenerator.Config.defaults().withCustomers(15_000).withSeed(seed)
                .withSpend(truth).withPurchases(new TransactionGenerator.Purchases(0.8, 4.0, 0.5, 4.0));
        CustomerSummaries s = SimulatedPurchases.summaries(config);
        GammaGammaModel model = GammaGammaFitter.withDefaults().fit(s);
        double[] t = {truth.p(), truth.q(), truth.gamma()};
        for (int i = 0; i < 3; i++) {
            double est = model.estimates().value(i);
            double se = model.estimates().standardError(i);
            // |est − truth| < 4 SE (probability of a miss ~6e-5 per parameter under asymptotic normality)
            assertTrue(Math.abs(est - t[i]) < 4 * se, String.format(Locale.ROOT, "%s: est %.4f truth %.4f se %.4f",
                    model.estimates().names().get(i), est, t[i], se));
        }
        // the generator draws spend independently of frequency
        assertTrue(Math.abs(model.frequencySpendCorrelation()) < 0.1, "corr " + model.frequencySpendCorrelation());
    }

    @Test
    void fit_cdnowSpend_recovered() {
        fitAndCheck(TransactionGenerator.Spend.cdnow(), 21);
    }

    @Test
    void fit_heavyTailedSpend_recovered() {
        // q = 1.6: the customer-level mean spend p/ν has a heavy right tail (finite mean, infinite variance)
        fitAndCheck(new TransactionGenerator.Spend(2.0, 1.6, 30.0), 22);
    }

    @Test
    void likelihood_matchesScoringDensityAndGradient() {
        double[] x = {1, 2, 5};
        double[] m = {10.0, 35.5, 20.0};
        GammaGammaLikelihood f = new GammaGammaLikelihood(x, m);
        GammaGammaParameters p = new GammaGammaParameters(3.0, 4.0, 20.0);
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            expected += p.logLikelihood(x[i], m[i]);
        }
        double[] theta = {Math.log(3.0), Math.log(4.0), Math.log(20.0)};
        double[] g = new double[3];
        assertEquals(-expected, f.evaluate(theta, g), 1e-10);
        for (int j = 0; j < 3; j++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += 1e-6;
            minus[j] -= 1e-6;
            double numeric = (f.evaluate(plus, new double[3]) - f.evaluate(minus, new double[3])) / 2e-6;
            assertEquals(numeric, g[j], 1e-5 * Math.max(1, Math.abs(numeric)));
        }
    }

    @Test
    void fit_correlatedSpend_reportsCorrelation() {
        // spend rising with frequency: the independence assumption is violated and the model says so
        int n = 400;
        double[] x = new double[n];
        double[] m = new double[n];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        for (int i = 0; i < n; i++) {
            x[i] = 1 + i % 10;
            m[i] = (5 + 3 * x[i]) * Math.exp(0.5 * rng.nextGaussian());
        }
        GammaGammaModel model = GammaGammaFitter.withDefaults().fit(x, m);
        assertTrue(model.frequencySpendCorrelation() > 0.5, "corr " + model.frequencySpendCorrelation());
        assertEquals(GammaGammaFitter.pearson(x, m), model.frequencySpendCorrelation(), 0.0);
    }

    @Test
    void fit_badInput_throws() {
        GammaGammaFitter f = GammaGammaFitter.withDefaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.fit(new double[] {1, 2, 0}, new double[] {10, Double.NaN, Double.NaN}));
        assertTrue(e.getMessage().startsWith("customer 1: mean repeat spend must be finite and > 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.fit(new double[] {1, -1}, new double[] {10, 10}));
        assertThrows(IllegalArgumentException.class, () -> f.fit(new double[] {1, 0}, new double[] {10, 10}));
        assertThrows(IllegalArgumentException.class, () -> f.fit(new double[] {1}, new double[] {10, 3}));
    }
}
