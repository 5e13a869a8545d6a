package io.github.churnkit.models.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximum-likelihood fit of the BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers
 * the easy way", likelihood eq. 6) to customers' {@code (x, t_x, T)}.
 *
 * <p>How it fits: identical triples are collapsed into weights ({@link RfmData}); the log-likelihood
 * is evaluated in log space (log-gamma, log-sum-exp, so frequencies in the thousands do not overflow)
 * with its analytic gradient ({@code BgNbdLikelihood}); BFGS runs on {@code (ln r, ln α, ln a, ln b)}
 * from up to four starting points scaled to the data's mean purchase rate, stopping early once two
 * starts agree, and the best optimum is kept. Standard errors come from the observed information
 * ({@link ParameterEstimates}).
 *
 * <p>When the data do not identify the model the fit fails with a {@link ClvFitException} that says
 * which parameter ran off and why, for example: no repeat purchases at all; no sign of dropout
 * (a → 0); no heterogeneity in purchase rates (r, α → ∞ together) or in dropout (a, b → ∞
 * together).
 *
 * <pre>{@code
 * BgNbdModel m = BgNbdFitter.withDefaults().fit(RfmData.of(frequency, recency, age));
 * double pAlive = m.parameters().probabilityAlive(2, 30.4, 38.9);
 * double seR = m.estimates().standardError("r");
 * }</pre>
 *
 * <p>Thread-safe: the fitter holds only settings; each fit uses its own scratch space.
 */
public final class BgNbdFitter {

    private static final Logger LOG = LoggerFactory.getLogger(BgNbdFitter.class);
    private static final List<String> NAMES = List.of("r", "alpha", "a", "b");
    private static final double RIDGE = Math.log(1e4);

    private final FitSettings settings;

    private BgNbdFitter(FitSettings settings) {
        this.settings = settings;
    }

    /**
     * @param settings optimiser settings
     * @return a fitter
     */
    public static BgNbdFitter of(FitSettings settings) {
        return new BgNbdFitter(java.util.Objects.requireNonNull(settings, "settings"));
    }

    /** @return a fitter with {@link FitSettings#defaults()} */
    public static BgNbdFitter withDefaults() {
        return of(FitSettings.defaults());
    }

    /**
     * Fits parallel arrays, one entry per customer.
     *
     * @param frequency repeat purchases x
     * @param recency time of the last repeat purchase t_x
     * @param age time since the first purchase T
     * @return the fitted model
     * @throws IllegalArgumentException on invalid input (message names the customer)
     * @throws ClvFitException when the model cannot be fitted to these data
     */
    public BgNbdModel fit(double[] frequency, double[] recency, double[] age) {
        return fit(RfmData.of(frequency, recency, age));
    }

