/**
 * Closed-form customer lifetime value formulas for scoring: no fitting, no dependencies.
 *
 * <p>The models are fitted in {@code churnkit-models} ({@code io.github.churnkit.models.clv}); what a
 * scorer needs at run time is only their parameters and the formulas here:
 * <ul>
 *   <li>{@link io.github.churnkit.scoring.clv.SbgParameters}: subscriptions. Survival, retention
 *       rates and the discounted expected residual lifetime (DERL) of a customer with n renewals.</li>
 *   <li>{@link io.github.churnkit.scoring.clv.BgNbdParameters}: repeat purchases. P(alive),
 *       expected purchases in the next t periods for a customer, and for the population.</li>
 *   <li>{@link io.github.churnkit.scoring.clv.GammaGammaParameters}: expected spend per
 *       transaction.</li>
 *   <li>{@link io.github.churnkit.scoring.clv.ClvFormulas}: discounted CLV for both settings, given
 *       {@link io.github.churnkit.scoring.clv.ClvSettings} (margin, discount rate, horizon).</li>
 *   <li>{@link io.github.churnkit.scoring.clv.SbgUncertainty}: the covariance of a fitted
 *       {@code (ln α, ln β)} and a level; the delta-method interval of a subscription CLV (an
 *       analytic gradient of ln DERL, the same for every revenue and margin).</li>
 * </ul>
 *
 * <pre>{@code
 * BgNbdParameters bg = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);   // weeks
 * GammaGammaParameters gg = new GammaGammaParameters(6.25, 3.74, 15.44);
 * PurchaseHistory h = new PurchaseHistory(2, 30.4, 38.9, 22.5);
 * double alive = bg.probabilityAlive(h.frequency(), h.recency(), h.age());
 * double clv = ClvFormulas.transactional(ClvSettings.defaults().withHorizon(52).withDiscountRate(0.002),
 *         bg, gg, h);
 *
 * SbgParameters sbg = new SbgParameters(0.668, 3.806);                     // months
 * double value = ClvFormulas.subscription(ClvSettings.defaults().withMargin(0.3), 49.0, sbg, 4);
 *
 * SbgUncertainty u = SbgUncertainty.of(new double[][] {{0.02, -0.01}, {-0.01, 0.05}}, 0.9);
 * double se = u.logStandardError(ClvSettings.defaults().withMargin(0.3), sbg, 4);
 * double low = u.lower(value, se), high = u.upper(value, se);              // value · exp(∓ z se)
 * }</pre>
 *
 * <p>All types are immutable and thread-safe; the per-customer methods do not allocate. Invalid input
 * (negative recency, recency beyond the customer's age, recency without repeat purchases, NaN) throws
 * {@link java.lang.IllegalArgumentException} naming the value.
 */
package io.github.churnkit.scoring.clv;
