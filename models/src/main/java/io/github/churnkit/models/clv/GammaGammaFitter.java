package io.github.churnkit.models.clv;

import io.github.churnkit.core.transactions.CustomerSummaries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximum-likelihood fit of the Gamma-Gamma model of average transaction value (Fader &amp; Hardie
 * 2013, "The Gamma-Gamma model of monetary value") on repeat customers.
 *
 * <p>Only customers with at least one repeat purchase carry information on spend; customers with
 * frequency 0 are skipped (their mean spend may be NaN). The likelihood is the density of the
 * observed average spend given the number of transactions (see
 * {@link io.github.churnkit.scoring.clv.GammaGammaParameters}); BFGS on {@code (ln p, ln q, ln γ)}
 * from starting points that match the observed mean spend; standard errors from the observed
 * information.
 *
 * <p>The model assumes that spend is independent of purchase frequency. The fitter measures the
 * Pearson correlation between frequency and mean spend, stores it in the model and logs a warning
 * (SLF4J) when {@code |ρ| > 0.3}.
 *
 * <pre>{@code
 * GammaGammaModel spend = GammaGammaFitter.withDefaults().fit(frequency, meanSpend);
 * double expected = spend.parameters().conditionalExpectedSpend(2, 35.0);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class GammaGammaFitter {

    /** Correlation between frequency and spend above which a warning is logged. */
    public static final double CORRELATION_WARNING = 0.3;
    private static final Logger LOG = LoggerFactory.getLogger(GammaGammaFitter.class);
    private static final List<String> NAMES = List.of("p", "q", "gamma");

    private final FitSettings settings;

    private GammaGammaFitter(FitSettings settings) {
        this.settings = settings;
    }

    /**
     * @param settings optimiser settings
     * @return a fitter
     */
    public static GammaGammaFitter of(FitSettings settings) {
        return new GammaGammaFitter(Objects.requireNonNull(settings, "settings"));
    }

    /** @return a fitter with {@link FitSettings#defaults()} */
    public static GammaGammaFitter withDefaults() {
        return of(FitSettings.defaults());
    }

    /**
     * Fits on the repeat customers of transaction summaries (frequency and mean repeat spend).
     *
     * @param summaries per-customer summaries at a cut-off
     * @return the fitted model
     */
    public GammaGammaModel fit(CustomerSummaries summaries) {
        double[] x = new double[summaries.size()];
        double[] m = new double[summaries.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = summaries.frequency(i);
            m[i] = summaries.monetary(i);
        }
        return fit(x, m);
    }

    /**
     * Fits on the customers with {@code frequency > 0}.
     *
     * @param frequency repeat purchases per customer (whole numbers {@code >= 0})
     * @param meanSpend mean value of each customer's repeat purchases; ignored where frequency is 0,
     *     otherwise finite and {@code > 0}
     * @return the fitted model
     * @throws IllegalArgumentException on mismatched lengths, invalid values (the message names the
     *     customer), or fewer than two repeat customers
     * @throws ClvFitException when a parameter runs off or the optimiser does not converge
     */
    public GammaGammaModel fit(double[] frequency, double[] meanSpend) {
        if (frequency.length != meanSpend.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "frequency and meanSpend must have the same length, found %d and %d",
                    frequency.length, meanSpend.length));
        }
        int n = 0;
        for (int i = 0; i < frequency.length; i++) {
            double x = frequency[i];
            if (!(x >= 0 && x < Double.POSITIVE_INFINITY) || x != Math.rint(x)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "customer %d: frequency must be a whole number >= 0, found %s", i, x));
            }
            if (x > 0) {
                if (!(meanSpend[i] > 0 && meanSpend[i] < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "customer %d: mean repeat spend must be finite and > 0 for a repeat customer, found %s"
                                    + " (frequency %s)", i, meanSpend[i], x));
                }
                n++;
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("the Gamma-Gamma model needs at least 2 repeat customers, found " + n);
        }
        double[] x = new double[n];
        double[] m = new double[n];
        double spendSum = 0;
        for (int i = 0, j = 0; i < frequency.length; i++) {
            if (frequency[i] > 0) {
                x[j] = frequency[i];
                m[j] = meanSpend[i];
                spendSum += m[j];
                j++;
            }
        }
        double correlation = pearson(x, m);
        if (Math.abs(correlation) > CORRELATION_WARNING) {
            LOG.warn("Gamma-Gamma assumes spend independent of frequency, but their correlation is {} among {} repeat"
                    + " customers: expected spend of frequent buyers will be biased", correlation, n);
        }
        double meanSpendAll = spendSum / n;
        List<double[]> starts = new ArrayList<>();
        for (double[] pq : new double[][] {{2.0, 3.0}, {6.0, 4.0}, {1.0, 10.0}}) {
            double gamma = meanSpendAll * (pq[1] - 1) / pq[0];
            starts.add(new double[] {Math.log(pq[0]), Math.log(pq[1]), Math.log(gamma)});
        }
        GammaGammaLikelihood likelihood = new GammaGammaLikelihood(x, m);
        MaximumLikelihood.Outcome outcome = MaximumLikelihood.run(likelihood, starts, settings.maxIterations(),
                settings.tolerance());
        double[] theta = outcome.best().xCopy();
        if (theta[1] > MaximumLikelihood.RUNAWAY && theta[2] > MaximumLikelihood.RUNAWAY) {
            throw new ClvFitException(String.format(Locale.ROOT, "Gamma-Gamma fit failed: q and gamma ran off to"
                    + " infinity together: customers' average spend shows no heterogeneity beyond transaction-level"
                    + " noise (population mean %.4g); use the overall mean spend", meanSpendAll));
        }
        for (int i = 0; i < 3; i++) {
            if (Math.abs(theta[i]) > MaximumLikelihood.RUNAWAY) {
                throw new ClvFitException(String.format(Locale.ROOT, "Gamma-Gamma fit failed: %s ran off to %s (%.3g)",
                        NAMES.get(i), theta[i] > 0 ? "infinity" : "0", Math.exp(theta[i])));
            }
        }
        if (!outcome.best().converged()) {
            throw new ClvFitException(String.format(Locale.ROOT, "Gamma-Gamma fit did not converge in %d iterations:"
                    + " best p=%.4g, q=%.4g, gamma=%.4g, largest gradient component %.3g",
                    settings.maxIterations(), Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]),
                    outcome.best().maxAbsGradient()));
        }
        double[][] cov = MaximumLikelihood.inverseHessian(likelihood, theta);
        ParameterEstimates estimates = new ParameterEstimates(NAMES, theta, cov, -outcome.best().value(),
                outcome.totalIterations());
        if (!(estimates.value(1) > 1)) {
            LOG.warn("Gamma-Gamma: q = {} <= 1, so the population mean spend is infinite; expected spend is defined only"
                    + " for customers with p*x + q > 1", estimates.value(1));
        }
        return new GammaGammaModel(estimates, n, correlation, settings);
    }

    static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }
}
