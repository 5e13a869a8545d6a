package io.github.churnkit.examples;

import io.github.churnkit.core.synthetic.TransactionGenerator;
import io.github.churnkit.core.transactions.CustomerSummaries;
import io.github.churnkit.core.transactions.TransactionLog;
import io.github.churnkit.core.transactions.TransactionSummarizer;
import io.github.churnkit.models.clv.BgNbdFitter;
import io.github.churnkit.models.clv.BgNbdModel;
import io.github.churnkit.models.clv.ClvEstimate;
import io.github.churnkit.models.clv.ClvIntervals;
import io.github.churnkit.models.clv.GammaGammaFitter;
import io.github.churnkit.models.clv.GammaGammaModel;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.PurchaseHistory;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * CLV from a transaction log: simulate purchases with the published CDNOW parameters, summarise at
 * the cut-off, fit BG/NBD and Gamma-Gamma, and value one customer with a 90% interval.
 * (On a real file, read the log with {@code TransactionReader} instead of generating it.)
 */
public final class TransactionClvExample {

    private TransactionClvExample() {
    }

    /** Runs the example on 5,000 simulated customers. */
    public static void main(String[] args) {
        run(5_000, System.out);
    }

    /** Runs the example; returns the fitted BG/NBD model. */
    public static BgNbdModel run(int customers, PrintStream out) {
        TransactionGenerator gen = TransactionGenerator.of(TransactionGenerator.Config.defaults()
                .withCustomers(customers).withSeed(7));
        TransactionLog log = gen.generate();

        // x (repeat purchases), t_x (time of the last one) and T (age) per customer, in weeks.
        CustomerSummaries s = TransactionSummarizer.of(gen.config().calendar().summarizerConfig()).summarize(log);
        double[] x = Arrays.stream(s.frequencies()).asDoubleStream().toArray();
        BgNbdModel purchases = BgNbdFitter.withDefaults().fit(x, s.recencies(), s.ages());
        out.println("BG/NBD " + purchases.parameters() + " (CDNOW truth r 0.243, alpha 4.414, a 0.793, b 2.426)");

        // Spend per repeat purchase, fitted on customers with at least one repeat purchase.
        double[] f = Arrays.stream(x).filter(v -> v > 0).toArray();
        double[] m = new double[f.length];
        for (int i = 0, j = 0; i < s.size(); i++) {
            if (x[i] > 0) {
                m[j++] = s.monetary(i);
            }
        }
        GammaGammaModel spend = GammaGammaFitter.withDefaults().fit(f, m);
        out.println("Gamma-Gamma " + spend.parameters());

        // One year of CLV for the first repeat customer, with a delta-method interval.
        int i = 0;
        while (x[i] == 0) {
            i++;
        }
        ClvEstimate clv = ClvIntervals.of(0.9).transactional(ClvSettings.defaults().withHorizon(52), purchases, spend,
                new PurchaseHistory(x[i], s.recency(i), s.age(i), s.monetary(i)));
        out.println(String.format(Locale.ROOT, "customer %s: 52-week CLV %.2f, 90%% interval [%.2f, %.2f]",
                s.customerId(i), clv.value(), clv.lower(), clv.upper()));
        return purchases;
    }
}
