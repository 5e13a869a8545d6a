package io.github.churnkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClvFormulasTest {

    @Test
    void subscriptionFromChurnProbability_unbounded_handComputed() {
        // θ = 0.1, d = 0.01: DERL = 0.9 · 1.01 / 0.11 = 8.263636...; × revenue 50 × margin 0.3 = 123.9545...
        ClvSettings s = new ClvSettings(0.3, 0.01, ClvSettings.UNBOUNDED);
        assertEquals(0.3 * 50 * 0.9 * 1.01 / 0.11, ClvFormulas.subscriptionFromChurnProbability(s, 50, 0.1), 1e-10);
    }

    @Test
    void subscriptionFromChurnProbability_bounded_matchesExplicitSum() {
        // Σ_{k=0}^{2} 0.9^{k+1} / 1.01^k = 0.9 + 0.81/1.01 + 0.729/1.0201
        ClvSettings s = new ClvSettings(1.0, 0.01, 3);
        double expected = 0.9 + 0.81 / 1.01 + 0.729 / 1.0201;
        assertEquals(expected, ClvFormulas.subscriptionFromChurnProbability(s, 1.0, 0.1), 1e-12);
        // θ = 0 and d = 0: every one of the 3 payments is certain
        assertEquals(3.0, ClvFormulas.subscriptionFromChurnProbability(new ClvSettings(1, 0, 3), 1, 0.0), 1e-12);
        // θ = 1: the customer leaves at the first renewal, nothing more is earned
        assertEquals(0.0, ClvFormulas.subscriptionFromChurnProbability(s, 1.0, 1.0), 0.0);
    }

    @Test
    void subscription_longHorizon_approachesUnbounded() {
        SbgParameters sbg = new SbgParameters(0.704, 1.182);
        ClvSettings bounded = new ClvSettings(0.5, 0.02, 5000);
        double unbounded = ClvFormulas.subscription(bounded.withHorizon(ClvSettings.UNBOUNDED), 20, sbg, 3);
        assertEquals(unbounded, ClvFormulas.subscription(bounded, 20, sbg, 3), 1e-9 * unbounded);
        // one period: margin × revenue × r_n with n = 4 = (β + 3)/(α + β + 3)
        assertEquals(0.5 * 20 * (1.182 + 3) / (0.704 + 1.182 + 3),
                ClvFormulas.subscription(bounded.withHorizon(1), 20, sbg, 3), 1e-12);
    }

    @Test
    void transactional_oneUndiscountedPeriod_isSpendTimesExpectedPurchases() {
        BgNbdParameters bg = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
        GammaGammaParameters gg = new GammaGammaParameters(6.25, 3.74, 15.44);
        PurchaseHistory h = new PurchaseHistory(2, 30.43, 38.86, 40.0);
        ClvSettings s = new ClvSettings(0.2, 0.0, 52);
        double expected = 0.2 * gg.conditionalExpectedSpend(2, 40.0) * bg.conditionalExpectedPurchases(52, h);
        assertEquals(expected, ClvFormulas.transactional(s, bg, gg, h), 1e-10 * expected);
        // with d > 0 the value is lower, and a one-period horizon discounts E[Y(1)] once
        ClvSettings one = new ClvSettings(1.0, 0.05, 1);
        assertEquals(bg.conditionalExpectedPurchases(1, h) / 1.05,
                ClvFormulas.discountedExpectedPurchases(one, bg, h), 1e-12);
    }

    @Test
    void settings_badValues_throw() {
        assertThrows(IllegalArgumentException.class, () -> new ClvSettings(0, 0.1, 3));
        assertThrows(IllegalArgumentException.class, () -> new ClvSettings(1, -0.1, 3));
        assertThrows(IllegalArgumentException.class, () -> new ClvSettings(1, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClvSettings(1, 0.0, ClvSettings.UNBOUNDED));
        BgNbdParameters bg = new BgNbdParameters(1, 1, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> ClvFormulas.discountedExpectedPurchases(
                new ClvSettings(1, 0.1, ClvSettings.UNBOUNDED), bg, PurchaseHistory.of(0, 0, 1)));
    }

    @Test
    void purchaseHistory_badValues_throwWithClearMessages() {
        assertThrows(IllegalArgumentException.class, () -> PurchaseHistory.of(-1, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> PurchaseHistory.of(1, -0.5, 5));
        assertThrows(IllegalArgumentException.class, () -> PurchaseHistory.of(1, 6, 5));
        assertThrows(IllegalArgumentException.class, () -> PurchaseHistory.of(0, 2, 5));
        assertThrows(IllegalArgumentException.class, () -> new PurchaseHistory(1, 1, 5, -3));
    }
}
