/**
 * The HTML report: one self-contained file (inline CSS, inline SVG charts drawn here, no scripts,
 * no network) that a data scientist can send to a manager.
 *
 * <pre>{@code
 * CustomerAnalysis.Analysis a = CustomerAnalysis.of(options).run(table);
 * HtmlReport.write(a, RetentionOffer.defaults(), Path.of("report.html"));
 * }</pre>
 *
 * <p>Charts carry stable element ids ({@code chart-roc}, {@code chart-pr}, {@code chart-calibration},
 * {@code chart-gains}, {@code chart-lift}, {@code chart-importance}, {@code chart-km-plan},
 * {@code chart-km-segment}, {@code chart-clv}, {@code chart-churn-*}, {@code chart-revenue-*},
 * {@code chart-segment-churn}); tables are {@code metrics}, {@code reasons}, {@code segments},
 * {@code promotion}, {@code top-customers} and {@code targets}. ROC, precision-recall, calibration
 * and gains use the out-of-fold predictions of cross-validation, never in-sample scores.
 */
package io.github.churnkit.examples.report;
