package io.github.churnkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

class SbgUncertaintyTest {

    /** A full (correlated) covariance of (ln α, ln β), positive definite: det = 0.04·0.09 − 0.03² > 0. */
    private static final double[][] COV = {{0.04, -0.03}, {-0.03, 0.09}};

    private static SbgUncertainty cov(double level) {
        return SbgUncertainty.of(COV, level);
    }

    /** {@code (∂f/∂ln α, ∂f/∂ln β)} by Richardson-extrapolated central differences, step h and h/2. */
    private static double[] richardsonGradient(DoubleBinaryOperator f, double alpha, double beta, double h) {
        double la = Math.log(alpha);
        double lb = Math.log(beta);
        double[] g = new double[2];
        for (int i = 0; i < 2; i++) {
            double coarse = central(f, la, lb, i, h);
            double fine = central(f, la, lb, i, h / 2);
            g[i] = (4 * fine - coarse) / 3;
        }
        return g;
    }

    private static double central(DoubleBinaryOperator f, double la, double lb, int i, double h) {
        double da = i == 0 ? h : 0;
        double db = i == 1 ? h : 0;
        return (f.applyAsDouble(Math.exp(la + da), Math.exp(lb + db))
                - f.applyAsDouble(Math.exp(la - da), Math.exp(lb - db))) / (2 * h);
    }

    private static double quadraticForm(double[] g, double[][] c) {
        return g[0] * g[0] * c[0][0] + 2 * g[0] * g[1] * c[0][1] + g[1] * g[1] * c[1][1];
    }

    @Test
    void logStandardError_horizonOneNewCustomer_matchesHandGradient() {
        // H = 1, no renewals: DERL = r_1 = β/(α + β), so ln DERL = ln β − ln(α + β) and
        // ∂/∂ln α = −α/(α + β), ∂/∂ln β = 1 − β/(α + β) = α/(α + β): se = α/(α + β) · sqrt(c00 − 2 c01 + c11)
        double alpha = 0.7;
        double beta = 2.5;
        double expected = alpha / (alpha + beta) * Math.sqrt(0.04 + 0.06 + 0.09);
        for (double discount : new double[] {0.0, 0.01, 0.5}) {
            ClvSettings settings = new ClvSettings(0.4, discount, 1);
            assertEquals(expected, cov(0.9).logStandardError(settings, new SbgParameters(alpha, beta), 0), 1e-15);
        }
    }

    @Test
    void logDerlVariance_horizonTwo_matchesHandDerivatives() {
        // H = 2 after n renewals: DERL = r0 + w r0 r1, r_j = (β + n + j)/(α + β + n + j), w = 1/(1 + d);
        // ∂r/∂α = −(β + t)/(α + β + t)², ∂r/∂β = α/(α + β + t)², and
        // ∂DERL = r0'(1 + w r1) + w r0 r1', g = (α ∂DERL/∂α, β ∂DERL/∂β) / DERL
        double alpha = 1.3;
        double beta = 0.6;
        double d = 0.1;
        double w = 1 / (1 + d);
        for (int n : new int[] {0, 3, 250}) {
            double s0 = alpha + beta + n;
            double s1 = s0 + 1;
            double r0 = (beta + n) / s0;
            double r1 = (beta + n + 1) / s1;
            double derl = r0 + w * r0 * r1;
            double dAlpha = -(beta + n) / (s0 * s0) * (1 + w * r1) + w * r0 * (-(beta + n + 1) / (s1 * s1));
            double dBeta = alpha / (s0 * s0) * (1 + w * r1) + w * r0 * (alpha / (s1 * s1));
            double ga = alpha * dAlpha / derl;
            double gb = beta * dBeta / derl;
            String at = "n=" + n;
            assertEquals(ga * ga, SbgUncertainty.logDerlVariance(d, 2, alpha, beta, n, 1, 0, 0), 1e-14 * ga * ga, at);
            assertEquals(gb * gb, SbgUncertainty.logDerlVariance(d, 2, alpha, beta, n, 0, 0, 1), 1e-14 * gb * gb, at);
            // (ga + gb)² pins the relative sign, which the squares alone do not
            assertEquals((ga + gb) * (ga + gb), SbgUncertainty.logDerlVariance(d, 2, alpha, beta, n, 1, 1, 1),
                    1e-13 * (ga * ga + gb * gb), at);
        }
    }

    @Test
    void logStandardError_unbounded_matchesNumericalDerivativeOfTheHypergeometricForm() {
        // reference: Richardson-extrapolated central differences (steps 2e-3 and 1e-3, truncation error
        // about h^4 = 1e-11) of ln SbgParameters.derl(d, n), Fader & Hardie's 2F1 closed form, a
        // different code path from the analytic series gradient under test
        for (double[] ab : new double[][] {{0.668, 3.806}, {2.0, 0.5}, {0.05, 0.05}}) {
            for (double d : new double[] {0.01, 0.1}) {
                for (int n : new int[] {0, 5, 40}) {
                    double[] g = richardsonGradient((a, b) -> Math.log(new SbgParameters(a, b).derl(d, n)),
                            ab[0], ab[1], 2e-3);
                    ClvSettings settings = new ClvSettings(1.0, d, ClvSettings.UNBOUNDED);
                    double se = cov(0.9).logStandardError(settings, new SbgParameters(ab[0], ab[1]), n);
                    assertEquals(Math.sqrt(quadraticForm(g, COV)), se, 1e-8,
                            "alpha=" + ab[0] + " beta=" + ab[1] + " d=" + d + " n=" + n);
                }
            }
        }
    }

