package io.github.churnkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class BgNbdParametersTest {

    // Fader, Hardie & Lee (2005) CDNOW estimates (weeks)
    private final BgNbdParameters cdnow = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

    /** Paper eq. 6 evaluated literally in linear space with Γ itself (fine for small x). */
    private static double directLikelihood(BgNbdParameters m, int x, double tx, double age) {
        double r = m.r();
        double alpha = m.alpha();
        double a = m.a();
        double b = m.b();
        double betaAb = Gamma.gamma(a) * Gamma.gamma(b) / Gamma.gamma(a + b);
        double common = Gamma.gamma(r + x) * Math.pow(alpha, r) / Gamma.gamma(r);
        double first = Gamma.gamma(a) * Gamma.gamma(b + x) / Gamma.gamma(a + b + x) / betaAb
                * common / Math.pow(alpha + age, r + x);
        if (x == 0) {
            return first;
        }
        double second = Gamma.gamma(a + 1) * Gamma.gamma(b + x - 1) / Gamma.gamma(a + b + x) / betaAb
                * common / Math.pow(alpha + tx, r + x);
        return first + second;
    }

    @Test
    void logLikelihood_handPickedPoints_matchDirectEvaluationOfEq6() {
        double[][] points = {{0, 0, 38.86}, {1, 20.5, 30}, {2, 30.43, 38.86}, {5, 4.0, 52}, {12, 51.9, 52}};
        BgNbdParameters[] models = {cdnow, new BgNbdParameters(2.0, 3.0, 1.5, 2.5),
            new BgNbdParameters(0.5, 10.0, 0.2, 0.7)};
        for (BgNbdParameters m : models) {
            for (double[] p : points) {
                double expected = Math.log(directLikelihood(m, (int) p[0], p[1], p[2]));
                assertEquals(expected, m.logLikelihood(p[0], p[1], p[2]), 1e-11 * Math.abs(expected),
                        m + " at " + java.util.Arrays.toString(p));
            }
        }
    }

    @Test
    void logLikelihood_frequencyInThousands_staysFinite() {
        // Γ(r + 3000) and (α + T)^{r+x} overflow in linear space; log space must not. Reference: eq. 6
        // with both terms factored by hand as Γ(r+x)α^r/Γ(r) · B(a, b+x)/B(a, b) · (α+T)^{−(r+x)}
        //   · [1 + a/(b+x−1) · ((α+T)/(α+t_x))^{r+x}], using commons-math's log-gamma.
        double r = 0.243;
        double alpha = 4.414;
        double a = 0.793;
        double b = 2.426;
        double x = 3000;
        double tx = 360;
        double age = 365;
        double expected = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
                + Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x)
                - (r + x) * Math.log(alpha + age)
                + Math.log1p(a / (b + x - 1) * Math.exp((r + x) * Math.log((alpha + age) / (alpha + tx))));
        double ll = cdnow.logLikelihood(x, tx, age);
        assertTrue(Double.isFinite(ll), "ll=" + ll);
        assertEquals(expected, ll, 1e-12 * Math.abs(expected));
    }

    @Test
    void probabilityAlive_matchesPosteriorByQuadrature() {
        // P(alive) = ∫∫ (1−p)^x λ^x e^{−λT} dG dF / ∫∫ [(1−p)^x λ^x e^{−λT} + p(1−p)^{x−1} λ^x e^{−λ t_x}] dG dF,
        // the individual likelihood (paper eq. 3) integrated numerically over λ ~ Gamma(r, α), p ~ Beta(a, b).
        BgNbdParameters m = new BgNbdParameters(2.0, 3.0, 1.5, 2.5);
        int x = 3;
        double tx = 5;
        double age = 10;
        double logNorm = 2.0 * Math.log(3.0) - Gamma.logGamma(2.0);
        java.util.function.DoubleUnaryOperator gammaDensity = l -> Math.exp(logNorm + Math.log(l) - 3.0 * l);
        double lambdaAlive = Quadrature.integrate(l -> Math.pow(l, x) * Math.exp(-l * age) * gammaDensity.applyAsDouble(l), 0, 60, 200);
        double lambdaDead = Quadrature.integrate(l -> Math.pow(l, x) * Math.exp(-l * tx) * gammaDensity.applyAsDouble(l), 0, 60, 200);
        double pAlive = Quadrature.betaExpectation(p -> Math.pow(1 - p, x), 1.5, 2.5);
        double pDead = Quadrature.betaExpectation(p -> p * Math.pow(1 - p, x - 1), 1.5, 2.5);
        double expected = pAlive * lambdaAlive / (pAlive * lambdaAlive + pDead * lambdaDead);
        assertEquals(expected, m.probabilityAlive(x, tx, age), 1e-10);
    }

    @Test
    void probabilityAlive_noRepeatPurchase_isOne() {
        assertEquals(1.0, cdnow.probabilityAlive(0, 0, 30));
    }

    @Test
    void expectedPurchases_matchesIntegralOfIndividualMean() {
        // eq. 7: E[X(t) | λ, p] = (1 − e^{−λpt})/p; over λ ~ Gamma(r, α) that is (1 − (α/(α + pt))^r)/p;
        // the remaining integral over p ~ Beta(a, b) is done by quadrature (no 2F1 involved).
        for (BgNbdParameters m : new BgNbdParameters[] {cdnow, new BgNbdParameters(2.0, 3.0, 1.5, 2.5)}) {
            for (double t : new double[] {1, 10, 39, 78}) {
                double expected = Quadrature.betaExpectation(
                        p -> -Math.expm1(m.r() * Math.log(m.alpha() / (m.alpha() + p * t))) / p, m.a(), m.b());
                assertEquals(expected, m.expectedPurchases(t), 1e-9 * expected, m + " t=" + t);
            }
        }
    }

    @Test
    void conditionalExpectedPurchases_matchesPosteriorIntegral() {
        // Given alive: λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x); E[Y(t)] = P(alive) · E[(1 − e^{−λpt})/p]
        //   = P(alive) · ∫ (1 − ((α + T)/(α + T + pt))^{r + x})/p dBeta(a, b + x), by quadrature.
        BgNbdParameters[] models = {cdnow, new BgNbdParameters(2.0, 3.0, 1.5, 2.5),
            new BgNbdParameters(0.9, 2.0, 0.6, 0.4)};
        double[][] histories = {{0, 0, 20}, {2, 30.43, 38.86}, {7, 35, 36}, {150, 51, 52}};
        for (BgNbdParameters m : models) {
            for (double[] h : histories) {
                double x = h[0];
                double age = h[2];
                double t = 26;
                double posterior = Quadrature.betaExpectation(p -> -Math.expm1((m.r() + x)
                        * Math.log((m.alpha() + age) / (m.alpha() + age + p * t))) / p, m.a(), m.b() + x);
                double expected = m.probabilityAlive(x, h[1], age) * posterior;
                assertEquals(expected, m.conditionalExpectedPurchases(t, x, h[1], age), 1e-8 * expected,
                        m + " history " + java.util.Arrays.toString(h));
            }
        }
    }

    @Test
    void conditionalExpectedPurchases_newCustomer_equalsPopulationMean() {
        // (x, t_x, T) = (0, 0, 0) is a customer about whom nothing is known: eq. 10 reduces to eq. 9
        assertEquals(cdnow.expectedPurchases(52), cdnow.conditionalExpectedPurchases(52, 0, 0, 0), 1e-12);
    }

    @Test
    void conditionalExpectedPurchases_aNearOne_isContinuous() {
        // a = 1 is a removable singularity of eq. 10; values just inside the interpolation band must sit
        // between those just outside it
        double below = new BgNbdParameters(0.5, 5, 1 - 1e-3, 2).conditionalExpectedPurchases(10, 3, 8, 12);
        double at = new BgNbdParameters(0.5, 5, 1.0, 2).conditionalExpectedPurchases(10, 3, 8, 12);
        double above = new BgNbdParameters(0.5, 5, 1 + 1e-3, 2).conditionalExpectedPurchases(10, 3, 8, 12);
        assertTrue(Math.abs(at - 0.5 * (below + above)) < 1e-6 * at, below + " " + at + " " + above);
    }

    @Test
    void perCustomerMethods_badHistory_throw() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cdnow.probabilityAlive(2, -1, 10));
        assertTrue(e.getMessage().contains("recency"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> cdnow.logLikelihood(2, 12, 10));
        assertTrue(e.getMessage().contains("must not exceed age T"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> cdnow.conditionalExpectedPurchases(5, 0, 3, 10));
        assertTrue(e.getMessage().contains("frequency is 0 but recency is 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cdnow.logLikelihood(Double.NaN, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> cdnow.expectedPurchases(-1));
        assertThrows(IllegalArgumentException.class, () -> new BgNbdParameters(0, 1, 1, 1));
    }
}
