package io.github.churnkit.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sample moments against closed forms. Each check allows 4 standard errors of the estimator
 * (a false failure rate of about 6e-5 per check), with the standard error computed from the
 * distribution's own closed-form moments, not from the sample.
 */
class RandomVariatesTest {

    private static final int N = 200_000;

    /**
     * Gamma(k, b): mean k/b, variance k/b^2. SE of the sample mean: sqrt(k)/b/sqrt(N). SE of the sample
     * variance: sigma^2 sqrt((2 + 6/k)/N), since the excess kurtosis of a gamma is 6/k and
     * Var(s^2) ~ sigma^4 (2 + excess kurtosis) / N.
     */
    @ParameterizedTest
    @CsvSource({"0.243, 4.414", "0.5, 1.0", "1.0, 2.0", "3.74, 15.44", "6.25, 0.25", "40.0, 3.0"})
    void gamma_knownShapeAndRate_matchesMeanAndVariance(double shape, double rate) {
        SplittableRandom rng = new SplittableRandom(7);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = RandomVariates.gamma(rng, shape, rate);
            assertTrue(x[i] >= 0, "gamma variate must be >= 0");
        }
        double mean = shape / rate;
        double var = shape / (rate * rate);
        assertEquals(mean, mean(x), 4 * Math.sqrt(var / N), "mean");
        assertEquals(var, variance(x), 4 * var * Math.sqrt((2 + 6 / shape) / N), "variance");
    }

    /**
     * Beta(a, b): raw moments E[X^k] = prod_{j<k} (a+j)/(a+b+j). The sample mean of X and of X^2 are
     * checked; their SEs come from the closed-form E[X^2] - E[X]^2 and E[X^4] - E[X^2]^2.
     */
    @ParameterizedTest
    @CsvSource({"0.793, 2.426", "0.5, 0.5", "2.0, 5.0", "10.0, 1.0"})
    void beta_knownShapes_matchesFirstTwoMoments(double a, double b) {
        SplittableRandom rng = new SplittableRandom(11);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < N; i++) {
            double x = RandomVariates.beta(rng, a, b);
            assertTrue(x >= 0 && x <= 1, "beta variate must be in [0, 1], found " + x);
            s1 += x;
            s2 += x * x;
        }
        double m1 = rawBetaMoment(a, b, 1);
        double m2 = rawBetaMoment(a, b, 2);
        double m4 = rawBetaMoment(a, b, 4);
        assertEquals(m1, s1 / N, 4 * Math.sqrt((m2 - m1 * m1) / N), "E[X]");
        assertEquals(m2, s2 / N, 4 * Math.sqrt((m4 - m2 * m2) / N), "E[X^2]");
    }

    private static double rawBetaMoment(double a, double b, int k) {
        double m = 1;
        for (int j = 0; j < k; j++) {
            m *= (a + j) / (a + b + j);
        }
        return m;
    }

    /** N(0,1): mean SE 1/sqrt(N), variance SE sqrt(2/N) (normal fourth moment 3). */
    @Test
    void standardNormal_manyDraws_hasMeanZeroVarianceOne() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = RandomVariates.standardNormal(rng);
        }
        assertEquals(0.0, mean(x), 4 / Math.sqrt(N));
        assertEquals(1.0, variance(x), 4 * Math.sqrt(2.0 / N));
    }

    /** Exponential(rate 2): mean 1/2, SD 1/2, so the mean's SE is 0.5/sqrt(N). */
    @Test
    void exponential_rateTwo_hasMeanHalf() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = RandomVariates.exponential(rng, 2.0);
        }
        assertEquals(0.5, mean(x), 4 * 0.5 / Math.sqrt(N));
        assertEquals(Double.POSITIVE_INFINITY, RandomVariates.exponential(rng, 0.0));
    }

    @Test
    void gamma_sameSeed_sameSequence() {
        SplittableRandom a = new SplittableRandom(99);
        SplittableRandom b = new SplittableRandom(99);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Double.doubleToLongBits(RandomVariates.gamma(a, 0.7, 1.3)),
                    Double.doubleToLongBits(RandomVariates.gamma(b, 0.7, 1.3)));
        }
    }

    @Test
    void gamma_nonPositiveShape_throws() {
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> RandomVariates.gamma(rng, 0.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> RandomVariates.gamma(rng, 1.0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RandomVariates.beta(rng, -1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> RandomVariates.exponential(rng, -1.0));
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
