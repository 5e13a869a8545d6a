package io.github.churnkit.scoring.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {

    /** Standard normal deciles z_0.1 .. z_0.9 (any normal table). */
    private static final double[] DECILES = {-1.2815516, -0.8416212, -0.5244005, -0.2533471, 0,
        0.2533471, 0.5244005, 0.8416212, 1.2815516};

    private static final int TRAIN = 200_000;
    private static final int BATCH = 100_000;

    private static double[] normal(long seed, int n, double shift) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() + shift;
        }
        return v;
    }

    /** Standard normal CDF via Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7). */
    private static double phi(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /** PSI of N(delta, 1) against N(0, 1) over the exact decile bins. */
    private static double expectedPsi(double delta) {
        double psi = 0;
        for (int i = 0; i <= DECILES.length; i++) {
            double lo = i == 0 ? 0 : phi(DECILES[i - 1] - delta);
            double hi = i == DECILES.length ? 1 : phi(DECILES[i] - delta);
            double a = hi - lo;
            psi += (a - 0.1) * Math.log(a / 0.1);
        }
        return psi;
    }

    @Test
    void compare_normalShift_psiMatchesExactBinnedValueAndGrows() {
        // PSI estimate noise at delta = 1 (delta method, multinomial bins): sd about 0.006 with
        // 200,000 training and 100,000 batch rows, so 0.03 is about five standard deviations
        NumericDistribution training = NumericDistribution.fit("x", normal(1, TRAIN, 0), 10);
        double previous = -1;
        for (double delta : new double[] {0, 0.1, 0.25, 0.5, 1.0}) {
            DriftResult r = training.compare(normal(2, BATCH, delta));
            assertEquals(expectedPsi(delta), r.psi(), 0.03, "delta " + delta);
            assertTrue(r.psi() > previous, "PSI grows with the shift: delta " + delta);
            previous = r.psi();
            // two-sample KS of N(0,1) and N(delta,1): D = 2 Phi(delta/2) - 1 (the ECDFs differ most at
            // delta/2). Binned: D_binned <= D + noise and D_binned >= D - max bin proportion (0.1) - noise;
            // ECDF noise at a point is below 0.002 sd here, so 0.01 covers it
            double d = 2 * phi(delta / 2) - 1;
            assertTrue(r.ks() <= d + 0.01, "KS " + r.ks() + " vs " + d);
            assertTrue(r.ks() >= d - 0.1 - 0.01, "KS " + r.ks() + " vs " + d);
        }
    }

    @Test
    void compare_noShift_psiNearItsNullExpectation() {
        // under no shift PSI is about (bins - 1)(1/n + 1/m) = 9 * 1.5e-5 = 1.35e-4 with sd 6e-5
        NumericDistribution training = NumericDistribution.fit("x", normal(3, TRAIN, 0), 10);
        DriftResult r = training.compare(normal(4, BATCH, 0));
        assertTrue(r.psi() < 1e-3, "PSI " + r.psi());
        assertEquals(DriftLevel.STABLE, r.level());
        assertEquals(DriftLevel.MAJOR, training.compare(normal(5, BATCH, 1.0)).level());
    }

    @Test
    void check_table_reportsEveryInputAndScore() {
        int n = 1000;
        double[] tenure = normal(6, n, 0);
        String[] plans = new String[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            plans[i] = i % 2 == 0 ? "basic" : "pro";
            scores[i] = (i % 100) / 100.0;
        }
        CustomerTable training = CustomerTable.of(List.of(NumericColumn.of("tenure", tenure),
                CategoricalColumn.of("plan", plans)));
        DriftMonitor monitor = DriftMonitor.of(TrainingDistributions.fit(training, scores,
                TrainingDistributions.Config.defaults()));

        // batch: tenure unchanged, every customer on "pro", scores unchanged
        String[] allPro = new String[n];
        java.util.Arrays.fill(allPro, "pro");
        CustomerTable batch = CustomerTable.of(List.of(NumericColumn.of("tenure", tenure),
                CategoricalColumn.of("plan", allPro), NumericColumn.of("extra", new double[n])));
        DriftReport report = monitor.check(batch, scores);
        assertEquals(2, report.features().size());
        assertEquals(0.0, report.features().get(0).psi(), 1e-12);
        // plan: e = (0.5, 0.5), a = (1e-4 floor, 1): (1e-4 - 0.5) ln(2e-4) + 0.5 ln 2 = 4.2577 + 0.3466
        assertEquals((1e-4 - 0.5) * Math.log(1e-4 / 0.5) + 0.5 * Math.log(2), report.features().get(1).psi(), 1e-9);
        assertEquals(0.0, report.score().psi(), 1e-12);
        assertEquals(DriftLevel.MAJOR, report.worst());
        assertEquals(List.of("plan"), report.atLeast(DriftLevel.MODERATE).stream().map(DriftResult::name).toList());
    }

    @Test
    void check_missingInputOrWrongLength_throws() {
        CustomerTable training = CustomerTable.of(List.of(NumericColumn.of("tenure", new double[] {1, 2, 3})));
        DriftMonitor monitor = DriftMonitor.of(TrainingDistributions.fit(training, new double[] {0.1, 0.2, 0.3},
                TrainingDistributions.Config.defaults()));
        CustomerTable other = CustomerTable.of(List.of(NumericColumn.of("age", new double[] {1})));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> monitor.check(other, new double[] {0.5}));
        assertTrue(e.getMessage().contains("batch lacks input column 'tenure'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> monitor.check(training, new double[] {0.5}));
        CustomerTable categorical = CustomerTable.of(List.of(CategoricalColumn.of("tenure", "a")));
        assertThrows(IllegalArgumentException.class, () -> monitor.check(categorical, new double[] {0.5}));
    }
}
