/**
 * Fitting customer lifetime value models by maximum likelihood; the fitted parameters are the
 * runtime forms in {@code io.github.churnkit.scoring.clv}, which hold the scoring formulas.
 *
 * <h2>Subscriptions (contractual)</h2>
 * {@link io.github.churnkit.models.clv.SbgFitter} fits the shifted-beta-geometric model from cohort
 * survivor counts or individual tenures with a churned/active flag:
 * <pre>{@code
 * SbgModel retention = SbgFitter.withDefaults().fitSurvivors(new long[] {1000, 869, 743, 653, 593});
 * double value = ClvFormulas.subscription(ClvSettings.defaults().withMargin(0.3), 49.0,
 *         retention.parameters(), renewalsSoFar);
 * }</pre>
 *
 * <h2>Purchases (non-contractual)</h2>
 * {@link io.github.churnkit.models.clv.BgNbdFitter} fits BG/NBD on {@code (x, t_x, T)}, collapsed
 * into {@link io.github.churnkit.models.clv.RfmData};
 * {@link io.github.churnkit.models.clv.GammaGammaFitter} fits spend on repeat customers:
 * <pre>{@code
 * BgNbdModel purchases = BgNbdFitter.withDefaults().fit(frequency, recency, age);
 * GammaGammaModel spend = GammaGammaFitter.withDefaults().fit(frequency, meanSpend);
 * ClvEstimate clv = ClvIntervals.of(0.9).transactional(ClvSettings.defaults().withHorizon(52),
 *         purchases, spend, new PurchaseHistory(2, 30.4, 38.9, 22.5));
 * HoldoutReport check = HoldoutEvaluation.of(39).add(2, 30.4, 38.9, 1).evaluate(purchases.parameters());
 * }</pre>
 *
 * <h2>Uncertainty and failure</h2>
 * Every fit reports standard errors from the observed information
 * ({@link io.github.churnkit.models.clv.ParameterEstimates}); {@link io.github.churnkit.models.clv.ClvIntervals}
 * turns them into per-customer intervals by the delta method; for subscriptions it delegates to the
 * scoring runtime's {@link io.github.churnkit.scoring.clv.SbgUncertainty}
 * ({@link io.github.churnkit.models.clv.SbgModel#uncertainty(double)}), which a model bundle stores so
 * that scores carry the same interval. Likelihoods are maximised by BFGS on
 * log-parameters from several starting points; when the data cannot identify a model (no repeat
 * purchases, no sign of dropout, no heterogeneity) the fitters throw
 * {@link io.github.churnkit.models.clv.ClvFitException} saying which parameter ran off and why.
 * Bad input (negative recency, recency beyond the age, recency without repeat purchases, empty
 * cohorts, survivor counts that increase) throws {@link java.lang.IllegalArgumentException} naming
 * the customer or cohort.
 *
 * <p>Fitters are thread-safe (they hold only settings); models are immutable.
 * {@link io.github.churnkit.models.clv.SegmentAggregates} groups any per-customer value by segment.
 */
package io.github.churnkit.models.clv;
