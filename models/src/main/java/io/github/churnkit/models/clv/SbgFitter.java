package io.github.churnkit.models.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Maximum-likelihood fit of the shifted-beta-geometric retention model (Fader &amp; Hardie 2007,
 * "How to project customer retention", J. Interactive Marketing 21(1)), from cohort survivor counts
 * or from individual, right-censored tenures.
 *
 * <p>Likelihood: a customer who churned at the end of period t contributes {@code ln P(T = t)}
 * (paper eq. 5), one still active after t periods {@code ln S(t)} (eq. 6); for a survivor table
 * {@code n_0, n_1, ..., n_k} this is the paper's {@code Σ (n_{t−1} − n_t) ln P(T = t) + n_k ln S(k)}.
 * Maximised by BFGS on {@code (ln α, ln β)} from three starting points, standard errors from the
 * observed information.
 *
 * <pre>{@code
 * SbgModel m = SbgFitter.withDefaults().fitSurvivors(new long[] {1000, 869, 743, 653, 593, 551, 517, 491});
 * // m.parameters() ≈ (α 0.668, β 3.806), the paper's "High End" estimates
 * double derl = m.parameters().derl(0.01, 4);
 * }</pre>
 *
 * <p>Bad input (an empty cohort, a table without periods, survivor counts that increase, negative
 * counts or tenures) throws {@link IllegalArgumentException}; data without any churn, without any
 * renewal, or without heterogeneity throw {@link ClvFitException}. Thread-safe.
 */
public final class SbgFitter {

    private static final List<String> NAMES = List.of("alpha", "beta");

    private final FitSettings settings;

    private SbgFitter(FitSettings settings) {
        this.settings = settings;
    }

    /**
     * @param settings optimiser settings
     * @return a fitter
     */
    public static SbgFitter of(FitSettings settings) {
        return new SbgFitter(Objects.requireNonNull(settings, "settings"));
    }

    /** @return a fitter with {@link FitSettings#defaults()} */
    public static SbgFitter withDefaults() {
        return of(FitSettings.defaults());
    }

    /**
     * Fits one cohort's survivor table.
     *
     * @param survivors entry t = customers active after t periods; entry 0 is the cohort size
     * @return the fitted model
     */
    public SbgModel fitSurvivors(long[] survivors) {
        return fit(SbgData.fromSurvivors(List.of(survivors.clone())));
    }

    /**
     * Fits several cohorts with common (α, β); tables may have different lengths (younger cohorts are
     * observed for fewer periods).
     *
     * @param cohorts one survivor table per cohort
     * @return the fitted model
     */
    public SbgModel fitCohorts(List<long[]> cohorts) {
        List<long[]> copies = new ArrayList<>();
        for (long[] c : cohorts) {
            copies.add(c.clone());
        }
        return fit(SbgData.fromSurvivors(copies));
    }

    /**
     * Fits individual data.
     *
     * @param tenure periods observed per customer: for a churned customer the period at whose end they
     *     left ({@code >= 1}), for an active one the periods completed so far ({@code >= 0})
     * @param churned whether each customer churned (false = still active, right-censored)
     * @return the fitted model
     */
    public SbgModel fitIndividuals(int[] tenure, boolean[] churned) {
        return fit(SbgData.fromIndividuals(tenure, churned));
    }

    private SbgModel fit(SbgData data) {
        if (data.churners == 0) {
            throw new ClvFitException(String.format(Locale.ROOT, "sBG fit failed: none of the %.0f customers churned,"
                    + " so the churn probability is estimated as 0 (alpha -> 0); observe a longer period", data.customers));
        }
        if (data.renewals == 0) {
            throw new ClvFitException(String.format(Locale.ROOT, "sBG fit failed: none of the %.0f customers renewed"
                    + " even once (beta -> 0)", data.customers));
        }
        double churnRate = data.churners / (data.churners + data.renewals);
        List<double[]> starts = new ArrayList<>();
        for (double k : new double[] {1.0, 4.0, 0.5}) {
            starts.add(new double[] {Math.log(k * churnRate * 2), Math.log(k * (1 - churnRate) * 2)});
        }
        SbgLikelihood likelihood = new SbgLikelihood(data);
        MaximumLikelihood.Outcome outcome = MaximumLikelihood.run(likelihood, starts, settings.maxIterations(),
                settings.tolerance());
        double[] x = outcome.best().xCopy();
        // the geometric model (one churn probability for all) is the limit alpha, beta -> infinity; the
        // optimiser may stop on that flat ridge before the parameters look "infinite"
        double pooled = data.churners / (data.churners + data.renewals);
        double geometricLogLik = data.churners * Math.log(pooled) + data.renewals * Math.log1p(-pooled);
        boolean noGain = -outcome.best().value() - geometricLogLik < 0.01 && Math.exp(x[0]) + Math.exp(x[1]) > 100;
        if (noGain || (x[0] > MaximumLikelihood.RUNAWAY && x[1] > MaximumLikelihood.RUNAWAY)) {
            throw new ClvFitException(String.format(Locale.ROOT, "sBG fit failed: alpha and beta ran off to infinity"
                    + " together (churn probability %.4g for everyone): retention does not rise with tenure, so the data"
                    + " show no heterogeneity; use the constant-churn formulas with that probability",
                    1.0 / (1.0 + Math.exp(x[1] - x[0]))));
        }
        for (int i = 0; i < 2; i++) {
            if (Math.abs(x[i]) > MaximumLikelihood.RUNAWAY) {
                throw new ClvFitException(String.format(Locale.ROOT, "sBG fit failed: %s ran off to %s (%.3g)",
                        NAMES.get(i), x[i] > 0 ? "infinity" : "0", Math.exp(x[i])));
            }
        }
        if (!outcome.best().converged()) {
            throw new ClvFitException(String.format(Locale.ROOT, "sBG fit did not converge in %d iterations: best"
                    + " alpha=%.4g, beta=%.4g, largest gradient component %.3g; raise FitSettings.maxIterations",
                    settings.maxIterations(), Math.exp(x[0]), Math.exp(x[1]), outcome.best().maxAbsGradient()));
        }
        double[][] cov = MaximumLikelihood.inverseHessian(likelihood, x);
        return new SbgModel(new ParameterEstimates(NAMES, x, cov, -outcome.best().value(), outcome.totalIterations()),
                data.customers, settings);
    }
}
