package io.github.churnkit.scoring.clv;

import java.util.Locale;

/**
 * Parameters of the shifted-beta-geometric (sBG) model of contractual retention, and the closed-form
 * quantities a scorer needs from them.
 *
 * <p>Model (Fader &amp; Hardie 2007, "How to project customer retention", J. Interactive Marketing
 * 21(1)): at the end of each contract period an active customer cancels with probability θ,
 * constant over time for that customer; θ varies across customers as Beta(α, β). Periods are
 * counted 1, 2, …; a customer who is acquired at time 0 and cancels at the end of period t has
 * lifetime {@code T = t}. With {@code B} the beta function:
 * <ul>
 *   <li>{@code P(T = t) = B(α + 1, β + t − 1) / B(α, β)} (paper eq. 5; its recursion is eq. 7),</li>
 *   <li>{@code S(t) = P(T > t) = B(α, β + t) / B(α, β)} (eq. 6),</li>
 *   <li>retention rate {@code r_t = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1)} (eq. 8), which
 *       rises with t: the sorting effect of heterogeneity.</li>
 * </ul>
 *
 * <p>Discounted expected residual lifetime (Fader &amp; Hardie 2010, "Customer-base valuation in a
 * contractual setting: the perils of ignoring heterogeneity", Marketing Science 29(1), eq. 6): for a
 * customer who has made {@code n − 1} renewals and is about to decide on the n-th,
 * {@code DERL(d | α, β, n − 1) = [B(α, β + n) / B(α, β + n − 1)] · 2F1(1, β + n; α + β + n; 1/(1 + d))}.
 * It counts the expected number of future payments, the upcoming one undiscounted and the k-th after
 * it discounted by {@code (1 + d)^k}; multiplied by the margin per payment it is the residual
 * lifetime value. For a single customer with known churn probability θ it reduces to
 * {@code (1 − θ)(1 + d) / (d + θ)} ({@link #derlConstantChurn(double, double)}).
 *
 * <p>Immutable and thread-safe; no method allocates.
 *
 * @param alpha the Beta(α, β) shape for the churn probability, finite and {@code > 0}
 * @param beta the Beta(α, β) shape, finite and {@code > 0}
 */
public record SbgParameters(double alpha, double beta) {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    public SbgParameters {
        requirePositive("alpha", alpha);
        requirePositive("beta", beta);
    }

    /**
     * Probability that a newly acquired customer's lifetime is exactly {@code t} periods (cancels at
     * the end of period t): {@code P(T = t) = B(α + 1, β + t − 1) / B(α, β)}.
     *
     * @param t period, {@code >= 1}
     * @return the probability, in (0, 1)
     * @throws IllegalArgumentException if {@code t < 1}
     */
    public double churnProbability(int t) {
        return Math.exp(logChurnProbability(t));
    }

