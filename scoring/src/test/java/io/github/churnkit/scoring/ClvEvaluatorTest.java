package io.github.churnkit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.SbgParameters;
import io.github.churnkit.scoring.clv.SbgUncertainty;
import org.junit.jupiter.api.Test;

/**
 * The CLV rules of {@link ClvEvaluator} on hand-checked cases. sBG with alpha = beta = 1 has
 * retention rates {@code r_t = (beta + t - 1) / (alpha + beta + t - 1) = t / (t + 1)}, so with no
 * discount and a one-period horizon a customer with k renewals has {@code DERL = r_{k+1} = (k + 1) / (k + 2)}.
 * (Equality with {@code CustomerScorer} on real model files: CommandsTest, DemoCommandTest.)
 */
class ClvEvaluatorTest {

    private static final SbgParameters FLAT = new SbgParameters(1, 1);
    private static final ClvSettings ONE_PERIOD = new ClvSettings(1, 0, 1);
    private static final ClvInputs SBG = ClvInputs.fromSbg("fee", "tenure");
    /** Var(ln alpha) 0.04, Cov 0.01, Var(ln beta) 0.09, level 0.9. */
    private static final SbgUncertainty U = SbgUncertainty.of(new double[][] {{0.04, 0.01}, {0.01, 0.09}}, 0.9);

    @Test
    void clv_sbgOnePeriod_isRevenueTimesNextRetentionRate() {
        ClvEvaluator v = ClvEvaluator.of(SBG, ONE_PERIOD, FLAT, null);
        assertEquals(10 * 1 / 2.0, v.clv(10, 0, Double.NaN), 1e-12); // r_1 = 1/2
        assertEquals(10 * 3 / 4.0, v.clv(10, 2, Double.NaN), 1e-12); // r_3 = 3/4
        // two periods: r_1 + r_1 r_2 = 1/2 + 1/2 x 2/3 = 5/6
        assertEquals(10 * 5 / 6.0, ClvEvaluator.of(SBG, new ClvSettings(1, 0, 2), FLAT, null).clv(10, 0, 0.5), 1e-12);
    }

    @Test
    void clv_renewalsValue_readAsCountRoundedDownNegativesAsZero() {
        ClvEvaluator v = ClvEvaluator.of(SBG, ONE_PERIOD, FLAT, null);
        assertEquals(v.clv(10, 2, 0), v.clv(10, 2.9, 0));
        assertEquals(v.clv(10, 0, 0), v.clv(10, -3, 0));
        assertEquals(2, ClvEvaluator.renewalsCount(2.9));
        assertEquals(0, ClvEvaluator.renewalsCount(-0.5));
        assertEquals(Integer.MAX_VALUE / 2, ClvEvaluator.renewalsCount(Double.POSITIVE_INFINITY));
    }

    @Test
    void clv_missingOrInvalidRevenueOrMissingRenewals_isNaN() {
        ClvEvaluator v = ClvEvaluator.of(SBG, ONE_PERIOD, FLAT, U);
        assertTrue(Double.isNaN(v.clv(Double.NaN, 3, 0)));
        assertTrue(Double.isNaN(v.clv(-1, 3, 0)));
        assertTrue(Double.isNaN(v.clv(Double.POSITIVE_INFINITY, 3, 0)));
        assertTrue(Double.isNaN(v.clv(10, Double.NaN, 0)));
        assertTrue(Double.isNaN(v.lower(Double.NaN, 3)) && Double.isNaN(v.upper(Double.NaN, 3)));
        assertTrue(Double.isNaN(v.lower(5, Double.NaN)) && Double.isNaN(v.upper(5, Double.NaN)));
        assertEquals(0.0, v.clv(0, 3, 0), "zero revenue is a value");
    }

    @Test
    void lowerUpper_onePeriod_deltaMethodIntervalByHand() {
        // ln DERL = ln(beta + k) - ln(alpha + beta + k); at alpha = beta = 1, k = 0 its gradient in
        // (ln alpha, ln beta) is (-alpha / (alpha + beta + k), alpha beta / ((beta + k)(alpha + beta + k)))
        // = (-1/2, 1/2), so se^2 = (0.04 - 2 x 0.01 + 0.09) / 4 = 0.0275; z = qnorm(0.95) = 1.6448536269514722 (R)
        ClvEvaluator v = ClvEvaluator.of(SBG, ONE_PERIOD, FLAT, U);
        double clv = v.clv(10, 0, Double.NaN);
        double zse = 1.6448536269514722 * Math.sqrt(0.0275);
        assertEquals(5 * Math.exp(-zse), v.lower(clv, 0), 1e-12);
        assertEquals(5 * Math.exp(zse), v.upper(clv, 0), 1e-12);
        assertTrue(v.hasInterval());
        assertEquals(0.9, v.level());
    }

    @Test
    void lowerUpper_anyRenewals_logSymmetricAroundClv() {
        ClvEvaluator v = ClvEvaluator.of(SBG, ClvSettings.defaults(), new SbgParameters(0.8, 3.5), U);
        for (double renewals : new double[] {0, 1, 7, 40, 2000}) {
            double clv = v.clv(25, renewals, Double.NaN);
            double low = v.lower(clv, renewals);
            double high = v.upper(clv, renewals);
            assertTrue(low < clv && clv < high, renewals + ": " + low + " " + clv + " " + high);
            // clv e^{-z se} x clv e^{z se} = clv^2
            assertEquals(clv * clv, low * high, 1e-9 * clv * clv, "renewals " + renewals);
            assertEquals(low, v.lower(clv, renewals), "a cached standard error gives the same bound");
        }
    }

    @Test
    void churnProbabilityMethod_usesTheProbabilityAndHasNoInterval() {
        // one period: DERL = 1 - theta, so CLV = margin x revenue x (1 - theta) = 0.5 x 10 x 0.8
        ClvEvaluator v = ClvEvaluator.of(ClvInputs.fromChurnProbability("fee"), new ClvSettings(0.5, 0, 1), null, U);
        assertEquals(4.0, v.clv(10, Double.NaN, 0.2), 1e-12);
        assertFalse(v.hasInterval(), "the bundle stores no uncertainty of a churn probability");
        assertTrue(Double.isNaN(v.lower(4, 3)) && Double.isNaN(v.upper(4, 3)) && Double.isNaN(v.level()));
    }

    @Test
    void of_sbgMethodWithoutParameters_throwsNamingColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClvEvaluator.of(SBG, ONE_PERIOD, null, null));
        assertEquals("the sBG CLV method (renewals column 'tenure') needs sBG parameters, found none", e.getMessage());
    }
}
