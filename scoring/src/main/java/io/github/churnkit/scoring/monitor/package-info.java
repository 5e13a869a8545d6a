/**
 * Drift monitoring: is today's data still like the training data?
 *
 * <p>At training time, summarise every input and the model's score compactly and keep the summary
 * in the bundle:
 * <pre>{@code
 * TrainingDistributions drift = TrainingDistributions.fit(trainingTable, trainingScores,
 *         TrainingDistributions.Config.defaults());          // 10 quantile bins per numeric input
 * builder.put(TrainingDistributions.SECTION, drift::writeTo);
 * }</pre>
 * Later, for a batch of new customers and their scores (for example a nightly job):
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.of(
 *         bundle.decode(TrainingDistributions.SECTION, TrainingDistributions::readFrom));
 * DriftReport report = monitor.check(todaysCustomers, todaysScores);
 * if (report.worst() == DriftLevel.MAJOR) {
 *     // retrain; report.atLeast(DriftLevel.MODERATE) says which inputs moved
 * }
 * }</pre>
 *
 * <p>Each input gets a population stability index (PSI) with the usual verdict (below 0.1
 * stable, 0.1 to 0.25 moderate, above 0.25 major shift) and, for numeric inputs and the score, a
 * two-sample Kolmogorov-Smirnov statistic evaluated at the stored quantile edges. The formulas,
 * the epsilon used for empty bins and the error bound of the binned KS are in {@link
 * io.github.churnkit.scoring.monitor.DriftMonitor}.
 */
package io.github.churnkit.scoring.monitor;
