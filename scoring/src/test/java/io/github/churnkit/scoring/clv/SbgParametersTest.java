package io.github.churnkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SbgParametersTest {

    // Fader & Hardie (2007), "High End" segment estimates
    private final SbgParameters highEnd = new SbgParameters(0.668, 3.806);

    @Test
    void churnProbability_matchesPaperRecursion() {
        // eq. 7: P(T=1) = α/(α+β); P(T=t) = (β+t−2)/(α+β+t−1) · P(T=t−1)
        double a = 0.668;
        double b = 3.806;
        double p = a / (a + b);
        for (int t = 1; t <= 60; t++) {
            if (t > 1) {
                p *= (b + t - 2) / (a + b + t - 1);
            }
            assertEquals(p, highEnd.churnProbability(t), 1e-13, "t=" + t);
        }
    }

    @Test
    void survival_equalsOneMinusCumulativeChurn() {
        // S(t) = 1 − Σ_{i<=t} P(T=i), with P(T=i) from the recursion of eq. 7
        double a = 0.668;
        double b = 3.806;
        double p = a / (a + b);
        double s = 1.0;
        for (int t = 1; t <= 60; t++) {
            if (t > 1) {
                p *= (b + t - 2) / (a + b + t - 1);
            }
            s -= p;
            assertEquals(s, highEnd.survival(t), 1e-12, "t=" + t);
        }
        assertEquals(1.0, highEnd.survival(0));
    }

    @Test
    void retentionRate_firstPeriods_handComputed() {
        // r_1 = β/(α+β) = 3.806/4.474 = 0.850693...; r_2 = 4.806/5.474 = 0.877968...
        assertEquals(3.806 / 4.474, highEnd.retentionRate(1), 1e-15);
        assertEquals(4.806 / 5.474, highEnd.retentionRate(2), 1e-15);
        assertEquals(highEnd.survival(5) / highEnd.survival(4), highEnd.retentionRate(5), 1e-12);
    }

    @Test
    void derl_matchesPosteriorIntegralOfHomogeneousDerl() {
        // FH 2010: after n−1 renewals θ ~ Beta(α, β + n − 1) and DERL = E[(1 − θ)(1 + d)/(d + θ)],
        // evaluated here by quadrature, independently of the 2F1 closed form.
        SbgParameters sbg = new SbgParameters(1.3, 2.2);
        double d = 0.05;
        for (int renewals : new int[] {0, 1, 5, 20}) {
            double expected = Quadrature.betaExpectation(theta -> (1 - theta) * (1 + d) / (d + theta),
                    1.3, 2.2 + renewals);
            assertEquals(expected, sbg.derl(d, renewals), 1e-9 * expected, "renewals=" + renewals);
        }
    }

    @Test
    void derl_closedForm_matchesLongTruncatedSum() {
        // the truncated sum of retention-rate products (a separate code path) converges to eq. 6
        for (int renewals : new int[] {0, 3, 12}) {
            double closed = highEnd.derl(0.1, renewals);
            double sum = highEnd.derl(0.1, renewals, 2000);
            assertEquals(closed, sum, 1e-10 * closed, "renewals=" + renewals);
        }
    }

    @Test
    void derl_homogeneousLimit_matchesConstantChurnFormula() {
        // α = θK, β = (1 − θ)K with K → ∞ concentrates Beta(α, β) at θ = 0.2:
        // DERL → (1 − θ)(1 + d)/(d + θ) = 0.8 · 1.01 / 0.21 = 3.847619...
        SbgParameters nearlyHomogeneous = new SbgParameters(0.2e8, 0.8e8);
        assertEquals(0.8 * 1.01 / 0.21, SbgParameters.derlConstantChurn(0.2, 0.01), 1e-15);
        assertEquals(0.8 * 1.01 / 0.21, nearlyHomogeneous.derl(0.01, 0), 1e-6);
    }

    @Test
    void derl_moreRenewals_increases() {
        // sorting effect: survivors have lower churn probabilities, so DERL grows with tenure
        org.junit.jupiter.api.Assertions.assertTrue(highEnd.derl(0.1, 10) > highEnd.derl(0.1, 1));
    }

    @Test
    void expectedSurvivors_paperCohort_projects() {
        // 1000 customers × S(7)
        assertEquals(1000 * highEnd.survival(7), highEnd.expectedSurvivors(1000, 7), 1e-9);
    }

    @Test
    void constructor_nonPositive_throws() {
        assertThrows(IllegalArgumentException.class, () -> new SbgParameters(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SbgParameters(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new SbgParameters(Double.POSITIVE_INFINITY, 1));
    }

    @Test
    void derl_badArguments_throw() {
        assertThrows(IllegalArgumentException.class, () -> highEnd.derl(0.0, 1));
        assertThrows(IllegalArgumentException.class, () -> highEnd.derl(0.1, -1));
        assertThrows(IllegalArgumentException.class, () -> highEnd.survival(-1));
        assertThrows(IllegalArgumentException.class, () -> highEnd.churnProbability(0));
        assertThrows(IllegalArgumentException.class, () -> SbgParameters.derlConstantChurn(0, 0));
        assertThrows(IllegalArgumentException.class, () -> SbgParameters.derlConstantChurn(1.5, 0.1));
    }
}
