package io.github.churnkit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.scoring.bundle.BundleFormatException;
import io.github.churnkit.scoring.bundle.ModelBundle;
import io.github.churnkit.scoring.clv.ClvCodec;
import io.github.churnkit.scoring.clv.ClvFormulas;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.SbgParameters;
import io.github.churnkit.scoring.clv.SbgUncertainty;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The sBG CLV interval of {@link CustomerScorer}: section {@code clv.sbg.interval} read, applied, batched. */
class CustomerScorerClvIntervalTest {

    private static final SbgParameters SBG = new SbgParameters(0.668, 3.806);
    private static final double[][] COV = {{0.02, -0.012}, {-0.012, 0.05}};
    /** qnorm(0.95) to 16 digits (standard normal table): the z of a 90% interval. */
    private static final double Z90 = 1.6448536269514722;
    private static final CustomerTable TABLE = ScorerFixtures.table(2_500, 5L);

    /** The fixture bundle switched to the sBG method on columns charges and tenure, with the interval section. */
    static ModelBundle sbgBundle(ClvSettings settings, boolean withInterval) {
        ModelBundle b = CustomerScorerTest.rebuild(ScorerFixtures.bundle(), ClvInputs.SECTION,
                ClvInputs.fromSbg("charges", "tenure")::writeTo);
        b = CustomerScorerTest.rebuild(b, ClvCodec.SETTINGS_SECTION, o -> ClvCodec.writeSettings(settings, o));
        b = CustomerScorerTest.rebuild(b, ClvCodec.SBG_SECTION, o -> ClvCodec.writeSbg(SBG, o));
        if (withInterval) {
            b = CustomerScorerTest.rebuild(b, ClvCodec.SBG_INTERVAL_SECTION,
                    o -> ClvCodec.writeSbgInterval(SbgUncertainty.of(COV, 0.9), o));
        }
        return b;
    }

    private static Map<String, Object> customer(Object tenure, Object charges) {
        Map<String, Object> m = new HashMap<>();
        m.put("tenure", tenure);
        m.put("charges", charges);
        m.put("paperless", true);
        m.put("contract", "Month");
        m.put("payment", "Card");
        return m;
    }

    /**
     * Independent reference for the log standard error: Richardson-extrapolated central differences
     * (steps 2e-3 and 1e-3) of ln ClvFormulas.subscription in (ln α, ln β), then sqrt(gᵀ Σ g).
     */
    private static double referenceLogSe(ClvSettings settings, double revenue, int renewals) {
        double[] g = new double[2];
        for (int i = 0; i < 2; i++) {
            double[] d = new double[2];
            for (int s = 0; s < 2; s++) {
                double h = s == 0 ? 2e-3 : 1e-3;
                double da = i == 0 ? h : 0;
                double db = i == 1 ? h : 0;
                d[s] = (Math.log(ClvFormulas.subscription(settings, revenue,
                        new SbgParameters(SBG.alpha() * Math.exp(da), SBG.beta() * Math.exp(db)), renewals))
                        - Math.log(ClvFormulas.subscription(settings, revenue,
                        new SbgParameters(SBG.alpha() * Math.exp(-da), SBG.beta() * Math.exp(-db)), renewals)))
                        / (2 * h);
            }
            g[i] = (4 * d[1] - d[0]) / 3;
        }
        return Math.sqrt(g[0] * g[0] * COV[0][0] + 2 * g[0] * g[1] * COV[0][1] + g[1] * g[1] * COV[1][1]);
    }

    @Test
    void score_sbgWithInterval_boundsAreClvTimesExpOfMinusPlusZSe() {
        for (ClvSettings settings : List.of(ClvSettings.defaults(), new ClvSettings(0.6, 0.02, ClvSettings.UNBOUNDED))) {
            CustomerScorer scorer = CustomerScorer.of(sbgBundle(settings, true));
            assertTrue(scorer.hasClvInterval());
            for (int tenure : new int[] {0, 12, 71}) {
                CustomerScore s = scorer.score(customer(tenure, 80.5));
                assertEquals(ClvFormulas.subscription(settings, 80.5, SBG, tenure), s.clv(), 1e-12 * s.clv());
                double se = referenceLogSe(settings, 80.5, tenure);
                String at = settings + " tenure " + tenure;
                assertEquals(s.clv() * Math.exp(-Z90 * se), s.clvLow(), 1e-8 * s.clv(), at);
                assertEquals(s.clv() * Math.exp(Z90 * se), s.clvHigh(), 1e-8 * s.clv(), at);
                assertTrue(s.clvLow() < s.clv() && s.clv() < s.clvHigh(), at);
            }
        }
    }

