package io.github.churnkit.models.clv;

import io.github.churnkit.scoring.clv.BgNbdParameters;
import io.github.churnkit.scoring.clv.ClvFormulas;
import io.github.churnkit.scoring.clv.ClvSettings;
import io.github.churnkit.scoring.clv.GammaGammaParameters;
import io.github.churnkit.scoring.clv.PurchaseHistory;
import io.github.churnkit.scoring.clv.SbgUncertainty;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Per-customer CLV with delta-method confidence intervals from the fitted parameters' covariance.
 *
 * <p>With {@code φ} the log-parameters (those of the BG/NBD and Gamma-Gamma fits together, which are
 * fitted separately and so taken as independent, or the sBG pair), {@code Σ} their covariance from
 * the observed information ({@link ParameterEstimates#logCovariance(int, int)}) and
 * {@code g = ∂ ln CLV / ∂φ}, {@code Var(ln CLV) ≈ gᵀ Σ g}; the interval is
 * {@code CLV · exp(± z sqrt(gᵀ Σ g))}, which stays positive. For transactions g is taken by
 * central differences; for subscriptions the scoring runtime's {@link SbgUncertainty} does the work
 * with an analytic gradient, so that a scored bundle and this class agree.
 *
 * <p>The interval covers <b>estimation uncertainty</b> of the expected value (how well the data pin
 * down the parameters), not the spread of what one customer will actually spend, which is far wider.
 * Thread-safe.
 */
public final class ClvIntervals {

    private static final double STEP = 1e-5;
    private final double level;
    private final double z;

    private ClvIntervals(double level) {
        this.level = level;
        this.z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + level / 2);
    }

    /**
     * @param level confidence level in (0, 1), e.g. 0.9
     * @return an interval calculator
     */
    public static ClvIntervals of(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "level must be in (0, 1), found %s", level));
        }
        return new ClvIntervals(level);
    }

    /**
     * Transactional CLV ({@link ClvFormulas#transactional}) with its interval.
     *
     * @param settings margin, discount rate, bounded horizon
     * @param purchases the fitted BG/NBD model
     * @param spend the fitted Gamma-Gamma model
     * @param history the customer
     * @return the estimate and interval
     */
    public ClvEstimate transactional(ClvSettings settings, BgNbdModel purchases, GammaGammaModel spend,
            PurchaseHistory history) {
        ParameterEstimates bg = purchases.estimates();
        ParameterEstimates gg = spend.estimates();
        double[] phi = new double[7];
        for (int i = 0; i < 4; i++) {
            phi[i] = Math.log(bg.value(i));
        }
        for (int i = 0; i < 3; i++) {
            phi[4 + i] = Math.log(gg.value(i));
        }
        double[][] cov = new double[7][7];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                cov[i][j] = bg.logCovariance(i, j);
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                cov[4 + i][4 + j] = gg.logCovariance(i, j);
            }
        }
        return interval(phi, cov, p -> ClvFormulas.transactional(settings,
                new BgNbdParameters(Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3])),
                new GammaGammaParameters(Math.exp(p[4]), Math.exp(p[5]), Math.exp(p[6])), history));
    }

    /**
     * Subscription CLV from an sBG fit ({@link ClvFormulas#subscription}) with its interval.
     *
     * <p>The standard error and the bounds come from the scoring runtime's
     * {@link SbgUncertainty#logStandardError} (an analytic gradient of {@code ln DERL}), so they are
     * exactly what {@code CustomerScorer} reports for a bundle exported with
     * {@code BundleExporter.Builder.sbg(retention, level)} at this calculator's level.
     *
     * @param settings margin, discount rate, horizon
     * @param revenuePerPeriod revenue per period
     * @param retention the fitted sBG model of the customer's cohort or segment
     * @param renewals renewals made so far
     * @return the estimate and interval; NaN bounds and standard error when the fit has no covariance
     */
    public ClvEstimate subscription(ClvSettings settings, double revenuePerPeriod, SbgModel retention, int renewals) {
        double value = ClvFormulas.subscription(settings, revenuePerPeriod, retention.parameters(), renewals);
        Optional<SbgUncertainty> u = retention.uncertainty(level);
        if (u.isEmpty()) {
            return new ClvEstimate(value, Double.NaN, Double.NaN, Double.NaN, level);
        }
        double se = u.get().logStandardError(settings, retention.parameters(), renewals);
        return new ClvEstimate(value, u.get().lower(value, se), u.get().upper(value, se), se, level);
    }

    private ClvEstimate interval(double[] phi, double[][] cov, ToDoubleFunction<double[]> clv) {
        double value = clv.applyAsDouble(phi);
        if (!(value > 0)) {
            return new ClvEstimate(value, value, value, 0.0, level);
        }
        int n = phi.length;
        double[] g = new double[n];
        for (int j = 0; j < n; j++) {
            double[] plus = phi.clone();
            double[] minus = phi.clone();
            plus[j] += STEP;
            minus[j] -= STEP;
            g[j] = (Math.log(clv.applyAsDouble(plus)) - Math.log(clv.applyAsDouble(minus))) / (2 * STEP);
        }
        double var = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                var += g[i] * cov[i][j] * g[j];
            }
        }
        double se = Math.sqrt(var);
        return new ClvEstimate(value, value * Math.exp(-z * se), value * Math.exp(z * se), se, level);
    }
}
