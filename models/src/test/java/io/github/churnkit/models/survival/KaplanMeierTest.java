package io.github.churnkit.models.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KaplanMeierTest {

    // six customers: tenure 1 (churned), 2 (churned), 2 (censored), 3 (churned), 4 (censored), 5 (churned)
    private static final double[] TIME = {1, 2, 2, 3, 4, 5};
    private static final boolean[] EVENT = {true, true, false, true, false, true};

    @Test
    void fit_smallExample_matchesHandComputation() {
        SurvivalCurve c = KaplanMeier.withDefaults().fit(TIME, EVENT);
        // event times 1, 2, 3, 5 (4 is censoring only)
        assertEquals(4, c.size());
        // t=1: n=6, d=1 -> S = 5/6
        // t=2: n=5, d=1 (the censored 2 is still at risk) -> S = 5/6 * 4/5 = 2/3
        // t=3: n=3, d=1 -> S = 2/3 * 2/3 = 4/9
        // t=5: n=1, d=1 -> S = 0
        assertEquals(6, c.atRisk(0));
        assertEquals(5, c.atRisk(1));
        assertEquals(3, c.atRisk(2));
        assertEquals(1, c.atRisk(3));
        assertEquals(5.0 / 6, c.survival(0), 1e-15);
        assertEquals(2.0 / 3, c.survival(1), 1e-15);
        assertEquals(4.0 / 9, c.survival(2), 1e-15);
        assertEquals(0.0, c.survival(3), 1e-15);
        // Greenwood at t=3: Σ d/(n(n−d)) = 1/30 + 1/20 + 1/6 = 0.25 -> SE = (4/9) * sqrt(0.25) = 2/9
        assertEquals(2.0 / 9, c.standardError(2), 1e-15);
        // 95% log-log: z = 1.959964, σ/|ln S| = 0.5/0.810930 = 0.616576; z·0.616576 = 1.208466;
        // exponents e^{+1.208466} = 3.348346 and e^{-1.208466} = 0.298655;
        // lower = (4/9)^3.348346 = e^{-2.715292} = 0.066187, upper = (4/9)^0.298655 = e^{-0.242190} = 0.784908
        assertEquals(0.066187, c.lower(2), 1e-6);
        assertEquals(0.784908, c.upper(2), 1e-6);
        assertEquals(Double.NaN, c.lower(3));
        // step function and median: S(2.5) = 2/3; first S <= 0.5 is at t=3
        assertEquals(1.0, c.survivalAt(0.5));
        assertEquals(2.0 / 3, c.survivalAt(2.5), 1e-15);
        assertEquals(3.0, c.medianSurvival());
    }

    @Test
    void fit_plainInterval_isSymmetricAndClipped() {
        SurvivalCurve c = KaplanMeier.of(KaplanMeier.Options.defaults().withInterval(KaplanMeier.Interval.PLAIN))
                .fit(TIME, EVENT);
        // t=3: 4/9 ± 1.959964 * 2/9 = 0.444444 ± 0.435548
        assertEquals(4.0 / 9 - 1.959964 * 2.0 / 9, c.lower(2), 1e-6);
        assertEquals(4.0 / 9 + 1.959964 * 2.0 / 9, c.upper(2), 1e-6);
        // t=1: 5/6 ± 1.959964 * (5/6) sqrt(1/30) = 0.833333 ± 0.298217 -> upper clipped to 1
        assertEquals(1.0, c.upper(0));
    }

    @Test
    void fit_noCensoring_equalsEmpiricalSurvival() {
        // without censoring KM is one minus the empirical distribution function
        double[] t = {3, 1, 4, 1, 5, 9, 2, 6};
        boolean[] e = new boolean[8];
        java.util.Arrays.fill(e, true);
        SurvivalCurve c = KaplanMeier.withDefaults().fit(t, e);
        assertEquals(6.0 / 8, c.survivalAt(1), 1e-15);
        assertEquals(3.0 / 8, c.survivalAt(4.5), 1e-15);
        assertEquals(0.0, c.survivalAt(9), 1e-15);
    }

    @Test
    void fit_simulatedSbgCohorts_tracksTrueSurvivalWithinFourStandardErrors() {
        // staggered cohorts (so tenure is right-censored at different points) from core's sBG generator;
        // the true survival is the sBG S(t) = B(α, β + t)/B(α, β) of the generating parameters
        io.github.churnkit.core.synthetic.SimulatedCohorts sim = io.github.churnkit.core.synthetic.CohortGenerator.of(
                io.github.churnkit.core.synthetic.CohortGenerator.Config.defaults().withCustomersPerCohort(1500)
                        .withCohorts(6).withPeriods(12).withSeed(3)).generate();
        double[] tenure = new double[sim.size()];
        boolean[] churned = new boolean[sim.size()];
        for (int i = 0; i < sim.size(); i++) {
            tenure[i] = sim.tenure(i);
            churned[i] = sim.churned(i);
        }
        SurvivalCurve c = KaplanMeier.withDefaults().fit(tenure, churned);
        io.github.churnkit.scoring.clv.SbgParameters truth = new io.github.churnkit.scoring.clv.SbgParameters(0.7, 1.2);
        for (int i = 0; i < c.size(); i++) {
            int t = (int) c.time(i);
            assertEquals(truth.survival(t), c.survival(i), 4 * c.standardError(i), "t=" + t);
        }
        assertEquals(12, c.size());
    }

    @Test
    void fitByGroup_twoGroups_equalsSeparateFits() {
        double[] t = {1, 2, 2, 3, 4, 5, 1, 3};
        boolean[] e = {true, true, false, true, false, true, false, true};
        String[] g = {"a", "a", "a", "a", "a", "a", "b", "b"};
        java.util.Map<String, SurvivalCurve> curves = KaplanMeier.withDefaults().fitByGroup(t, e, g);
        assertEquals(java.util.List.of("a", "b"), java.util.List.copyOf(curves.keySet()));
        // group a is the six-customer example above: S(3) = 4/9
        assertEquals(4.0 / 9, curves.get("a").survivalAt(3), 1e-15);
        // group b: censored at 1, event at 3 with one at risk -> S(3) = 0
        assertEquals(0.0, curves.get("b").survivalAt(3), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> KaplanMeier.withDefaults().fitByGroup(t, e, new String[] {"a"}));
    }

    @Test
    void fit_badInput_throws() {
        KaplanMeier km = KaplanMeier.withDefaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> km.fit(new double[] {1, -2}, new boolean[] {true, false}));
        assertTrue(e.getMessage().contains("duration 1 must be finite and >= 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> km.fit(new double[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> km.fit(new double[] {1}, new boolean[] {true, true}));
        assertThrows(IllegalArgumentException.class, () -> km.fit(new double[] {Double.NaN}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.Options.defaults().withConfidenceLevel(1.0));
    }
}
