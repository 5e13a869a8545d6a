/**
 * Honest evaluation of churn probabilities.
 *
 * <p>{@link io.github.churnkit.models.eval.Metrics} holds the formulas (ROC-AUC, average precision,
 * log-loss, Brier score, expected calibration error and its reliability table, decile lift and
 * cumulative gains, the confusion matrix at a threshold);
 * {@link io.github.churnkit.models.eval.EvaluationReport} gathers them for one set of held-out
 * predictions, and {@link io.github.churnkit.models.eval.CrossValidator} runs seeded, stratified
 * k-fold cross-validation, always beside the no-skill baseline:
 *
 * <pre>{@code
 * CrossValidationReport cv = CrossValidator.withDefaults()
 *         .crossValidate(BoostedChurnTrainer.withDefaults(), PipelineFolds.of(pipeline, table), y);
 * cv.mean("rocAuc");            // mean over the 5 folds
 * cv.baselineMean("brier");     // what predicting the churn rate scores
 * String json = cv.toJson();    // the whole report, per fold, as JSON
 * }</pre>
 *
 * <p>{@link io.github.churnkit.models.eval.Thresholds} turns probabilities into decisions (best F1,
 * top k%, or the break-even probability of a retention offer). Reports are immutable.
 */
package io.github.churnkit.models.eval;
