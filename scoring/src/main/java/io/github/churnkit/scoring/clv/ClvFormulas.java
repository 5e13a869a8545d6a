package io.github.churnkit.scoring.clv;

/**
 * Per-customer lifetime value: discounted expected margin over a horizon, for subscriptions
 * (contractual) and for purchase histories (non-contractual).
 *
 * <p><b>Subscriptions.</b> {@code CLV = margin × revenue per period × DERL}, where DERL is the
 * discounted expected residual lifetime in payments, the upcoming payment undiscounted and the k-th
 * after it discounted by {@code (1 + d)^k} (Fader &amp; Hardie 2010):
 * <ul>
 *   <li>from an sBG fit of the customer's cohort or segment, given the renewals made so far:
 *       {@code DERL = Σ_{k=0}^{H−1} [S(n + k)/S(n − 1)] (1 + d)^{−k}}, and for an unbounded horizon the
 *       closed form of {@link SbgParameters#derl(double, int)};</li>
 *   <li>from a churn model's per-period churn probability θ (taken as constant for that customer):
 *       {@code DERL = Σ_{k=0}^{H−1} (1 − θ)^{k+1} (1 + d)^{−k} = (1 − θ)(1 − w^H)/(1 − w)} with
 *       {@code w = (1 − θ)/(1 + d)}, and {@code (1 − θ)(1 + d)/(d + θ)} for an unbounded horizon.</li>
 * </ul>
 *
 * <p><b>Purchases.</b> {@code CLV = margin × E[spend per transaction] × Σ_{k=1}^{H}
 * (E[Y(k)] − E[Y(k − 1)]) (1 + d)^{−k}}: the BG/NBD conditional expected purchases in each future
 * period (Fader, Hardie &amp; Lee 2005 eq. 10), discounted at the period's end, times the
 * Gamma-Gamma conditional expected spend (Fader &amp; Hardie 2013). This is the usual
 * "BG/NBD × Gamma-Gamma" value; it needs a bounded horizon.
 *
 * <p>Stateless and thread-safe; the methods do not allocate.
 */
public final class ClvFormulas {

    private ClvFormulas() {
    }

    /**
     * Subscription CLV from an sBG fit.
     *
     * @param settings margin, discount rate, horizon (in contract periods)
     * @param revenuePerPeriod revenue per contract period, finite and {@code >= 0}
     * @param sbg the sBG parameters of the customer's cohort or segment
     * @param renewals renewals the customer has made so far (0 in the first period)
     * @return the discounted expected margin
     */
    public static double subscription(ClvSettings settings, double revenuePerPeriod, SbgParameters sbg, int renewals) {
        checkRevenue(revenuePerPeriod);
        double derl = settings.horizon() == ClvSettings.UNBOUNDED
                ? sbg.derl(settings.discountRate(), renewals)
                : sbg.derl(settings.discountRate(), renewals, settings.horizon());
        return settings.margin() * revenuePerPeriod * derl;
    }

    /**
     * Subscription CLV from a churn model's per-period churn probability {@code θ}: with the
     * customer's retention {@code 1 − θ} held constant, the expected discounted payments are
     * {@code (1 − θ) Σ_{k=0}^{H−1} w^k} with {@code w = (1 − θ)/(1 + d)} over a horizon of {@code H}
     * periods (evaluated by binary powering, see {@code ClvMath.geometricSum}, accurate to a few units
     * in the last place for every {@code θ}), and {@code (1 − θ)(1 + d)/(d + θ)} unbounded.
     *
     * @param settings margin, discount rate, horizon (in contract periods)
     * @param revenuePerPeriod revenue per contract period, finite and {@code >= 0}
     * @param churnProbability the customer's churn probability per period, in [0, 1]
     * @return the discounted expected margin
     */
    public static double subscriptionFromChurnProbability(ClvSettings settings, double revenuePerPeriod,
            double churnProbability) {
        checkRevenue(revenuePerPeriod);
        double derl;
        if (settings.horizon() == ClvSettings.UNBOUNDED) {
            derl = SbgParameters.derlConstantChurn(churnProbability, settings.discountRate());
        } else {
            if (!(churnProbability >= 0 && churnProbability <= 1)) {
                throw new IllegalArgumentException("churnProbability must be in [0, 1], found " + churnProbability);
            }
            double keep = 1 - churnProbability;
            derl = keep * ClvMath.geometricSum(keep / (1 + settings.discountRate()), settings.horizon());
        }
        return settings.margin() * revenuePerPeriod * derl;
    }

    /**
     * Discounted expected number of purchases in the next {@code H} periods,
     * {@code Σ_{k=1}^{H} (E[Y(k)] − E[Y(k − 1)]) (1 + d)^{−k}}.
     *
     * @param settings discount rate and a bounded horizon (in the model's time unit)
     * @param bgNbd the BG/NBD parameters
     * @param history the customer's {@code (x, t_x, T)}
     * @return the discounted expected transactions
     * @throws IllegalArgumentException if the horizon is {@link ClvSettings#UNBOUNDED}
     */
    public static double discountedExpectedPurchases(ClvSettings settings, BgNbdParameters bgNbd,
            PurchaseHistory history) {
        if (settings.horizon() == ClvSettings.UNBOUNDED) {
            throw new IllegalArgumentException("transactional CLV needs a bounded horizon, found UNBOUNDED");
        }
        double z = 1.0 / (1.0 + settings.discountRate());
        double discount = 1.0;
        double previous = 0.0;
        double sum = 0.0;
        for (int k = 1; k <= settings.horizon(); k++) {
            discount *= z;
            double cumulative = bgNbd.conditionalExpectedPurchases(k, history.frequency(), history.recency(),
                    history.age());
            sum += (cumulative - previous) * discount;
            previous = cumulative;
        }
        return sum;
    }

    /**
     * Transactional CLV: margin × Gamma-Gamma expected spend × discounted expected purchases.
     *
     * @param settings margin, discount rate, bounded horizon (in the model's time unit)
     * @param bgNbd the BG/NBD parameters
     * @param spend the Gamma-Gamma parameters
     * @param history the customer's history; a NaN mean spend uses the population mean
     * @return the discounted expected margin
     */
    public static double transactional(ClvSettings settings, BgNbdParameters bgNbd, GammaGammaParameters spend,
            PurchaseHistory history) {
        double expectedSpend = spend.conditionalExpectedSpend(history.frequency(), history.meanRepeatSpend());
        return settings.margin() * expectedSpend * discountedExpectedPurchases(settings, bgNbd, history);
    }

    private static void checkRevenue(double revenuePerPeriod) {
        if (!(revenuePerPeriod >= 0 && revenuePerPeriod < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("revenuePerPeriod must be finite and >= 0, found " + revenuePerPeriod);
        }
    }
}