    /**
     * Natural log of {@link #churnProbability(int)}, accurate where the probability underflows.
     *
     * @param t period, {@code >= 1}
     * @return {@code ln P(T = t)}
     */
    public double logChurnProbability(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("period t must be >= 1, found " + t);
        }
        return ClvMath.logBeta(alpha + 1, beta + t - 1) - ClvMath.logBeta(alpha, beta);
    }

    /**
     * Survival {@code S(t) = B(α, β + t) / B(α, β)}: the share of a cohort still active after t
     * periods (t renewals). {@code S(0) = 1}.
     *
     * @param t number of periods, {@code >= 0}
     * @return the survival probability
     */
    public double survival(int t) {
        return Math.exp(logSurvival(t));
    }

    /**
     * Natural log of {@link #survival(int)}.
     *
     * @param t number of periods, {@code >= 0}
     * @return {@code ln S(t)}
     */
    public double logSurvival(int t) {
        if (t < 0) {
            throw new IllegalArgumentException("period t must be >= 0, found " + t);
        }
        if (t == 0) {
            return 0.0;
        }
        return ClvMath.logBeta(alpha, beta + t) - ClvMath.logBeta(alpha, beta);
    }

    /**
     * Retention rate in period t, {@code r_t = (β + t − 1) / (α + β + t − 1)}: the probability that a
     * customer active at the start of period t renews at its end.
     *
     * @param t period, {@code >= 1}
     * @return the retention rate
     */
    public double retentionRate(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("period t must be >= 1, found " + t);
        }
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /**
     * Expected number of a cohort's customers still active after t periods: {@code size · S(t)}.
     *
     * @param cohortSize customers acquired at time 0, {@code >= 0}
     * @param t number of periods, {@code >= 0}
     * @return the projected survivors
     */
    public double expectedSurvivors(double cohortSize, int t) {
        if (!(cohortSize >= 0 && cohortSize < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("cohortSize must be finite and >= 0, found " + cohortSize);
        }
        return cohortSize * survival(t);
    }

    /**
     * Discounted expected residual lifetime over an unbounded horizon, Fader &amp; Hardie (2010)
     * eq. 6 (see the class documentation for the timing convention).
     *
     * @param discountRate discount rate per period {@code d}, finite and {@code > 0}
     * @param renewals renewals made so far ({@code n − 1}), {@code >= 0}; 0 for a customer in the
     *     first period
     * @return DERL, in discounted payments
     */
    public double derl(double discountRate, int renewals) {
        checkDerlArgs(discountRate, renewals);
        double n = renewals + 1.0;
        double first = (beta + n - 1) / (alpha + beta + n - 1);
        return first * ClvMath.hyp2f1(1.0, beta + n, alpha + beta + n, 1.0 / (1.0 + discountRate));
    }

    /**
     * DERL truncated to the next {@code horizon} payments:
     * {@code Σ_{k=0}^{H−1} [S(n + k) / S(n − 1)] / (1 + d)^k}, computed with the retention rates
     * {@code S(n + k) / S(n + k − 1) = r_{n+k}}. Tends to {@link #derl(double, int)} as H grows.
     *
     * @param discountRate discount rate per period, finite and {@code >= 0}
     * @param renewals renewals made so far, {@code >= 0}
     * @param horizon number of future payments counted, {@code >= 0}
     * @return the truncated DERL
     */
    public double derl(double discountRate, int renewals, int horizon) {
        if (!(discountRate >= 0 && discountRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("discountRate must be finite and >= 0, found " + discountRate);
        }
        if (renewals < 0) {
            throw new IllegalArgumentException("renewals must be >= 0, found " + renewals);
        }
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon must be >= 0, found " + horizon);
        }
        int n = renewals + 1;
        double z = 1.0 / (1.0 + discountRate);
        double survivalRatio = 1.0;
        double discount = 1.0;
        double sum = 0.0;
        for (int k = 0; k < horizon; k++) {
            survivalRatio *= retentionRate(n + k);
            sum += survivalRatio * discount;
            discount *= z;
        }
        return sum;
    }

    /**
     * DERL of a customer with a known, constant churn probability θ per period (what a churn model
     * predicts), with the same timing as {@link #derl(double, int)}:
     * {@code Σ_{k>=0} (1 − θ)^{k+1} / (1 + d)^k = (1 − θ)(1 + d) / (d + θ)}
     * (Fader &amp; Hardie 2010, the homogeneous case before eq. 6).
     *
     * @param churnProbability θ, in [0, 1]
     * @param discountRate d, finite and {@code >= 0}; {@code θ + d} must be {@code > 0}
     * @return the DERL
     */
    public static double derlConstantChurn(double churnProbability, double discountRate) {
        if (!(churnProbability >= 0 && churnProbability <= 1)) {
            throw new IllegalArgumentException("churnProbability must be in [0, 1], found " + churnProbability);
        }
        if (!(discountRate >= 0 && discountRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("discountRate must be finite and >= 0, found " + discountRate);
        }
        if (churnProbability + discountRate == 0) {
            throw new IllegalArgumentException("DERL is infinite when both churnProbability and discountRate are 0");
        }
        return (1 - churnProbability) * (1 + discountRate) / (discountRate + churnProbability);
    }

    private static void checkDerlArgs(double discountRate, int renewals) {
        if (!(discountRate > 0 && discountRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "discountRate must be finite and > 0 for an unbounded horizon, found " + discountRate);
        }
        if (renewals < 0) {
            throw new IllegalArgumentException("renewals must be >= 0, found " + renewals);
        }
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be finite and > 0, found %s", name, value));
        }
    }
}
