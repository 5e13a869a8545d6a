/**
 * The whole churn workflow as a few calls, built on the library's trainers and runtime forms; the
 * command line and the example programs use it, and so can your own code.
 *
 * <pre>{@code
 * CustomerTable table = CsvIngest.withDefaults().read(Path.of("customers.csv")).table();
 *
 * // cross-validate logistic regression and boosted trees on the same folds, keep the better
 * ChurnTraining.Result trained = ChurnTraining.of(ChurnTraining.Options.defaults()).fit(table);
 * System.out.println(trained.choiceSummary());   // kept BoostedChurnTrainer (cross-validated AUC 0.8474 vs ...)
 *
 * // or everything: model, reasons, segments, sBG retention and CLV with its interval, Kaplan-Meier
 * // curves, KPIs
 * CustomerAnalysis.Analysis a = CustomerAnalysis.of(
 *         CustomerAnalysis.Options.defaults(BusinessKpis.Columns.telco())).run(table);
 * AnalysisFiles.writeScores(a, Path.of("scores.csv"));
 * AnalysisFiles.writeTargets(a, RetentionOffer.defaults(), Path.of("retention-targets.csv"));
 *
 * // a data-only model file (with the retention model, and CLV inputs when there is a revenue column),
 * // and scoring a CSV of any size with it, row by row: probability, band, segment, CLV and interval
 * ModelFiles.write(new ModelFiles.Parts(a.training().table(), a.training().pipeline(),
 *         a.training().model(), a.training().chosen().report()), a.segments(), a.retention(), Path.of("m.ckb"));
 * new StreamingScorer(ModelFiles.load(Path.of("m.ckb")), (rows, chars) -> { })
 *         .score(reader, writer, "customers.csv", null);
 * }</pre>
 *
 * <p>{@link io.github.churnkit.examples.workflow.ModelFiles} is an adapter over the bundle format
 * of {@code churnkit-scoring}: it picks the sections a command-line model file holds. The business
 * KPIs ({@link io.github.churnkit.examples.workflow.BusinessKpis}) include the two-proportion test
 * of churn with and without a promotional offer. Classes are immutable and thread-safe unless
 * their javadoc says otherwise.
 */
package io.github.churnkit.examples.workflow;
