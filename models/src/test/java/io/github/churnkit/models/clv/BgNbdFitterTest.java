package io.github.churnkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.synthetic.TransactionGenerator;
import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.scoring.clv.BgNbdParameters;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BgNbdFitterTest {

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    /**
     * Asserts every estimate is within 4 standard errors of the truth. Under the asymptotic normality
     * of the MLE a 4-SE miss has probability about 6e-5 per parameter; the seeds are fixed, so the
     * test is deterministic, and a biased or wrongly-scaled fit fails it.
     */
    private static void assertRecovers(BgNbdModel m, TransactionGenerator.Purchases truth) {
        double[] t = {truth.r(), truth.alpha(), truth.a(), truth.b()};
        for (int i = 0; i < 4; i++) {
            double est = m.estimates().value(i);
            double se = m.estimates().standardError(i);
            assertTrue(Double.isFinite(se) && se > 0, NAMES[i] + " se=" + se);
            assertTrue(Math.abs(est - t[i]) < 4 * se, String.format(Locale.ROOT,
                    "%s: estimate %.4f, truth %.4f, se %.4f (%s)", NAMES[i], est, t[i], se, m));
        }
    }

    @Test
    void fit_cdnowParameters_recoveredWithinFourStandardErrors() {
        TransactionGenerator.Config config = TransactionGenerator.Config.defaults().withCustomers(20_000).withSeed(11);
        CustomerSummaries s = SimulatedPurchases.summaries(config);
        BgNbdModel m = BgNbdFitter.withDefaults().fit(SimulatedPurchases.rfm(s));
        assertRecovers(m, config.purchases());
        assertEquals(s.size(), m.customers(), 0.0);
    }

    @Test
    void fit_frequentBuyersLowDropout_recovered() {
        TransactionGenerator.Purchases truth = new TransactionGenerator.Purchases(1.5, 8.0, 0.6, 6.0);
        TransactionGenerator.Config config = TransactionGenerator.Config.defaults().withCustomers(8_000).withSeed(5)
                .withPurchases(truth);
        BgNbdModel m = BgNbdFitter.withDefaults().fit(SimulatedPurchases.rfm(SimulatedPurchases.summaries(config)));
        assertRecovers(m, truth);
    }

    @Test
    void fit_heavyTailedPurchaseRates_recovered() {
        // r = 0.1: purchase rates Gamma(0.1, 4) have coefficient of variation 1/sqrt(0.1) = 3.2, a long tail
        // of frequent buyers next to a mass of one-off buyers. (alpha is kept at 4 so that even the tail
        // rarely buys twice on one day: the summariser merges same-day purchases, which with alpha = 0.5
        // biased r and alpha by several standard errors.)
        TransactionGenerator.Purchases truth = new TransactionGenerator.Purchases(0.1, 4.0, 0.3, 4.0);
        TransactionGenerator.Calendar longer = new TransactionGenerator.Calendar(LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 3, 31), LocalDate.of(2021, 12, 31), LocalDate.of(2021, 12, 31),
                io.github.churnkit.core.transactions.PeriodUnit.WEEKS);
        TransactionGenerator.Config config = TransactionGenerator.Config.defaults().withCustomers(20_000).withSeed(3)
                .withPurchases(truth).withCalendar(longer);
        CustomerSummaries s = SimulatedPurchases.summaries(config);
        int maxFrequency = 0;
        for (int i = 0; i < s.size(); i++) {
            maxFrequency = Math.max(maxFrequency, s.frequency(i));
        }
        assertTrue(maxFrequency >= 60, "the heavy tail should reach high frequencies, max " + maxFrequency);
        BgNbdModel m = BgNbdFitter.withDefaults().fit(SimulatedPurchases.rfm(s));
        assertRecovers(m, truth);
    }

    @Test
    void fit_frequenciesInTheHundreds_convergesWithFiniteErrors() {
        // linear-space evaluation of eq. 6 overflows for x in the hundreds (Γ(r + 900) ~ 1e2267)
        RfmData.Builder b = RfmData.builder();
        CustomerSummaries s = SimulatedPurchases.summaries(TransactionGenerator.Config.defaults().withSeed(8));
        for (int i = 0; i < s.size(); i++) {
            b.add(s.frequency(i), s.recency(i), s.age(i));
        }
        for (int k = 0; k < 20; k++) {
            b.add(300 + 30 * k, 38.0, 38.5);
        }
        BgNbdModel m = BgNbdFitter.withDefaults().fit(b.build());
        assertTrue(Double.isFinite(m.estimates().logLikelihood()));
        for (int i = 0; i < 4; i++) {
            assertTrue(Double.isFinite(m.estimates().standardError(i)), m.toString());
        }
    }

    @Test
    void likelihood_gradient_matchesCentralDifferences() {
        RfmData data = RfmData.of(new double[] {0, 1, 2, 5, 40}, new double[] {0, 3, 10.5, 20, 38},
                new double[] {30, 30, 38.5, 39, 39});
        BgNbdLikelihood f = new BgNbdLikelihood(data);
        double[] x = {Math.log(0.7), Math.log(3.0), Math.log(0.6), Math.log(2.2)};
        double[] g = new double[4];
        f.evaluate(x, g);
        double h = 1e-6;
        for (int j = 0; j < 4; j++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[j] += h;
            minus[j] -= h;
            double numeric = (f.evaluate(plus, new double[4]) - f.evaluate(minus, new double[4])) / (2 * h);
            assertEquals(numeric, g[j], 1e-6 * Math.max(1, Math.abs(numeric)), "component " + j);
        }
    }

    @Test
    void likelihood_equalsWeightedSumOfPerCustomerFormula() {
        // the collapsed, vectorised likelihood against scoring's per-customer eq. 6 (itself checked
        // against a linear-space evaluation in BgNbdParametersTest), with duplicates counted by weight
        double[] x = {0, 0, 1, 2, 2, 300};
        double[] tx = {0, 0, 3, 10.5, 10.5, 38.9};
        double[] t = {30, 30, 30, 38.5, 38.5, 39};
        RfmData data = RfmData.of(x, tx, t);
        assertEquals(4, data.size());
        BgNbdParameters p = new BgNbdParameters(0.7, 3.0, 0.6, 2.2);
        double expected = 0;
        for (int i = 0; i < x.length; i++) {
            expected += p.logLikelihood(x[i], tx[i], t[i]);
        }
        double value = -new BgNbdLikelihood(data).evaluate(
                new double[] {Math.log(0.7), Math.log(3.0), Math.log(0.6), Math.log(2.2)}, new double[4]);
        assertEquals(expected, value, 1e-10 * Math.abs(expected));
    }

    @Test
    void fit_duplicatedData_sameEstimatesAndSmallerErrors() {
        // doubling every customer leaves the MLE unchanged and divides the standard errors by sqrt(2)
        CustomerSummaries s = SimulatedPurchases.summaries(TransactionGenerator.Config.defaults().withSeed(2));
        RfmData once = SimulatedPurchases.rfm(s);
        RfmData.Builder twice = RfmData.builder();
        for (int i = 0; i < once.size(); i++) {
            twice.add(once.frequency(i), once.recency(i), once.age(i), 2 * once.weight(i));
        }
        BgNbdModel m1 = BgNbdFitter.withDefaults().fit(once);
        BgNbdModel m2 = BgNbdFitter.withDefaults().fit(twice.build());
        for (int i = 0; i < 4; i++) {
            assertEquals(m1.estimates().value(i), m2.estimates().value(i), 1e-5 * m1.estimates().value(i));
            assertEquals(m1.estimates().standardError(i) / Math.sqrt(2), m2.estimates().standardError(i),
                    1e-3 * m1.estimates().standardError(i));
        }
    }

    @Test
    void fit_noRepeatPurchases_throwsSaying() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BgNbdFitter.withDefaults().fit(new double[] {0, 0, 0}, new double[] {0, 0, 0},
                        new double[] {10, 20, 30}));
        assertTrue(e.getMessage().contains("no repeat purchases"), e.getMessage());
    }

    @Test
    void fit_noSignOfDropout_throwsNamingTheParameter() {
        // every repeat buyer bought on the last day (t_x = T): nothing suggests anyone stopped buying
        double[] x = new double[200];
        double[] tx = new double[200];
        double[] t = new double[200];
        for (int i = 0; i < 200; i++) {
            x[i] = i % 4;
            t[i] = 20 + i % 7;
            tx[i] = x[i] == 0 ? 0 : t[i];
        }
        ClvFitException e = assertThrows(ClvFitException.class, () -> BgNbdFitter.withDefaults().fit(x, tx, t));
        assertTrue(e.getMessage().contains("dropout probability collapsed to 0"), e.getMessage());
    }

    @Test
    void fit_identicalPurchaseRates_throwsNoHeterogeneity() {
        // every customer buys at rate 0.5 per period while active (no Gamma heterogeneity), dropout
        // p ~ Beta(1, 3); simulated here in continuous time so nothing but the rate distribution differs
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        RfmData.Builder b = RfmData.builder();
        for (int i = 0; i < 20_000; i++) {
            double age = 20 + 20 * rng.nextDouble();
            double p = 1 - Math.pow(rng.nextDouble(), 1.0 / 3);   // Beta(1, 3) by inversion
            double t = 0;
            double last = 0;
            int x = 0;
            while (true) {
                t += -Math.log(1 - rng.nextDouble()) / 0.5;
                if (t > age) {
                    break;
                }
                x++;
                last = t;
                if (rng.nextDouble() < p) {
                    break;
                }
            }
            b.add(x, last, age);
        }
        ClvFitException e = assertThrows(ClvFitException.class, () -> BgNbdFitter.withDefaults().fit(b.build()));
        assertTrue(e.getMessage().contains("r and alpha ran off to infinity together"), e.getMessage());
        // the common rate is still estimated: 0.5 to within sampling error (about 0.5/sqrt(purchases) ~ 0.3%)
        assertTrue(e.getMessage().matches(".*r/alpha = 0\\.(49|50)\\d* purchases.*"), e.getMessage());
    }

    @Test
    void fit_badTriples_throwNamingTheCustomer() {
        BgNbdFitter f = BgNbdFitter.withDefaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.fit(new double[] {1, 2}, new double[] {1, -1}, new double[] {5, 5}));
        assertTrue(e.getMessage().startsWith("customer 1: recency t_x must be >= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> f.fit(new double[] {1, 2}, new double[] {1, 7}, new double[] {5, 5}));
        assertTrue(e.getMessage().contains("must not exceed age T"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> f.fit(new double[] {0}, new double[] {2}, new double[] {5}));
        assertTrue(e.getMessage().contains("frequency is 0 but recency is 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.fit(new double[0], new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> f.fit(new double[] {1}, new double[] {1, 2},
                new double[] {5}));
    }
}
