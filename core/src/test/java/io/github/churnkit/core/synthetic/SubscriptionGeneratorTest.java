package io.github.churnkit.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.CategoricalColumn;
import io.github.churnkit.core.ColumnRole;
import io.github.churnkit.core.CustomerTable;
import io.github.churnkit.core.NumericColumn;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statistical checks on 20,000 generated customers. Rates are compared with tolerances derived from
 * binomial standard errors: a rate p of n customers has SE sqrt(p (1 - p) / n), a difference of two
 * independent group rates has SE sqrt(se1^2 + se2^2). A built-in effect must show with its
 * documented sign and a difference of more than 4 SE (so a real effect of that size is found with
 * near certainty, and the test cannot pass by chance if the effect had the wrong sign).
 */
class SubscriptionGeneratorTest {

    private static final int N = 20_000;
    private static SubscriptionGenerator gen;
    private static CustomerTable t;
    private static double[] churn;

    @BeforeAll
    static void generate() {
        gen = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults().withCustomers(N).withSeed(2024));
        t = gen.generate();
        churn = t.numeric("churned").toArray();
    }

    /** |rate - 0.11| &lt; 4 SE with SE = sqrt(0.11 * 0.89 / 20000) = 0.00221 (tolerance 0.0089). */
    @Test
    void generate_defaultRate_realisedWithinFourBinomialSe() {
        assertEquals(N, t.rowCount());
        double rate = mean(churn, i -> true);
        assertEquals(0.11, rate, 4 * Math.sqrt(0.11 * 0.89 / N));
    }

    /** Another target rate, 10,000 customers: tolerance 4 sqrt(0.3 * 0.7 / 10000) = 0.0183. */
    @Test
    void generate_rateThirtyPercent_realisedWithinFourBinomialSe() {
        CustomerTable t30 = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults()
                .withCustomers(10_000).withChurnRate(0.30)).generate();
        double rate = mean(t30.numeric("churned").toArray(), i -> true);
        assertEquals(0.30, rate, 4 * Math.sqrt(0.3 * 0.7 / 10_000));
    }

    @Test
    void generate_earlyTenure_churnsMoreThanAfterAYear() {
        NumericColumn tenure = t.numeric("tenure_months");
        assertHigher(i -> tenure.get(i) <= 3, i -> tenure.get(i) > 12, "tenure <= 3 vs > 12");
    }

    @Test
    void generate_promoOffer_lowersChurn() {
        NumericColumn promo = t.numeric("promo_offer");
        assertHigher(i -> promo.get(i) == 0, i -> promo.get(i) == 1, "no promo vs promo");
    }

    @Test
    void generate_threeOrMoreProfiles_lowerChurn() {
        NumericColumn profiles = t.numeric("profiles");
        assertHigher(i -> profiles.get(i) < 3, i -> profiles.get(i) >= 3, "1-2 vs 3+ profiles");
    }

    @Test
    void generate_lowSatisfaction_raisesChurn() {
        NumericColumn sat = t.numeric("satisfaction");
        assertHigher(i -> sat.get(i) <= 4, i -> sat.get(i) >= 8, "satisfaction <= 4 vs >= 8");
    }

    @Test
    void generate_manySupportQueries_raiseChurn() {
        NumericColumn q = t.numeric("support_queries");
        assertHigher(i -> q.get(i) >= 3, i -> q.get(i) == 0, "3+ vs 0 support queries");
    }

    /**
     * Mobile and tablet users watch less, overall and within one segment (so the device effect is
     * not only the segment mix). Margin: 4 SE of the difference of means, SEs from the group sample
     * variances.
     */
    @Test
    void generate_mobileAndTablet_watchLess() {
        NumericColumn hours = t.numeric("weekly_watch_hours");
        CategoricalColumn device = t.categorical("device");
        CategoricalColumn segment = t.categorical("segment");
        IntPredicate small = i -> device.get(i).equals("Mobile") || device.get(i).equals("Tablet");
        assertMeanHigher(hours, small.negate(), small);
        IntPredicate cinephile = i -> segment.get(i).equals("cinephile");
        assertMeanHigher(hours, cinephile.and(small.negate()), cinephile.and(small));
    }

    /** Each latent segment appears with its documented share (4 binomial SE) and the segments differ in watch hours. */
    @Test
    void generate_latentSegments_presentWithDocumentedShares() {
        CategoricalColumn segment = t.categorical("segment");
        int[] counts = segment.counts();
        double[] share = {0.25, 0.35, 0.25, 0.15};
        for (int k = 0; k < share.length; k++) {
            assertEquals(share[k], (double) counts[k] / N, 4 * Math.sqrt(share[k] * (1 - share[k]) / N),
                    segment.level(k));
        }
        NumericColumn hours = t.numeric("weekly_watch_hours");
        // family (base 18) vs occasional (base 4)
        assertMeanHigher(hours, i -> segment.get(i).equals("family"), i -> segment.get(i).equals("occasional"));
        NumericColumn profiles = t.numeric("profiles");
        for (int i = 0; i < N; i++) {
            if (segment.get(i).equals("family")) {
                assertTrue(profiles.get(i) >= 3, "family accounts have 3-5 profiles");
            }
        }
    }

    @Test
    void generate_planChange_missingExactlyForChurnersAndRespectsTiers() {
        CategoricalColumn change = t.categorical("plan_change");
        CategoricalColumn plan = t.categorical("plan");
        int upgrades = 0;
        for (int i = 0; i < N; i++) {
            assertEquals(churn[i] == 1, change.isMissing(i), "row " + i);
            if (!change.isMissing(i)) {
                String c = change.get(i);
                assertTrue(!(c.equals("upgrade") && plan.get(i).equals("Premium")), "no upgrade from Premium");
                assertTrue(!(c.equals("downgrade") && plan.get(i).equals("Basic")), "no downgrade from Basic");
                upgrades += c.equals("upgrade") ? 1 : 0;
            }
        }
        assertTrue(upgrades > 0);
    }

    /**
     * Documented rules: fee = plan price x regional factor (North America 1.00, Africa 0.60), the
     * last payment is tenure - 1 months after joining and within 30 days before the snapshot, and
     * values stay in their ranges.
     */
    @Test
    void generate_datesFeesAndRanges_followDocumentedRules() {
        java.time.LocalDate asOf = gen.config().asOf();
        CategoricalColumn plan = t.categorical("plan");
        CategoricalColumn region = t.categorical("region");
        NumericColumn fee = t.numeric("monthly_fee");
        NumericColumn tenure = t.numeric("tenure_months");
        NumericColumn sat = t.numeric("satisfaction");
        NumericColumn profiles = t.numeric("profiles");
        io.github.churnkit.core.DateColumn join = t.date("join_date");
        io.github.churnkit.core.DateColumn last = t.date("last_payment_date");
        java.util.Map<String, Double> price = java.util.Map.of("Basic", 8.99, "Standard", 13.99, "Premium", 17.99);
        for (int i = 0; i < N; i++) {
            if (region.get(i).equals("North America")) {
                assertEquals(price.get(plan.get(i)), fee.get(i), 1e-9);
            } else if (region.get(i).equals("Africa")) {
                assertEquals(Math.round(price.get(plan.get(i)) * 0.60 * 100) / 100.0, fee.get(i), 1e-9);
            }
            assertEquals(join.get(i).plusMonths((long) tenure.get(i) - 1), last.get(i), "row " + i);
            assertTrue(!last.get(i).isAfter(asOf) && last.get(i).isAfter(asOf.minusDays(31)), "row " + i);
            assertTrue(tenure.get(i) >= 1 && tenure.get(i) <= 120);
            assertTrue(sat.isMissing(i) || (sat.get(i) >= 1 && sat.get(i) <= 10));
            assertTrue(profiles.get(i) >= 1 && profiles.get(i) <= 5);
        }
    }

    @Test
    void schema_roles_idTargetAndIgnoredLabels() {
        assertEquals("customer_id", t.schema().id().orElseThrow().name());
        assertEquals("churned", t.schema().target().orElseThrow().name());
        assertEquals(ColumnRole.IGNORED, t.schema().column("plan_change").role());
        assertEquals(ColumnRole.IGNORED, t.schema().column("segment").role());
        assertEquals(SubscriptionGenerator.schema(), t.schema());
    }

    /** Same seed, same bytes (SHA-256); the CSV equals the in-memory table cell by cell; another seed differs. */
    @Test
    void writeCsv_sameSeed_sameBytesAndEqualsTable() throws Exception {
        SubscriptionGenerator small = SubscriptionGenerator.of(SubscriptionGenerator.Config.defaults().withCustomers(3000));
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        long[] last = new long[1];
        assertEquals(3000, small.writeCsv(a, (done, total) -> last[0] = done));
        assertEquals(3000, last[0]);
        SubscriptionGenerator.of(small.config()).writeCsv(b, ProgressListener.NONE);
        assertArrayEquals(sha256(a.toString()), sha256(b.toString()));

        CustomerTable table = small.generate();
        StringBuilder expected = new StringBuilder(String.join(",", table.schema().names())).append('\n');
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 0; c < table.columnCount(); c++) {
                expected.append(c == 0 ? "" : ",").append(table.column(c).format(r));
            }
            expected.append('\n');
        }
        assertEquals(expected.toString(), a.toString());

        StringWriter d = new StringWriter();
        SubscriptionGenerator.of(small.config().withSeed(7)).writeCsv(d, ProgressListener.NONE);
        assertNotEquals(a.toString(), d.toString());
    }

    @Test
    void config_badRate_throws() {
        assertThrows(IllegalArgumentException.class, () -> SubscriptionGenerator.Config.defaults().withChurnRate(1.0));
        assertThrows(IllegalArgumentException.class, () -> SubscriptionGenerator.Config.defaults().withCustomers(-5));
    }

    private static void assertHigher(IntPredicate high, IntPredicate low, String what) {
        double[] a = rateAndN(high);
        double[] b = rateAndN(low);
        double se = Math.sqrt(a[0] * (1 - a[0]) / a[1] + b[0] * (1 - b[0]) / b[1]);
        assertTrue(a[1] >= 500 && b[1] >= 500, what + ": groups too small for the test, " + a[1] + " and " + b[1]);
        assertTrue(a[0] - b[0] > 4 * se, String.format(java.util.Locale.ROOT,
                "%s: churn %.4f (n=%.0f) should exceed %.4f (n=%.0f) by more than 4 SE = %.4f",
                what, a[0], a[1], b[0], b[1], 4 * se));
    }

    private static double[] rateAndN(IntPredicate group) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < N; i++) {
            if (group.test(i)) {
                s += churn[i];
                n++;
            }
        }
        return new double[] {s / n, n};
    }

    private static void assertMeanHigher(NumericColumn x, IntPredicate high, IntPredicate low) {
        double[] a = meanVarN(x, high);
        double[] b = meanVarN(x, low);
        double se = Math.sqrt(a[1] / a[2] + b[1] / b[2]);
        assertTrue(a[0] - b[0] > 4 * se, "mean " + a[0] + " (n=" + a[2] + ") vs " + b[0] + " (n=" + b[2] + ")");
    }

    private static double[] meanVarN(NumericColumn x, IntPredicate group) {
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (int i = 0; i < x.size(); i++) {
            if (group.test(i) && !x.isMissing(i)) {
                s += x.get(i);
                s2 += x.get(i) * x.get(i);
                n++;
            }
        }
        double m = s / n;
        return new double[] {m, (s2 - n * m * m) / (n - 1), n};
    }

    private static double mean(double[] v, IntPredicate group) {
        return rateAndNOf(v, group);
    }

    private static double rateAndNOf(double[] v, IntPredicate group) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (group.test(i)) {
                s += v[i];
                n++;
            }
        }
        return s / n;
    }

    private static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    }
}
