package io.github.churnkit.scoring.clv;

import java.util.Locale;
import java.util.Objects;

/**
 * How precisely a fit pinned down the sBG parameters, and the delta-method confidence interval of a
 * subscription CLV that follows from it.
 *
 * <p><b>What it holds.</b> The asymptotic covariance {@code Σ} of {@code φ = (ln α, ln β)} (the
 * inverse observed information of the maximum-likelihood fit, on the log scale the fitter
 * optimises on) and a confidence level, from which {@code z = Φ⁻¹((1 + level) / 2)} is derived
 * (Wichura's algorithm AS 241, accurate to about {@code 1e-16}; no numerical library needed).
 *
 * <p><b>The interval.</b> {@code CLV = margin × revenue × DERL(α, β, n)}, so
 * {@code ln CLV = ln margin + ln revenue + ln DERL} and its gradient in φ depends only on the
 * parameters, the settings and the renewals count, never on revenue or margin. The delta method
 * gives {@code Var(ln CLV) ≈ gᵀ Σ g} with {@code g = ∂ ln DERL / ∂φ}, and the interval is
 * {@code CLV · exp(± z · sqrt(gᵀ Σ g))}: positive, and asymmetric around CLV as a log-normal is.
 * Writing {@code t_j = renewals + j}, the retention rates ahead are
 * {@code r_j = (β + t_j) / (α + β + t_j)}, {@code DERL = Σ_{k=0}^{H−1} w^k Π_{j=0}^{k} r_j} with
 * {@code w = 1 / (1 + d)} (for an unbounded horizon the same series summed to convergence, which is
 * Fader &amp; Hardie's closed form of {@link SbgParameters#derl(double, int)}), and term by term
 * <ul>
 *   <li>{@code ∂ ln r_j / ∂ ln α = −α / (α + β + t_j)},</li>
 *   <li>{@code ∂ ln r_j / ∂ ln β = αβ / ((β + t_j)(α + β + t_j))},</li>
 *   <li>{@code g = Σ_k w^k P_k Σ_{j<=k} ∂ ln r_j / ∂φ  /  DERL}, {@code P_k = Π_{j<=k} r_j}.</li>
 * </ul>
 * The gradient is therefore exact (analytic), not a finite difference. For an unbounded horizon the
 * sums stop once a bound on the rest of all three (the terms fall at least as fast as {@code w^k}
 * and the inner sums grow at most linearly) is below {@code 1e-16} of DERL.
 *
 * <p><b>What it covers.</b> Estimation uncertainty of the <i>expected</i> value: how far the
 * expected CLV of a customer with these inputs could move if the cohort's parameters were re-fitted
 * on new data of the same size. It is not the spread of what one customer will actually pay, which
 * is far wider (a single customer either stays or leaves). It ignores uncertainty in the margin,
 * revenue and discount rate, and it is only as good as the normal approximation of the fit.
 *
 * <p>Immutable and thread-safe; {@link #logStandardError} allocates nothing.
 */
public final class SbgUncertainty {

    /** Relative tolerance on {@code c01² <= c00 · c11}, for rounding in a nearly singular covariance. */
    private static final double PSD_TOLERANCE = 1e-12;
    /** Relative size of the neglected tail of an unbounded-horizon sum. */
    private static final double TAIL = 1e-16;
    /** Terms after which an unbounded-horizon sum is declared not converged. */
    private static final long MAX_TERMS = 50_000_000L;

    private final double c00;
    private final double c01;
    private final double c11;
    private final double level;
    private final double z;

    private SbgUncertainty(double c00, double c01, double c11, double level) {
        this.c00 = c00;
        this.c01 = c01;
        this.c11 = c11;
        this.level = level;
        this.z = NormalQuantile.twoSided(level);
    }

