/**
 * Why a churn model says what it says, in terms of input columns.
 *
 * <p>Per customer, {@link io.github.churnkit.models.explain.Explainer} splits the model's log-odds
 * into a base value plus one exact contribution per column (linear terms for logistic regression,
 * TreeSHAP for boosted trees), summing the one-hot parts of a column back together through
 * {@link io.github.churnkit.models.explain.FeatureGroups}:
 *
 * <pre>{@code
 * FeatureGroups columns = FeatureGroups.of(fittedPipeline);
 * Explanation e = Explainer.of(model, columns).explain(x);
 * e.topReasons(3);   // [Reason[column=Contract, contribution=0.91], Reason[column=tenure, ...], ...]
 * }</pre>
 *
 * <p>Globally, {@link io.github.churnkit.models.explain.PermutationImportance} measures on held-out
 * rows how much ROC-AUC falls when a column is shuffled, for any model; each
 * {@link io.github.churnkit.models.churn.ChurnModel} also carries its own importance (split gain
 * for trees, standardised coefficients for logistic regression), which
 * {@link io.github.churnkit.models.explain.FeatureGroups#sum(double[], boolean)} sums per column.
 */
package io.github.churnkit.models.explain;
