package io.github.churnkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.synthetic.TransactionGenerator;
import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.scoring.clv.BgNbdParameters;
import io.github.churnkit.scoring.clv.ClvFormulas;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.GammaGammaParameters;
import io.github.churnkit.scoring.clv.PurchaseHistory;
import io.github.churnkit.scoring.clv.SbgParameters;
import java.util.SplittableRandom;
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
    void of_badLevel_throws() {
        assertThrows(IllegalArgumentException.class, () -> ClvIntervals.of(1.0));
        assertThrows(IllegalArgumentException.class, () -> ClvIntervals.of(0.0));
    }
}
