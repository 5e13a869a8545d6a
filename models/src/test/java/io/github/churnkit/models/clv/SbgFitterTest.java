package io.github.churnkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.synthetic.CohortGenerator;
import io.github.churnkit.core.synthetic.SimulatedCohorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SbgFitterTest {

    @Test
    void fitSurvivors_paperHighEnd_matchesPublishedEstimates() {
        // Fader & Hardie (2007): "High End" survivors and estimates alpha = 0.668, beta = 3.806 (3 decimals)
        SbgModel m = SbgFitter.withDefaults().fitSurvivors(new long[] {1000, 869, 743, 653, 593, 551, 517, 491});
        assertEquals(0.668, m.parameters().alpha(), 1e-3);
        assertEquals(3.806, m.parameters().beta(), 1e-3);
    }

    @Test
    void fitSurvivors_paperRegular_matchesPublishedEstimates() {
        // Fader & Hardie (2007): "Regular" survivors and estimates alpha = 0.704, beta = 1.182
        SbgModel m = SbgFitter.withDefaults().fitSurvivors(new long[] {1000, 631, 468, 382, 326, 289, 262, 241});
        assertEquals(0.704, m.parameters().alpha(), 1e-3);
        assertEquals(1.182, m.parameters().beta(), 1e-3);
    }

    private static void assertRecovers(SbgModel m, CohortGenerator.Retention truth) {
        double[] t = {truth.alpha(), truth.beta()};
        for (int i = 0; i < 2; i++) {
            double est = m.estimates().value(i);
            double se = m.estimates().standardError(i);
            // |est − truth| < 4 SE: a 4-sigma miss has probability ~6e-5 under the MLE's asymptotic normality
            assertTrue(Math.abs(est - t[i]) < 4 * se, String.format(Locale.ROOT, "%s: est %.4f truth %.4f se %.4f",
                    m.estimates().names().get(i), est, t[i], se));
        }
    }

    @Test
    void fit_simulatedCohorts_recoveredFromSurvivorsAndIndividuals() {
        for (CohortGenerator.Retention truth : new CohortGenerator.Retention[] {CohortGenerator.Retention.defaults(),
            new CohortGenerator.Retention(0.3, 2.5), new CohortGenerator.Retention(4.0, 12.0)}) {
            SimulatedCohorts sim = CohortGenerator.of(CohortGenerator.Config.defaults().withCustomersPerCohort(3000)
                    .withCohorts(6).withPeriods(18).withRetention(truth).withSeed(17)).generate();
            List<long[]> tables = new ArrayList<>();
            for (int k = 0; k < sim.cohortCount(); k++) {
                tables.add(java.util.Arrays.stream(sim.survivors(k)).asLongStream().toArray());
            }
            int[] tenure = new int[sim.size()];
            boolean[] churned = new boolean[sim.size()];
            for (int i = 0; i < sim.size(); i++) {
                tenure[i] = sim.tenure(i);
                churned[i] = sim.churned(i);
            }
            SbgModel fromTables = SbgFitter.withDefaults().fitCohorts(tables);
            SbgModel fromIndividuals = SbgFitter.withDefaults().fitIndividuals(tenure, churned);
            assertRecovers(fromTables, truth);
            // the two data forms carry the same likelihood, so the same optimum
            assertEquals(fromTables.parameters().alpha(), fromIndividuals.parameters().alpha(), 1e-5 * truth.alpha());
            assertEquals(fromTables.parameters().beta(), fromIndividuals.parameters().beta(), 1e-5 * truth.beta());
        }
    }

    @Test
    void likelihood_matchesScoringFormulasAndGradient() {
        SbgData data = SbgData.fromSurvivors(List.of(new long[] {1000, 631, 468, 382}));
        SbgLikelihood f = new SbgLikelihood(data);
        io.github.churnkit.scoring.clv.SbgParameters p = new io.github.churnkit.scoring.clv.SbgParameters(0.8, 1.5);
        // paper: Σ (n_{t−1} − n_t) ln P(T=t) + n_k ln S(k)
        double expected = 369 * Math.log(p.churnProbability(1)) + 163 * Math.log(p.churnProbability(2))
                + 86 * Math.log(p.churnProbability(3)) + 382 * Math.log(p.survival(3));
        double[] theta = {Math.log(0.8), Math.log(1.5)};
        double[] g = new double[2];
        assertEquals(-expected, f.evaluate(theta, g), 1e-9);
        for (int j = 0; j < 2; j++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += 1e-6;
            minus[j] -= 1e-6;
            double numeric = (f.evaluate(plus, new double[2]) - f.evaluate(minus, new double[2])) / 2e-6;
            assertEquals(numeric, g[j], 1e-5 * Math.abs(numeric));
        }
    }

    @Test
    void fitSurvivors_badTables_throwClearErrors() {
        SbgFitter f = SbgFitter.withDefaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.fitSurvivors(new long[] {0, 0, 0}));
        assertTrue(e.getMessage().contains("cohort 0 is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.fitSurvivors(new long[] {100, 90, 95}));
        assertTrue(e.getMessage().contains("survivor counts must not increase: cohort 0 has 95 active after period 2"
                + " but 90 after period 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.fitSurvivors(new long[] {100}));
        assertTrue(e.getMessage().contains("no observed period"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.fitSurvivors(new long[] {100, -1}));
        assertTrue(e.getMessage().contains("negative survivor count"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.fitCohorts(List.of()));
    }

    @Test
    void fitIndividuals_badValues_throwClearErrors() {
        SbgFitter f = SbgFitter.withDefaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.fitIndividuals(new int[] {3, 0}, new boolean[] {false, true}));
        assertTrue(e.getMessage().startsWith("customer 1: tenure must be >= 1 for a churned customer"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.fitIndividuals(new int[] {-2}, new boolean[] {false}));
        assertThrows(IllegalArgumentException.class, () -> f.fitIndividuals(new int[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> f.fitIndividuals(new int[] {1}, new boolean[] {true, false}));
    }

    @Test
    void fit_degenerateData_throwClvFitExceptionSayingWhy() {
        SbgFitter f = SbgFitter.withDefaults();
        ClvFitException e = assertThrows(ClvFitException.class, () -> f.fitSurvivors(new long[] {100, 100, 100}));
        assertTrue(e.getMessage().contains("none of the 100 customers churned"), e.getMessage());
        e = assertThrows(ClvFitException.class, () -> f.fitSurvivors(new long[] {100, 0}));
        assertTrue(e.getMessage().contains("renewed"), e.getMessage());
        // exactly geometric survivors (retention flat at 0.8): no heterogeneity, alpha and beta run off together
        e = assertThrows(ClvFitException.class,
                () -> f.fitSurvivors(new long[] {1_000_000, 800_000, 640_000, 512_000, 409_600, 327_680}));
        assertTrue(e.getMessage().contains("ran off to infinity together"), e.getMessage());
    }
}