    @Test
    void logStandardError_bounded_matchesNumericalDerivativeOfTheTruncatedSum() {
        // reference: the same differences of ln SbgParameters.derl(d, n, H), the retention-rate product
        for (int horizon : new int[] {1, 3, 36, 600}) {
            for (int n : new int[] {0, 12, 2000}) {
                double alpha = 0.9;
                double beta = 1.7;
                double[] g = richardsonGradient((a, b) -> Math.log(new SbgParameters(a, b).derl(0.01, n, horizon)),
                        alpha, beta, 2e-3);
                ClvSettings settings = new ClvSettings(1.0, 0.01, horizon);
                assertEquals(Math.sqrt(quadraticForm(g, COV)),
                        cov(0.95).logStandardError(settings, new SbgParameters(alpha, beta), n), 1e-8,
                        "H=" + horizon + " n=" + n);
            }
        }
    }

    @Test
    void logStandardError_longBoundedHorizon_equalsUnbounded() {
        // w^3000 = 1.05^-3000 < 1e-63: the truncated sum and its gradient equal the infinite ones
        SbgParameters p = new SbgParameters(0.668, 3.806);
        double bounded = cov(0.9).logStandardError(new ClvSettings(1, 0.05, 3000), p, 7);
        double unbounded = cov(0.9).logStandardError(new ClvSettings(1, 0.05, ClvSettings.UNBOUNDED), p, 7);
        assertEquals(bounded, unbounded, 1e-14);
    }

    @Test
    void logStandardError_marginPlaysNoPart() {
        SbgParameters p = new SbgParameters(0.668, 3.806);
        assertEquals(cov(0.9).logStandardError(new ClvSettings(1, 0.01, 24), p, 3),
                cov(0.9).logStandardError(new ClvSettings(0.2, 0.01, 24), p, 3), 0.0);
    }

    @Test
    void lowerUpper_ninetyPercent_clvTimesExpOfMinusPlusZSe() {
        // z = qnorm(0.95) = 1.6448536269514722 (standard normal table)
        SbgUncertainty u = cov(0.9);
        assertEquals(1.6448536269514722, u.z(), 1e-15);
        assertEquals(100 * Math.exp(-1.6448536269514722 * 0.2), u.lower(100, 0.2), 1e-12);
        assertEquals(100 * Math.exp(1.6448536269514722 * 0.2), u.upper(100, 0.2), 1e-12);
        assertTrue(Double.isNaN(u.lower(Double.NaN, 0.2)) && Double.isNaN(u.upper(100, Double.NaN)));
    }

    @Test
    void logStandardError_zeroCovariance_zero() {
        SbgUncertainty u = SbgUncertainty.of(new double[][] {{0, 0}, {0, 0}}, 0.9);
        assertEquals(0.0, u.logStandardError(ClvSettings.defaults(), new SbgParameters(1, 2), 4), 0.0);
        assertEquals(50.0, u.lower(50, 0.0), 0.0);
    }

    @Test
    void logStandardError_negativeRenewals_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> cov(0.9).logStandardError(ClvSettings.defaults(), new SbgParameters(1, 2), -1));
    }

    @Test
    void of_perfectCorrelation_acceptedAsSemiDefinite() {
        // c01² = c00·c11 exactly: singular but positive semi-definite
        SbgUncertainty u = SbgUncertainty.of(new double[][] {{0.04, 0.06}, {0.06, 0.09}}, 0.5);
        assertEquals(0.06, u.logCovariance(1, 0), 0.0);
    }

    @Test
    void of_badMatrixOrLevel_throwsNamingTheProblem() {
        assertMessage("finite", new double[][] {{Double.NaN, 0}, {0, 1}}, 0.9);
        assertMessage("finite", new double[][] {{1, 0}, {0, Double.POSITIVE_INFINITY}}, 0.9);
        assertMessage("symmetric", new double[][] {{1, 0.1}, {0.2, 1}}, 0.9);
        assertMessage("variances >= 0", new double[][] {{-0.01, 0}, {0, 1}}, 0.9);
        assertMessage("positive semi-definite", new double[][] {{0.04, 0.07}, {0.07, 0.09}}, 0.9);
        assertMessage("2x2", new double[][] {{1, 0, 0}, {0, 1, 0}}, 0.9);
        assertMessage("2x2", new double[][] {{1}}, 0.9);
        for (double level : new double[] {0, 1, -0.5, Double.NaN}) {
            assertMessage("level", COV, level);
        }
        assertThrows(NullPointerException.class, () -> SbgUncertainty.of(null, 0.9));
    }

    private static void assertMessage(String part, double[][] c, double level) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SbgUncertainty.of(c, level));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void of_copiesTheMatrix() {
        double[][] c = {{0.04, -0.03}, {-0.03, 0.09}};
        SbgUncertainty u = SbgUncertainty.of(c, 0.9);
        c[0][0] = 7;
        assertEquals(0.04, u.logCovariance(0, 0), 0.0);
        assertEquals(cov(0.9), u);
        assertEquals(cov(0.9).hashCode(), u.hashCode());
        assertNotEquals(cov(0.8), u);
    }
}
