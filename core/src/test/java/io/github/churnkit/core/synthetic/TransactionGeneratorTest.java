package io.github.churnkit.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.churnkit.core.transactions.PeriodUnit;
import io.github.churnkit.core.transactions.TransactionLog;
import io.github.churnkit.core.transactions.TransactionReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionGeneratorTest {

    private static final LocalDate START = LocalDate.of(1997, 1, 1);
    private static final int N = 20_000;

    /**
     * One cohort, all acquired on the same day, observed for 38 weeks. The generator simulates up to
     * the end of the cut-off day, i.e. t = (266 + 1) / 7 weeks after the first purchase.
     */
    private static TransactionGenerator oneCohort(TransactionGenerator.Purchases purchases) {
        LocalDate cutoff = START.plusDays(38 * 7);
        return TransactionGenerator.of(TransactionGenerator.Config.defaults()
                .withCustomers(N).withSeed(2005).withPurchases(purchases)
                .withCalendar(new TransactionGenerator.Calendar(START, START, cutoff, cutoff, PeriodUnit.WEEKS)));
    }

    private static int[] repeatCounts(TransactionLog log) {
        int[] k = new int[log.customerCount()];
        for (int i = 0; i < log.size(); i++) {
            k[log.customerIndex(i)]++;
        }
        for (int c = 0; c < k.length; c++) {
            k[c]--; // the first purchase is not a repeat purchase
        }
        return k;
    }

    /**
     * BG/NBD population mean of repeat purchases in (0, t] (Fader, Hardie and Lee 2005, eq. 7):
     * E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))].
     * The tolerance is 4 standard errors of the sample mean, the SE estimated from the sample SD
     * (the closed-form variance of X(t) is not needed for this check).
     */
    @Test
    void generate_cdnowParameters_meanRepeatPurchasesMatchesClosedForm() {
        TransactionGenerator.Purchases bg = TransactionGenerator.Purchases.cdnow();
        int[] x = repeatCounts(oneCohort(bg).generate());
        assertEquals(N, x.length);
        double t = (38 * 7 + 1) / 7.0;
        double expected = expectedRepeats(bg, t);
        double[] xd = new double[N];
        for (int i = 0; i < N; i++) {
            xd[i] = x[i];
        }
        double se = Math.sqrt(RandomVariatesTest.variance(xd) / N);
        assertEquals(expected, RandomVariatesTest.mean(xd), 4 * se);
    }

    /**
     * With dropout possible only after a repeat purchase, no repeat purchase in (0, t] means the
     * Poisson process had no event: P(X(t) = 0) = E[exp(-lambda t)] = (alpha / (alpha + t))^r.
     * Tolerance: 4 binomial standard errors.
     */
    @Test
    void generate_heavierParameters_shareWithoutRepeatMatchesClosedForm() {
        TransactionGenerator.Purchases bg = new TransactionGenerator.Purchases(1.5, 6.0, 2.0, 4.0);
        int[] x = repeatCounts(oneCohort(bg).generate());
        double t = (38 * 7 + 1) / 7.0;
        double p0 = Math.pow(bg.alpha() / (bg.alpha() + t), bg.r());
        int zeros = 0;
        for (int v : x) {
            zeros += v == 0 ? 1 : 0;
        }
        assertEquals(p0, (double) zeros / N, 4 * Math.sqrt(p0 * (1 - p0) / N));
        double[] xd = new double[N];
        for (int i = 0; i < N; i++) {
            xd[i] = x[i];
        }
        assertEquals(expectedRepeats(bg, t), RandomVariatesTest.mean(xd),
                4 * Math.sqrt(RandomVariatesTest.variance(xd) / N));
    }

    /**
     * Gamma-Gamma: one amount per customer (the first purchase) is a draw from the marginal
     * z | nu ~ Gamma(p, nu), nu ~ Gamma(q, gamma), with E[z] = p gamma / (q - 1) and
     * Var[z] = p E[1/nu^2] + p^2 Var[1/nu], where E[1/nu] = gamma/(q-1) and
     * E[1/nu^2] = gamma^2/((q-1)(q-2)) (inverse gamma moments). Tolerance: 4 SE.
     */
    @Test
    void generate_cdnowSpend_firstAmountsMatchMarginalMean() {
        TransactionLog log = oneCohort(TransactionGenerator.Purchases.cdnow()).generate();
        TransactionGenerator.Spend s = TransactionGenerator.Spend.cdnow();
        double sum = 0;
        int seen = -1;
        for (int i = 0; i < log.size(); i++) {
            if (log.customerIndex(i) != seen) { // customers are contiguous, first purchase first
                seen = log.customerIndex(i);
                sum += log.amount(i);
                assertTrue(log.amount(i) > 0);
            }
        }
        double q = s.q();
        double inv1 = s.gamma() / (q - 1);
        double inv2 = s.gamma() * s.gamma() / ((q - 1) * (q - 2));
        double mean = s.p() * inv1;
        double var = s.p() * inv2 + s.p() * s.p() * (inv2 - inv1 * inv1);
        assertEquals(35.22, mean, 0.01, "p gamma / (q-1) = 6.25 * 15.44 / 2.74");
        assertEquals(mean, sum / N, 4 * Math.sqrt(var / N));
    }

    @Test
    void generate_latentTruth_consistentWithLog() {
        TransactionGenerator gen = TransactionGenerator.of(TransactionGenerator.Config.defaults().withCustomers(500));
        TransactionLog log = gen.generate();
        int[] firstIndex = new int[500];
        int[] lastIndex = new int[500];
        java.util.Arrays.fill(firstIndex, -1);
        for (int i = 0; i < log.size(); i++) {
            int c = log.customerIndex(i);
            if (firstIndex[c] < 0) {
                firstIndex[c] = i;
            }
            lastIndex[c] = i;
        }
        LocalDate from = TransactionGenerator.Calendar.cdnow().acquisitionStart();
        LocalDate to = TransactionGenerator.Calendar.cdnow().acquisitionEnd();
        int dropped = 0;
        for (int c = 0; c < 500; c++) {
            TransactionGenerator.LatentCustomer z = gen.latent(c);
            assertEquals(gen.customerId(c), log.customerId(c));
            assertEquals(z.firstPurchaseDay(), log.epochDay(firstIndex[c]));
            assertFalse(log.date(firstIndex[c]).isBefore(from) || log.date(firstIndex[c]).isAfter(to));
            if (Double.isFinite(z.dropoutTime())) {
                dropped++;
                // the customer's last purchase is the one after which they dropped out
                assertEquals(z.firstPurchaseDay() + (int) Math.floor(z.dropoutTime() * 7), log.epochDay(lastIndex[c]));
                assertFalse(z.activeAt(z.dropoutTime()));
            }
        }
        assertTrue(dropped > 0, "some customers drop out at the CDNOW parameters");
    }

    @Test
    void writeCsv_sameSeed_sameBytesAndEqualsInMemoryLog() throws Exception {
        TransactionGenerator gen = TransactionGenerator.of(TransactionGenerator.Config.defaults().withCustomers(3000));
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        List<long[]> progress = new ArrayList<>();
        long rows = gen.writeCsv(a, (done, total) -> progress.add(new long[] {done, total}));
        TransactionGenerator.of(gen.config()).writeCsv(b, ProgressListener.NONE);
        assertArrayEquals(sha256(a.toString()), sha256(b.toString()));
        assertEquals(3000, progress.get(progress.size() - 1)[0]);

        TransactionLog log = gen.generate();
        assertEquals(log.size(), rows);
        StringWriter c = new StringWriter();
        log.writeCsv(c);
        assertEquals(a.toString(), c.toString());
        // and the CSV reads back to the same log, amounts bit for bit
        TransactionLog back = TransactionReader.of(TransactionReader.Options.defaults())
                .read(new StringReader(a.toString()), "generated").log();
        assertEquals(log, back);

        StringWriter d = new StringWriter();
        TransactionGenerator.of(gen.config().withSeed(43)).writeCsv(d, ProgressListener.NONE);
        assertFalse(a.toString().equals(d.toString()), "another seed gives another log");
    }

    @Test
    void calendar_holdoutBeforeCutoff_throws() {
        assertThrows(IllegalArgumentException.class, () -> new TransactionGenerator.Calendar(
                START, START, START.plusDays(10), START.plusDays(5), PeriodUnit.DAYS));
        assertThrows(IllegalArgumentException.class, () -> new TransactionGenerator.Purchases(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> TransactionGenerator.Config.defaults().withCustomers(-1));
    }

    private static double expectedRepeats(TransactionGenerator.Purchases bg, double t) {
        double z = t / (bg.alpha() + t);
        double h = hyp2f1(bg.r(), bg.b(), bg.a() + bg.b() - 1, z);
        return (bg.a() + bg.b() - 1) / (bg.a() - 1) * (1 - Math.pow(bg.alpha() / (bg.alpha() + t), bg.r()) * h);
    }

    /** Gauss hypergeometric series sum_k (a)_k (b)_k / ((c)_k k!) z^k for |z| &lt; 1. */
    private static double hyp2f1(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int k = 0; k < 100_000 && Math.abs(term) > 1e-15 * Math.abs(sum); k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
        }
        return sum;
    }

    private static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    }
}
