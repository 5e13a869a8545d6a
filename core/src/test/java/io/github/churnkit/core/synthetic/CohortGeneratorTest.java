package io.github.churnkit.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CustomerTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CohortGeneratorTest {

    /** S(t) = B(alpha, beta + t) / B(alpha, beta) = prod_{i<t} (beta + i) / (alpha + beta + i) (Fader and Hardie 2007, eq. 3). */
    private static double survival(double alpha, double beta, int t) {
        double s = 1;
        for (int i = 0; i < t; i++) {
            s *= (beta + i) / (alpha + beta + i);
        }
        return s;
    }

    /**
     * Each survivor count of one cohort of n = 20,000 is Binomial(n, S(t)); every t is checked with
     * 4 binomial standard errors, for a light- and a heavy-tailed parameter set.
     */
    @ParameterizedTest
    @CsvSource({"0.7, 1.2", "3.0, 12.0", "0.3, 0.6"})
    void generate_oneCohort_survivorsMatchClosedForm(double alpha, double beta) {
        int n = 20_000;
        SimulatedCohorts c = CohortGenerator.of(CohortGenerator.Config.defaults().withCustomersPerCohort(n)
                .withRetention(new CohortGenerator.Retention(alpha, beta))).generate();
        int[] s = c.survivors(0);
        assertEquals(13, s.length);
        assertEquals(n, s[0]);
        for (int t = 1; t <= 12; t++) {
            double p = survival(alpha, beta, t);
            assertEquals(p, (double) s[t] / n, 4 * Math.sqrt(p * (1 - p) / n), "S(" + t + ")");
            assertTrue(s[t] <= s[t - 1]);
        }
    }

    /** Staggered cohorts: cohort k is observed for periods - k renewals; censoring is consistent with the window. */
    @Test
    void generate_staggeredCohorts_censoredAtObservationEnd() {
        SimulatedCohorts c = CohortGenerator.of(CohortGenerator.Config.defaults()
                .withCustomersPerCohort(500).withCohorts(4).withPeriods(6)).generate();
        assertEquals(2000, c.size());
        for (int k = 0; k < 4; k++) {
            assertEquals(6 - k + 1, c.survivors(k).length);
            assertEquals(500, c.survivors(k)[0]);
        }
        for (int i = 0; i < c.size(); i++) {
            int window = 6 - c.cohort(i);
            assertTrue(c.tenure(i) >= 1 && c.tenure(i) <= window);
            if (!c.churned(i)) {
                assertEquals(window, c.tenure(i), "censored customers have the full window as tenure");
            }
            assertTrue(c.theta(i) >= 0 && c.theta(i) <= 1);
        }
        // survivors at the end of the window = customers not churned
        int active = 0;
        for (int i = 0; i < 500; i++) {
            active += c.churned(i) ? 0 : 1;
        }
        assertEquals(active, c.survivors(0)[6]);
    }

    /** Hand-checked inversion: theta = 0.5, U = 0.7 gives ceil(ln 0.3 / ln 0.5) = ceil(1.737) = 2. */
    @Test
    void lifetime_inversion_handChecked() {
        assertEquals(2, CohortGenerator.lifetime(0.5, 0.7));
        assertEquals(1, CohortGenerator.lifetime(0.5, 0.0));
        assertEquals(1, CohortGenerator.lifetime(1.0, 0.99));
        assertEquals(Long.MAX_VALUE, CohortGenerator.lifetime(0.0, 0.5));
    }

    @Test
    void generate_sameSeed_sameData() {
        CohortGenerator.Config cfg = CohortGenerator.Config.defaults().withCohorts(3);
        SimulatedCohorts a = CohortGenerator.of(cfg).generate();
        SimulatedCohorts b = CohortGenerator.of(cfg).generate();
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(a.survivors(k), b.survivors(k));
        }
        CustomerTable t = a.toTable();
        assertEquals(3000, t.rowCount());
        assertEquals("churned", t.schema().target().orElseThrow().name());
        assertEquals(a.tenure(17), (int) t.numeric("tenure_periods").get(17));
    }

    @Test
    void config_moreCohortsThanPeriods_throws() {
        assertThrows(IllegalArgumentException.class, () -> new CohortGenerator.Config(10, 5, 4,
                CohortGenerator.Retention.defaults(), 1L));
        assertThrows(IllegalArgumentException.class, () -> new CohortGenerator.Retention(0, 1));
    }
}