    @Test
    void score_renewalsReadAsCount_fractionRoundedDownNegativeAsZero() {
        CustomerScorer scorer = CustomerScorer.of(sbgBundle(ClvSettings.defaults(), true));
        // tenure also feeds the churn model, so compare the CLV parts only
        for (double[] same : new double[][] {{12, 12.9}, {0, -3}}) {
            CustomerScore a = scorer.score(customer(same[0], 50.0));
            CustomerScore b = scorer.score(customer(same[1], 50.0));
            assertEquals(a.clv(), b.clv(), 0.0);
            assertEquals(a.clvLow(), b.clvLow(), 0.0);
            assertEquals(a.clvHigh(), b.clvHigh(), 0.0);
        }
    }

    @Test
    void score_renewalsBeyondTheTable_sameAsDirectComputation() {
        // counts of 1,024 and more are computed on every call instead of being kept
        ClvSettings settings = ClvSettings.defaults();
        CustomerScorer scorer = CustomerScorer.of(sbgBundle(settings, true));
        SbgUncertainty u = SbgUncertainty.of(COV, 0.9);
        for (int tenure : new int[] {SbgErrorTable.CACHED - 1, SbgErrorTable.CACHED, 5_000}) {
            CustomerScore s = scorer.score(customer(tenure, 20.0));
            double se = u.logStandardError(settings, SBG, tenure);
            assertEquals(s.clv() * Math.exp(-Z90 * se), s.clvLow(), 1e-12 * s.clv(), "tenure " + tenure);
            assertEquals(s.clv() * Math.exp(Z90 * se), s.clvHigh(), 1e-12 * s.clv(), "tenure " + tenure);
        }
    }

    @Test
    void score_missingRevenueOrRenewals_clvAndBoundsNaN() {
        CustomerScorer scorer = CustomerScorer.of(sbgBundle(ClvSettings.defaults(), true));
        for (CustomerScore s : List.of(scorer.score(customer(null, 80.5)), scorer.score(customer(5, null)),
                scorer.score(customer(5, -1.0)))) {
            assertTrue(Double.isNaN(s.clv()) && Double.isNaN(s.clvLow()) && Double.isNaN(s.clvHigh()), s.toString());
        }
    }

    @Test
    void score_zeroRevenue_zeroClvAndBounds() {
        CustomerScore s = CustomerScorer.of(sbgBundle(ClvSettings.defaults(), true)).score(customer(5, 0.0));
        assertEquals(0.0, s.clv(), 0.0);
        assertEquals(0.0, s.clvLow(), 0.0);
        assertEquals(0.0, s.clvHigh(), 0.0);
    }

    @Test
    void score_sbgWithoutIntervalSection_boundsNaN() {
        CustomerScorer scorer = CustomerScorer.of(sbgBundle(ClvSettings.defaults(), false));
        assertFalse(scorer.hasClvInterval());
        CustomerScore s = scorer.score(customer(12, 80.5));
        assertTrue(s.clv() > 0);
        assertTrue(Double.isNaN(s.clvLow()) && Double.isNaN(s.clvHigh()));
    }

    @Test
    void score_churnProbabilityMethodWithIntervalSection_boundsNaN() {
        // the churn-probability method has no parameter uncertainty: sBG sections present are not used
        ModelBundle b = CustomerScorerTest.rebuild(ScorerFixtures.bundle(), ClvCodec.SBG_SECTION,
                o -> ClvCodec.writeSbg(SBG, o));
        b = CustomerScorerTest.rebuild(b, ClvCodec.SBG_INTERVAL_SECTION,
                o -> ClvCodec.writeSbgInterval(SbgUncertainty.of(COV, 0.9), o));
        CustomerScorer scorer = CustomerScorer.of(b);
        assertFalse(scorer.hasClvInterval());
        CustomerScore s = scorer.score(customer(12, 80.5));
        assertTrue(s.clv() > 0);
        assertTrue(Double.isNaN(s.clvLow()) && Double.isNaN(s.clvHigh()));
    }

