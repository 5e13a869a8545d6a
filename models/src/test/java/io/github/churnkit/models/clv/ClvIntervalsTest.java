package io.github.churnkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.synthetic.CohortGenerator;
import io.github.churnkit.core.synthetic.SimulatedCohorts;
import io.github.churnkit.core.synthetic.TransactionGenerator;
import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.scoring.clv.BgNbdParameters;
import io.github.churnkit.scoring.clv.ClvFormulas;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.GammaGammaParameters;
import io.github.churnkit.scoring.clv.PurchaseHistory;
import io.github.churnkit.scoring.clv.SbgParameters;
import io.github.churnkit.scoring.clv.SbgUncertainty;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class ClvIntervalsTest {

    /** Lower Cholesky factor of a small SPD matrix. */
    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        return l;
    }

    private static double[] draw(double[] mean, double[][] chol, SplittableRandom rng) {
        int n = mean.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rng.nextGaussian();
        }
        double[] out = mean.clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                out[i] += chol[i][j] * z[j];
            }
        }
        return out;
    }

    private static double sd(double[] v) {
        double m = 0;
        for (double e : v) {
            m += e;
        }
        m /= v.length;
        double s = 0;
        for (double e : v) {
            s += (e - m) * (e - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    @Test
    void transactional_deltaStandardError_matchesMonteCarloOverParameters() {
        CustomerSummaries s = SimulatedPurchases.summaries(TransactionGenerator.Config.defaults().withCustomers(5000)
                .withSeed(31));
        BgNbdModel bg = BgNbdFitter.withDefaults().fit(SimulatedPurchases.rfm(s));
        double[] x = new double[s.size()];
        double[] m = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            x[i] = s.frequency(i);
            m[i] = s.monetary(i);
        }
        GammaGammaModel gg = GammaGammaFitter.withDefaults().fit(x, m);
        ClvSettings settings = new ClvSettings(0.3, 0.002, 52);
        PurchaseHistory h = new PurchaseHistory(3, 30, 36, 40.0);
        ClvEstimate e = ClvIntervals.of(0.9).transactional(settings, bg, gg, h);
        assertTrue(e.lower() < e.value() && e.value() < e.upper(), e.toString());
        // Monte Carlo reference: draw log-parameters from N(φ̂, Σ) (the same asymptotic normal the delta
        // method linearises) and take the SD of ln CLV. 3000 draws: the SD is known to about
        // 1/sqrt(2·3000) = 1.3%, so 10% allows for that and for the curvature the delta method ignores.
        double[] bgMean = new double[4];
        double[][] bgCov = new double[4][4];
        for (int i = 0; i < 4; i++) {
            bgMean[i] = Math.log(bg.estimates().value(i));
            for (int j = 0; j < 4; j++) {
                bgCov[i][j] = bg.estimates().logCovariance(i, j);
            }
        }
        double[] ggMean = new double[3];
        double[][] ggCov = new double[3][3];
        for (int i = 0; i < 3; i++) {
            ggMean[i] = Math.log(gg.estimates().value(i));
            for (int j = 0; j < 3; j++) {
                ggCov[i][j] = gg.estimates().logCovariance(i, j);
            }
        }
        double[][] bgChol = cholesky(bgCov);
        double[][] ggChol = cholesky(ggCov);
        SplittableRandom rng = new SplittableRandom(99);
        double[] logClv = new double[3000];
        for (int k = 0; k < logClv.length; k++) {
            double[] b = draw(bgMean, bgChol, rng);
            double[] g = draw(ggMean, ggChol, rng);
            logClv[k] = Math.log(ClvFormulas.transactional(settings,
                    new BgNbdParameters(Math.exp(b[0]), Math.exp(b[1]), Math.exp(b[2]), Math.exp(b[3])),
                    new GammaGammaParameters(Math.exp(g[0]), Math.exp(g[1]), Math.exp(g[2])), h));
        }
        assertEquals(sd(logClv), e.logStandardError(), 0.1 * sd(logClv));
        // 90% interval: z = 1.644854
        assertEquals(e.value() * Math.exp(1.644854 * e.logStandardError()), e.upper(), 1e-6 * e.upper());
    }

    @Test
    void subscription_deltaStandardError_matchesMonteCarlo() {
        SbgModel sbg = SbgFitter.withDefaults().fitSurvivors(new long[] {1000, 869, 743, 653, 593, 551, 517, 491});
        ClvSettings settings = new ClvSettings(1.0, 0.01, ClvSettings.UNBOUNDED);
        ClvEstimate e = ClvIntervals.of(0.95).subscription(settings, 30.0, sbg, 2);
        assertEquals(ClvFormulas.subscription(settings, 30.0, sbg.parameters(), 2), e.value(), 1e-12);
        double[] mean = {Math.log(sbg.estimates().value(0)), Math.log(sbg.estimates().value(1))};
        double[][] chol = cholesky(new double[][] {
            {sbg.estimates().logCovariance(0, 0), sbg.estimates().logCovariance(0, 1)},
            {sbg.estimates().logCovariance(1, 0), sbg.estimates().logCovariance(1, 1)}});
        SplittableRandom rng = new SplittableRandom(7);
        double[] logClv = new double[3000];
        for (int k = 0; k < logClv.length; k++) {
            double[] p = draw(mean, chol, rng);
            logClv[k] = Math.log(ClvFormulas.subscription(settings, 30.0,
                    new SbgParameters(Math.exp(p[0]), Math.exp(p[1])), 2));
        }
        assertEquals(sd(logClv), e.logStandardError(), 0.1 * sd(logClv));
    }

    @Test
    void subscription_matchesIndependentCentralDifferencesAndCommonsMathQuantile() {
        // an independent delta method: central differences (step 1e-5, error about 1e-10) of
        // ln ClvFormulas.subscription in the log-parameters, and z from Commons Math's inverse normal
        SbgModel sbg = SbgFitter.withDefaults().fitSurvivors(new long[] {1000, 631, 468, 382, 326, 289, 262, 241});
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.95);
        for (ClvSettings settings : new ClvSettings[] {new ClvSettings(0.5, 0.01, 24),
            new ClvSettings(1.0, 0.05, ClvSettings.UNBOUNDED)}) {
            for (int n : new int[] {0, 3, 30}) {
                double[] phi = {Math.log(sbg.estimates().value(0)), Math.log(sbg.estimates().value(1))};
                double[] g = new double[2];
                double h = 1e-5;
                for (int j = 0; j < 2; j++) {
                    double[] plus = phi.clone();
                    double[] minus = phi.clone();
                    plus[j] += h;
                    minus[j] -= h;
                    g[j] = (Math.log(ClvFormulas.subscription(settings, 42.0,
                            new SbgParameters(Math.exp(plus[0]), Math.exp(plus[1])), n))
                            - Math.log(ClvFormulas.subscription(settings, 42.0,
                            new SbgParameters(Math.exp(minus[0]), Math.exp(minus[1])), n))) / (2 * h);
                }
                double var = 0;
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        var += g[i] * sbg.estimates().logCovariance(i, j) * g[j];
                    }
                }
                double se = Math.sqrt(var);
                ClvEstimate e = ClvIntervals.of(0.9).subscription(settings, 42.0, sbg, n);
                String at = settings + " n=" + n;
                assertEquals(ClvFormulas.subscription(settings, 42.0, sbg.parameters(), n), e.value(), 0.0, at);
                assertEquals(se, e.logStandardError(), 1e-8, at);
                assertEquals(e.value() * Math.exp(-z * se), e.lower(), 1e-8 * e.value(), at);
                assertEquals(e.value() * Math.exp(z * se), e.upper(), 1e-8 * e.value(), at);
                assertEquals(0.9, e.level(), 0.0);
            }
        }
    }

    @Test
    void subscription_simulatedCohorts_intervalCoversTheTrueClvAtAboutItsLevel() {
        // 400 cohorts of 1,000 customers simulated from the paper's "regular" parameters (alpha 0.704,
        // beta 1.182; Fader & Hardie 2007), 8 periods each, refitted; the true CLV is the one of the
        // true parameters. If the delta method is right, each 90% interval covers it with probability
        // about 0.9, so the count of covers is Binomial(400, 0.9): sd 6 covers (1.5%). The band
        // 0.9 +- 0.06 is 4 sd, leaving room for the normal approximation at this sample size.
        CohortGenerator.Retention truth = new CohortGenerator.Retention(0.704, 1.182);
        SbgParameters trueParameters = new SbgParameters(truth.alpha(), truth.beta());
        ClvSettings bounded = new ClvSettings(1.0, 0.01, 36);
        ClvSettings unbounded = new ClvSettings(1.0, 0.1, ClvSettings.UNBOUNDED);
        ClvIntervals intervals = ClvIntervals.of(0.9);
        int reps = 400;
        int coveredBounded = 0;
        int coveredUnbounded = 0;
        for (int rep = 0; rep < reps; rep++) {
            SimulatedCohorts sim = CohortGenerator.of(CohortGenerator.Config.defaults().withCustomersPerCohort(1000)
                    .withCohorts(1).withPeriods(8).withRetention(truth).withSeed(1000 + rep)).generate();
            SbgModel fit = SbgFitter.withDefaults().fitSurvivors(
                    java.util.Arrays.stream(sim.survivors(0)).asLongStream().toArray());
            coveredBounded += covers(intervals.subscription(bounded, 1.0, fit, 0),
                    ClvFormulas.subscription(bounded, 1.0, trueParameters, 0)) ? 1 : 0;
            coveredUnbounded += covers(intervals.subscription(unbounded, 1.0, fit, 4),
                    ClvFormulas.subscription(unbounded, 1.0, trueParameters, 4)) ? 1 : 0;
        }
        assertEquals(0.9, coveredBounded / (double) reps, 0.06, "bounded horizon, new customers");
        assertEquals(0.9, coveredUnbounded / (double) reps, 0.06, "unbounded horizon, 4 renewals");
    }

    private static boolean covers(ClvEstimate e, double truth) {
        return e.lower() <= truth && truth <= e.upper();
    }

    @Test
    void subscription_fitWithoutCovariance_nanBounds() {
        double nan = Double.NaN;
        ParameterEstimates flat = new ParameterEstimates(java.util.List.of("alpha", "beta"),
                new double[] {Math.log(0.7), Math.log(1.2)}, new double[][] {{nan, nan}, {nan, nan}}, -100, 10);
        SbgModel model = new SbgModel(flat, 1000, FitSettings.defaults());
        assertTrue(model.uncertainty(0.9).isEmpty());
        ClvEstimate e = ClvIntervals.of(0.9).subscription(ClvSettings.defaults(), 10.0, model, 2);
        assertEquals(ClvFormulas.subscription(ClvSettings.defaults(), 10.0, model.parameters(), 2), e.value(), 0.0);
        assertTrue(Double.isNaN(e.lower()) && Double.isNaN(e.upper()) && Double.isNaN(e.logStandardError()));
        assertThrows(IllegalArgumentException.class, () -> model.uncertainty(1.5));
    }

    @Test
    void uncertainty_fittedModel_holdsTheFitsLogCovarianceAndLevel() {
        SbgModel sbg = SbgFitter.withDefaults().fitSurvivors(new long[] {1000, 869, 743, 653, 593, 551, 517, 491});
        SbgUncertainty u = sbg.uncertainty(0.8).orElseThrow();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(sbg.estimates().logCovariance(i, j), u.logCovariance(i, j),
                        1e-15 * Math.abs(sbg.estimates().logCovariance(i, i)));
            }
        }
        assertEquals(0.8, u.level(), 0.0);
        // z for 80%: qnorm(0.9) = 1.2815515655446004 (standard normal table)
        assertEquals(1.2815515655446004, u.z(), 1e-15);
    }

    @Test
    void of_badLevel_throws() {
        assertThrows(IllegalArgumentException.class, () -> ClvIntervals.of(1.0));
        assertThrows(IllegalArgumentException.class, () -> ClvIntervals.of(0.0));
    }
}