    /**
     * The uncertainty of a fit.
     *
     * @param logCovariance the 2×2 covariance of {@code (ln α, ln β)}, row {@code i} and column
     *     {@code j} for parameters i, j (0 = α, 1 = β); copied
     * @param level the confidence level of the intervals, in (0, 1), e.g. 0.9
     * @return the uncertainty
     * @throws IllegalArgumentException if the matrix is not 2×2, has a non-finite entry, is not
     *     exactly symmetric, or is not positive semi-definite (a negative variance, or a covariance
     *     with {@code c01² > c00 · c11} beyond a relative rounding tolerance of {@code 1e-12}), or if
     *     the level is not in (0, 1)
     * @throws NullPointerException if the matrix or a row is null
     */
    public static SbgUncertainty of(double[][] logCovariance, double level) {
        Objects.requireNonNull(logCovariance, "logCovariance");
        if (logCovariance.length != 2) {
            throw new IllegalArgumentException("logCovariance must be 2x2 (ln alpha, ln beta), found "
                    + logCovariance.length + " rows");
        }
        for (int i = 0; i < 2; i++) {
            Objects.requireNonNull(logCovariance[i], "logCovariance row");
            if (logCovariance[i].length != 2) {
                throw new IllegalArgumentException("logCovariance must be 2x2 (ln alpha, ln beta), found row " + i
                        + " of length " + logCovariance[i].length);
            }
            for (int j = 0; j < 2; j++) {
                double v = logCovariance[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "logCovariance[%d][%d] must be finite, found %s", i, j, v));
                }
            }
        }
        double a = logCovariance[0][0];
        double b = logCovariance[0][1];
        double c = logCovariance[1][1];
        if (b != logCovariance[1][0]) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "logCovariance must be symmetric, found [0][1]=%s and [1][0]=%s", b, logCovariance[1][0]));
        }
        if (a < 0 || c < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "logCovariance must have variances >= 0, found var(ln alpha)=%s, var(ln beta)=%s", a, c));
        }
        if (b * b > a * c * (1 + PSD_TOLERANCE)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "logCovariance must be positive semi-definite, found covariance %s with variances %s and %s"
                            + " (correlation beyond +-1)", b, a, c));
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "level must be in (0, 1), found %s", level));
        }
        return new SbgUncertainty(a, b, c, level);
    }

    /**
     * @param i parameter index, 0 for ln α, 1 for ln β
     * @param j parameter index
     * @return {@code Cov(φ_i, φ_j)}
     * @throws IndexOutOfBoundsException if an index is not 0 or 1
     */
    public double logCovariance(int i, int j) {
        Objects.checkIndex(i, 2);
        Objects.checkIndex(j, 2);
        return i != j ? c01 : i == 0 ? c00 : c11;
    }

    /** @return the confidence level of the intervals, in (0, 1) */
    public double level() {
        return level;
    }

    /** @return {@code z = Φ⁻¹((1 + level) / 2)}, e.g. 1.6449 for 0.9 */
    public double z() {
        return z;
    }

    /**
     * Delta-method standard error of {@code ln CLV} (equivalently of {@code ln DERL}) for a customer
     * valued with {@link ClvFormulas#subscription}: {@code sqrt(gᵀ Σ g)}, see the class documentation.
     * Independent of revenue and margin. Allocates nothing.
     *
     * @param settings discount rate and horizon (the margin plays no part)
     * @param sbg the fitted parameters this covariance belongs to
     * @param renewals renewals made so far, {@code >= 0}
     * @return the standard error, {@code >= 0} (never NaN; infinite only if {@code gᵀ Σ g} overflows);
     *     0 when DERL underflows to 0
     * @throws IllegalArgumentException if renewals is negative
     * @throws ArithmeticException if an unbounded-horizon sum has not converged after fifty million terms
     *     (a discount rate of about {@code 1e-6} per period or less)
     */
    public double logStandardError(ClvSettings settings, SbgParameters sbg, int renewals) {
        if (renewals < 0) {
            throw new IllegalArgumentException("renewals must be >= 0, found " + renewals);
        }
        return Math.sqrt(logDerlVariance(settings.discountRate(), settings.horizon(), sbg.alpha(), sbg.beta(), renewals,
                c00, c01, c11));
    }

    /**
     * @param clv the expected CLV
     * @param logStandardError its {@link #logStandardError}
     * @return {@code clv · exp(−z · se)}; NaN if either is NaN
     */
    public double lower(double clv, double logStandardError) {
        return clv * Math.exp(-z * logStandardError);
    }

    /**
     * @param clv the expected CLV
     * @param logStandardError its {@link #logStandardError}
     * @return {@code clv · exp(z · se)}; NaN if either is NaN
     */
    public double upper(double clv, double logStandardError) {
        return clv * Math.exp(z * logStandardError);
    }

    /**
     * {@code gᵀ C g} with {@code g = ∂ ln DERL / ∂(ln α, ln β)} and {@code C = [[c00, c01], [c01, c11]]},
     * clamped at 0. Any symmetric C is accepted (tests read single gradient components through it).
     */
    static double logDerlVariance(double discountRate, int horizon, double alpha, double beta, int renewals,
            double c00, double c01, double c11) {
        boolean unbounded = horizon == ClvSettings.UNBOUNDED;
        double w = 1.0 / (1.0 + discountRate);
        double invD = 1.0 / discountRate; // w / (1 − w), the tail factor of a geometric series
        double invOneMinusW = (1.0 + discountRate) / discountRate;
        double product = 1.0;
        double discount = 1.0;
        double gradAlpha = 0.0;
        double gradBeta = 0.0;
        double sum = 0.0;
        double sumAlpha = 0.0;
        double sumBeta = 0.0;
        for (long k = 0; unbounded || k < horizon; k++) {
            double t = renewals + (double) k;
            double stay = beta + t;
            double all = alpha + beta + t;
            product *= stay / all;
            gradAlpha -= alpha / all;
            gradBeta += alpha * beta / (stay * all);
            double term = product * discount;
            sum += term;
            sumAlpha += term * gradAlpha;
            sumBeta += term * gradBeta;
            if (unbounded) {
                double growth = 2 * alpha / all * invOneMinusW;
                if (term * invD * (1 + Math.abs(gradAlpha) + gradBeta + growth) <= TAIL * sum) {
                    break;
                }
                if (k >= MAX_TERMS) {
                    throw new ArithmeticException(String.format(Locale.ROOT,
                            "sBG DERL gradient did not converge after %d terms (discount rate %s)", k, discountRate));
                }
            }
            discount *= w;
        }
        if (!(sum > 0)) {
            return 0.0;
        }
        double ga = sumAlpha / sum;
        double gb = sumBeta / sum;
        double v = ga * ga * c00 + 2 * ga * gb * c01 + gb * gb * c11;
        return v > 0 ? v : 0.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SbgUncertainty u
                && Double.compare(c00, u.c00) == 0 && Double.compare(c01, u.c01) == 0
                && Double.compare(c11, u.c11) == 0 && Double.compare(level, u.level) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(c00, c01, c11, level);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SbgUncertainty[var(ln alpha)=%s, cov=%s, var(ln beta)=%s, level=%s]",
                c00, c01, c11, level);
    }
}