    @Test
    void of_corruptIntervalSection_refusedNamingTheSection() {
        ModelBundle asymmetric = CustomerScorerTest.rebuild(sbgBundle(ClvSettings.defaults(), false),
                ClvCodec.SBG_INTERVAL_SECTION,
                o -> o.writeDouble(0.02).writeDouble(0.01).writeDouble(-0.01).writeDouble(0.05).writeDouble(0.9));
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> CustomerScorer.of(asymmetric));
        assertEquals(ClvCodec.SBG_INTERVAL_SECTION, e.section());
        ModelBundle negative = CustomerScorerTest.rebuild(sbgBundle(ClvSettings.defaults(), false),
                ClvCodec.SBG_INTERVAL_SECTION,
                o -> o.writeDouble(-0.02).writeDouble(0).writeDouble(0).writeDouble(0.05).writeDouble(0.9));
        assertEquals(ClvCodec.SBG_INTERVAL_SECTION,
                assertThrows(BundleFormatException.class, () -> CustomerScorer.of(negative)).section());
    }

    @Test
    void scoreBatch_acrossChunksAndBeyondTheTable_equalsOneByOne() {
        CustomerScorer scorer = CustomerScorer.of(sbgBundle(ClvSettings.defaults(), true));
        BoundScorer<ScorerFixtures.Customer> bound = ScorerFixtures.bind(scorer);
        List<ScorerFixtures.Customer> rows = new ArrayList<>();
        for (int i = 0; i < TABLE.rowCount(); i++) {
            ScorerFixtures.Customer c = ScorerFixtures.Customer.of(TABLE, i);
            // every 7th row far beyond the table of kept counts
            rows.add(i % 7 == 0 ? new ScorerFixtures.Customer(1_500 + i, c.charges(), c.paperless(), c.contract(),
                    c.payment()) : c);
        }
        ScoreBatch batch = ScoreBatch.withCapacity(rows.size());
        bound.scoreBatch(rows, batch);
        int withInterval = 0;
        for (int i = 0; i < rows.size(); i++) {
            CustomerScore s = bound.score(rows.get(i));
            assertEquals(s.clv(), batch.clv()[i], 0.0, "row " + i);
            assertEquals(s.clvLow(), batch.clvLow()[i], 0.0, "row " + i);
            assertEquals(s.clvHigh(), batch.clvHigh()[i], 0.0, "row " + i);
            withInterval += Double.isNaN(s.clvLow()) ? 0 : 1;
        }
        assertTrue(withInterval > rows.size() / 2, withInterval + " rows with an interval");
    }

    @Test
    void score_manyThreadsFillingTheTable_sameBoundsAsOneThread() throws Exception {
        ModelBundle bundle = sbgBundle(new ClvSettings(1, 0.01, ClvSettings.UNBOUNDED), true);
        CustomerScorer reference = CustomerScorer.of(bundle);
        double[] expected = new double[300];
        for (int n = 0; n < expected.length; n++) {
            expected[n] = reference.score(customer(n, 10.0)).clvHigh();
        }
        CustomerScorer fresh = CustomerScorer.of(bundle);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 37;
                results.add(pool.submit(() -> {
                    double[] got = new double[expected.length];
                    for (int k = 0; k < got.length; k++) {
                        int n = (k + offset) % got.length;
                        got[n] = fresh.score(customer(n, 10.0)).clvHigh();
                    }
                    return got;
                }));
            }
            for (Future<double[]> f : results) {
                double[] got = f.get();
                for (int n = 0; n < got.length; n++) {
                    assertEquals(expected[n], got[n], 0.0, "renewals " + n);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void boundScore_sbgInterval_allocatesOnlyTheResult() {
        BoundScorer<ScorerFixtures.Customer> bound = ScorerFixtures.bind(
                CustomerScorer.of(sbgBundle(ClvSettings.defaults(), true)));
        ScorerFixtures.Customer[] rows = new ScorerFixtures.Customer[64];
        for (int i = 0, k = 0; k < rows.length; i++) {
            ScorerFixtures.Customer c = ScorerFixtures.Customer.of(TABLE, i);
            if (c.tenure() >= 0 && c.charges() >= 0) { // rows with a CLV, so every call computes bounds
                rows[k++] = c;
            }
        }
        double sink = 0;
        for (int r = 0; r < 2_000; r++) { // warm-up: fills the table and lets the JIT compile
            sink += bound.score(rows[r % rows.length]).clvHigh();
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int calls = 20_000;
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int r = 0; r < calls; r++) {
            sink += bound.score(rows[r % rows.length]).clvHigh();
        }
        long perCall = (mx.getCurrentThreadAllocatedBytes() - before) / calls;
        // a CustomerScore is a 16-byte header, 4 doubles, an int and 3 references: under 80 bytes;
        // anything per call beyond one such object (a boxed double, an array) would exceed 96
        assertTrue(Double.isFinite(sink), "every score had an interval");
        assertTrue(perCall <= 96, perCall + " bytes per score");
    }
}