    /**
     * Fits collapsed data.
     *
     * @param data the customers' triples
     * @return the fitted model
     * @throws IllegalArgumentException when the data cannot identify the model at all (no repeat
     *     purchases, or every customer has age 0)
     * @throws ClvFitException when a parameter runs off or the optimiser does not converge
     */
    public BgNbdModel fit(RfmData data) {
        double repeatCustomers = 0;
        double purchases = 0;
        double exposure = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.frequency(i) > 0) {
                repeatCustomers += data.weight(i);
            }
            purchases += data.weight(i) * data.frequency(i);
            exposure += data.weight(i) * data.age(i);
        }
        if (repeatCustomers == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no repeat purchases in the data: all %.0f customers have frequency 0, so the purchase rate"
                            + " and the dropout process cannot be told apart (the likelihood grows as r/alpha -> 0);"
                            + " use a longer calibration period or check that frequency counts repeat purchases",
                    data.totalWeight()));
        }
        if (exposure == 0) {
            throw new IllegalArgumentException("every customer has age T = 0: there is no observation time to fit on");
        }
        double rate = purchases / exposure;
        BgNbdLikelihood likelihood = new BgNbdLikelihood(data);
        List<double[]> starts = new ArrayList<>();
        for (double[] s : new double[][] {{1.0, 1.0, 3.0}, {0.25, 0.8, 2.5}, {0.5, 0.5, 2.0}, {2.0, 1.5, 5.0}}) {
            starts.add(new double[] {Math.log(s[0]), Math.log(s[0] / rate), Math.log(s[1]), Math.log(s[2])});
        }
        MaximumLikelihood.Outcome outcome = MaximumLikelihood.run(likelihood, starts, settings.maxIterations(),
                settings.tolerance());
        Bfgs.Point best = outcome.best();
        double[] x = best.xCopy();
        String runaway = diagnoseRunaway(x);
        if (runaway != null) {
            throw new ClvFitException("BG/NBD fit failed: " + runaway + String.format(Locale.ROOT,
                    " (at r=%.4g, alpha=%.4g, a=%.4g, b=%.4g; %.0f customers, %.0f with repeat purchases)",
                    Math.exp(x[0]), Math.exp(x[1]), Math.exp(x[2]), Math.exp(x[3]), data.totalWeight(),
                    repeatCustomers));
        }
        if (!best.converged()) {
            throw new ClvFitException(String.format(Locale.ROOT,
                    "BG/NBD fit did not converge in %d iterations from %d starting points: best log-likelihood %.6f"
                            + " at r=%.4g, alpha=%.4g, a=%.4g, b=%.4g with largest gradient component %.3g;"
                            + " raise FitSettings.maxIterations or loosen the tolerance",
                    settings.maxIterations(), starts.size(), -best.value(), Math.exp(x[0]), Math.exp(x[1]),
                    Math.exp(x[2]), Math.exp(x[3]), best.maxAbsGradient()));
        }
        double[][] cov = MaximumLikelihood.inverseHessian(likelihood, x);
        ParameterEstimates estimates = new ParameterEstimates(NAMES, x, cov, -best.value(), outcome.totalIterations());
        if (Double.isNaN(cov[0][0])) {
            LOG.warn("BG/NBD: the Hessian at the optimum is not positive definite; standard errors are NaN ({})",
                    estimates);
        }
        LOG.debug("BG/NBD fit on {} customers ({} distinct triples): {}", data.totalWeight(), data.size(), estimates);
        return new BgNbdModel(estimates, data.totalWeight(), data.size(), settings);
    }

    /** @return a description of the parameters that ran off, or null */
    static String diagnoseRunaway(double[] x) {
        // pairs drifting along a flat ridge towards infinity may stop short of RUNAWAY: a shape and a rate
        // both above 1e4 already mean "no heterogeneity" in practice
        boolean rBig = x[0] > RIDGE;
        boolean alphaBig = x[1] > RIDGE;
        boolean aBig = x[2] > RIDGE;
        boolean bBig = x[3] > RIDGE;
        boolean aSmall = x[2] < -MaximumLikelihood.RUNAWAY;
        if (aBig && bBig) {
            return String.format(Locale.ROOT, "a and b ran off to infinity together (a/(a+b) = %.4g): dropout"
                    + " probabilities show no heterogeneity across customers", 1.0 / (1.0 + Math.exp(x[3] - x[2])));
        }
        if (aSmall || bBig) {
            return "the dropout probability collapsed to 0 (a -> 0 or b -> infinity): the data show no sign of"
                    + " customers becoming inactive (repeat buyers kept buying until the end of the calibration"
                    + " period), so BG/NBD degenerates to the NBD model; check that recency is the time of each"
                    + " customer's last purchase, or use a longer calibration period";
        }
        if (rBig && alphaBig) {
            return String.format(Locale.ROOT, "r and alpha ran off to infinity together (r/alpha = %.4g purchases per"
                    + " period): purchase rates show no heterogeneity across customers, a single Poisson rate fits as"
                    + " well", Math.exp(x[0] - x[1]));
        }
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) > MaximumLikelihood.RUNAWAY) {
                return String.format(Locale.ROOT, "parameter %s ran off to %s (%.3g)", NAMES.get(i),
                        x[i] > 0 ? "infinity" : "0", Math.exp(x[i]));
            }
        }
        return null;
    }
}
