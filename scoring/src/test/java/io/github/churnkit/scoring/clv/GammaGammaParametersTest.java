package io.github.churnkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class GammaGammaParametersTest {

    // Fader & Hardie (2013) CDNOW estimates
    private final GammaGammaParameters cdnow = new GammaGammaParameters(6.25, 3.74, 15.44);

    @Test
    void logLikelihood_matchesDirectLinearEvaluation() {
        // density written literally with Γ (small arguments so nothing overflows)
        GammaGammaParameters m = new GammaGammaParameters(1.5, 2.5, 4.0);
        double x = 3;
        double mean = 2.2;
        double px = 1.5 * x;
        double direct = Gamma.gamma(px + 2.5) / (Gamma.gamma(px) * Gamma.gamma(2.5)) * Math.pow(4.0, 2.5)
                * Math.pow(mean, px - 1) * Math.pow(x, px) / Math.pow(4.0 + x * mean, px + 2.5);
        assertEquals(Math.log(direct), m.logLikelihood(x, mean), 1e-12);
    }

    @Test
    void logLikelihood_densityIntegratesToOne() {
        // f(m̄ | p, q, γ, x) is a density in m̄ for each x: ∫_0^∞ f = 1 (quadrature on m̄ = u/(1−u))
        for (double x : new double[] {1, 4}) {
            double total = Quadrature.integrate(u -> {
                double mean = u / (1 - u);
                return Math.exp(cdnow.logLikelihood(x, mean)) / ((1 - u) * (1 - u));
            }, 1e-12, 1 - 1e-12, 400);
            assertEquals(1.0, total, 1e-7, "x=" + x);
        }
    }

    @Test
    void conditionalExpectedSpend_isWeightedAverageOfPopulationAndOwnMean() {
        // note: E[M] = (q − 1)/(px + q − 1) · pγ/(q − 1) + px/(px + q − 1) · m̄
        double x = 2;
        double mean = 35.0;
        double px = 6.25 * x;
        double weight = px / (px + 3.74 - 1);
        double expected = (1 - weight) * (6.25 * 15.44 / 2.74) + weight * mean;
        assertEquals(expected, cdnow.conditionalExpectedSpend(x, mean), 1e-12);
        assertEquals(6.25 * 15.44 / 2.74, cdnow.conditionalExpectedSpend(0, Double.NaN), 1e-12);
        assertEquals(6.25 * 15.44 / 2.74, cdnow.populationMeanSpend(), 1e-12);
    }

    @Test
    void populationMeanSpend_qAtMostOne_throws() {
        assertThrows(IllegalStateException.class, () -> new GammaGammaParameters(1, 0.9, 1).populationMeanSpend());
    }

    @Test
    void logLikelihood_badInput_throws() {
        assertThrows(IllegalArgumentException.class, () -> cdnow.logLikelihood(0, 10));
        assertThrows(IllegalArgumentException.class, () -> cdnow.logLikelihood(2, 0));
        assertThrows(IllegalArgumentException.class, () -> cdnow.conditionalExpectedSpend(-1, 10));
    }
}
