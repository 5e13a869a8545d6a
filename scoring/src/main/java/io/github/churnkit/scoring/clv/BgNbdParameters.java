package io.github.churnkit.scoring.clv;

/**
 * Parameters of the BG/NBD model of repeat buying in a non-contractual setting, with the
 * per-customer quantities a scorer needs.
 *
 * <p>Model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way: an alternative to
 * the Pareto/NBD model", Marketing Science 24(2)): while active, a customer buys as a Poisson process
 * with rate λ; after each purchase they become inactive with probability p; λ ~ Gamma(r, α) across
 * customers (shape r, rate α) and p ~ Beta(a, b). A customer is summarised by {@code (x, t_x, T)}:
 * repeat purchases, time of the last one and time since the first purchase
 * ({@link PurchaseHistory}).
 *
 * <ul>
 *   <li>Likelihood: paper eq. 6, evaluated in log space as {@code ln L = A1 + A2 + ln(e^{A3} + δ e^{A4})}
 *       with {@code A1 = lnΓ(r + x) − lnΓ(r) + r ln α},
 *       {@code A2 = lnΓ(a + b) + lnΓ(b + x) − lnΓ(b) − lnΓ(a + b + x)},
 *       {@code A3 = −(r + x) ln(α + T)}, {@code A4 = ln a − ln(b + x − 1) − (r + x) ln(α + t_x)}, δ = 1
 *       if x &gt; 0 (the decomposition of Fader, Hardie &amp; Lee's note "Implementing the BG/NBD
 *       model for customer base analysis in Excel").</li>
 *   <li>Population mean purchases in (0, t]: paper eq. 9,
 *       {@code E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r 2F1(r, b; a + b − 1; t/(α + t))]}.</li>
 *   <li>Conditional expectation of purchases in (T, T + t]: paper eq. 10.</li>
 *   <li>P(alive): {@code 1 / (1 + δ · a/(b + x − 1) · ((α + T)/(α + t_x))^{r + x})}, the share of
 *       eq. 6's likelihood contributed by its first ("still active") term, as derived in Fader, Hardie
 *       &amp; Lee's note "Computing P(alive) using the BG/NBD model".</li>
 * </ul>
 * Eq. 9 and 10 are evaluated after Euler's transformation
 * {@code 2F1(A, B; C; z) = (1 − z)^{C − A − B} 2F1(C − A, C − B; C; z)}, which turns the
 * large-parameter series of eq. 10 (growing like {@code (1 − z)^{−x}}, overflowing for frequencies
 * in the thousands) into a short series with small parameters. At {@code a = 1} and at
 * {@code a + b + x = 1} the formulas are 0/0 or ∞·0; within 1e-5 of either, the value is the
 * midpoint of the values at {@code a ± 3e-5} (error of order 1e-9 relative).
 *
 * <p>Immutable and thread-safe. The per-customer methods validate {@code (x, t_x, T)} with
 * {@link PurchaseHistory#check(double, double, double)} and do not allocate.
 *
 * @param r shape of the Gamma distribution of purchase rates, finite and {@code > 0}
 * @param alpha rate (inverse scale, in time units) of the Gamma distribution of purchase rates
 * @param a first shape of the Beta distribution of the dropout probability
 * @param b second shape of the Beta distribution of the dropout probability
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {

    private static final double NEAR_SINGULAR = 1e-5;

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    public BgNbdParameters {
        SbgParameters.requirePositive("r", r);
        SbgParameters.requirePositive("alpha", alpha);
        SbgParameters.requirePositive("a", a);
        SbgParameters.requirePositive("b", b);
    }

    /**
     * Log-likelihood of one customer's {@code (x, t_x, T)} (paper eq. 6, in log space as described in
     * the class documentation). Stays finite for frequencies in the thousands.
     *
     * @param x repeat purchases
     * @param tx time of the last repeat purchase
     * @param age time since the first purchase, T
     * @return {@code ln L(r, α, a, b | x, t_x, T)}
     */
    public double logLikelihood(double x, double tx, double age) {
        PurchaseHistory.check(x, tx, age);
        double a1 = ClvMath.logGamma(r + x) - ClvMath.logGamma(r) + r * Math.log(alpha);
        double a2 = ClvMath.logGamma(a + b) + ClvMath.logGamma(b + x) - ClvMath.logGamma(b)
                - ClvMath.logGamma(a + b + x);
        double a3 = -(r + x) * Math.log(alpha + age);
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        double max = Math.max(a3, a4);
        return a1 + a2 + max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
    }

    /**
     * Probability that the customer is still active at the end of the observation period.
     *
     * @param x repeat purchases
     * @param tx time of the last repeat purchase
     * @param age time since the first purchase, T
     * @return P(alive | x, t_x, T); exactly 1 when {@code x = 0}
     */
    public double probabilityAlive(double x, double tx, double age) {
        PurchaseHistory.check(x, tx, age);
        return probabilityAliveUnchecked(x, tx, age);
    }

    private double probabilityAliveUnchecked(double x, double tx, double age) {
        if (x == 0) {
            return 1.0;
        }
        double logOdds = Math.log(a) - Math.log(b + x - 1)
                + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx));
        return 1.0 / (1.0 + Math.exp(logOdds));
    }

    /**
     * Expected number of purchases in a period of length t for a randomly chosen new customer,
     * {@code E[X(t)]} (paper eq. 9; X(t) counts purchases after time 0, so repeat purchases).
     *
     * @param t length of the period, finite and {@code >= 0}
     * @return the expectation; 0 at {@code t = 0}
     */
    public double expectedPurchases(double t) {
        requireHorizon(t);
        if (t == 0) {
            return 0.0;
        }
        return conditionalTerm(a, t, 0.0, 0.0);
    }

    /**
     * Expected number of purchases in {@code (T, T + t]} for a customer with history
     * {@code (x, t_x, T)}, paper eq. 10:
     * {@code E[Y(t) | x, t_x, T] = P(alive) · (a + b + x − 1)/(a − 1) ·
     * [1 − ((α + T)/(α + T + t))^{r + x} 2F1(r + x, b + x; a + b + x − 1; t/(α + T + t))]}.
     *
     * @param t length of the forecast period, finite and {@code >= 0}
     * @param history the customer's {@code (x, t_x, T)}; the spend is ignored
     * @return the conditional expectation
     */
    public double conditionalExpectedPurchases(double t, PurchaseHistory history) {
        return conditionalExpectedPurchases(t, history.frequency(), history.recency(), history.age());
    }

    /**
     * Allocation-free form of {@link #conditionalExpectedPurchases(double, PurchaseHistory)}.
     *
     * @param t length of the forecast period
     * @param x repeat purchases
     * @param tx time of the last repeat purchase
     * @param age time since the first purchase, T
     * @return the conditional expectation
     */
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        requireHorizon(t);
        PurchaseHistory.check(x, tx, age);
        if (t == 0) {
            return 0.0;
        }
        return probabilityAliveUnchecked(x, tx, age) * conditionalTerm(a, t, x, age);
    }

    /**
     * {@code (A + b + x − 1)/(A − 1) · [1 − (1 − z)^{A − 1} 2F1(A + b − 1 − r, A − 1; A + b + x − 1; z)]}
     * with {@code z = t / (α + T + t)}: eq. 10's bracket after Euler's transformation, for dropout
     * shape A (a itself, or a ± 1e-5 near the removable singularity at 1).
     */
    private double conditionalTerm(double shapeA, double t, double x, double age) {
        double c = shapeA + b + x - 1;
        if (Math.abs(shapeA - 1.0) < NEAR_SINGULAR || Math.abs(c) < NEAR_SINGULAR) {
            // removable singularities at a = 1 and a + b + x = 1: midpoint of a ± 3h (both away from them)
            return 0.5 * (conditionalTerm(shapeA + 3 * NEAR_SINGULAR, t, x, age)
                    + conditionalTerm(shapeA - 3 * NEAR_SINGULAR, t, x, age));
        }
        double z = t / (alpha + age + t);
        double oneMinusZ = (alpha + age) / (alpha + age + t);
        double fMinus1 = ClvMath.hyp2f1Minus1(shapeA + b - 1 - r, shapeA - 1, c, z);
        double bracket = -Math.expm1((shapeA - 1) * Math.log(oneMinusZ)) - Math.pow(oneMinusZ, shapeA - 1) * fMinus1;
        return c / (shapeA - 1) * bracket;
    }

    private static void requireHorizon(double t) {
        if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("forecast length t must be finite and >= 0, found " + t);
        }
    }
}
