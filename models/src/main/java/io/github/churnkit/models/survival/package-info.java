/**
 * Retention curves for churn analysis: Kaplan-Meier survival by tenure, the log-rank comparison of
 * groups, and the monthly cohort retention table.
 *
 * <p>Tenure is the duration; churn is the event; customers still subscribed are right-censored at
 * their current tenure:
 *
 * <pre>{@code
 * SurvivalCurve curve = KaplanMeier.withDefaults().fit(tenureMonths, churned);
 * double twelveMonths = curve.survivalAt(12);            // share still subscribed after a year
 * double low = curve.lower(0), high = curve.upper(0);    // 95% pointwise log-log interval
 *
 * LogRank.Result byPlan = LogRank.test(tenureMonths, churned, plan);
 * if (byPlan.pValue() < 0.01) { ... }                    // plans retain differently
 *
 * CohortRetentionTable table = CohortRetentionTable.monthly(joinDates, endDates, LocalDate.now());
 * }</pre>
 *
 * <p>For a parametric curve that can be extrapolated beyond the data (and turned into lifetime
 * value), fit the shifted-beta-geometric model in {@code io.github.churnkit.models.clv.SbgFitter}.
 * All types are immutable or stateless and thread-safe; invalid input throws
 * {@link java.lang.IllegalArgumentException} naming the offending index.
 */
package io.github.churnkit.models.survival;
