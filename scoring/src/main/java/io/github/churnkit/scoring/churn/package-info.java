/**
 * Runtime forms of churn models: plain arrays and the formulas that read them, with no training
 * library on the class path.
 *
 * <p>A trainer in {@code churnkit-models} exports each fitted model into one of two forms, both
 * {@link io.github.churnkit.scoring.churn.ChurnPredictor}s:
 * <ul>
 *   <li>{@link io.github.churnkit.scoring.churn.LinearPredictor}: weights and intercepts of a
 *       (binary or multinomial) logistic regression;</li>
 *   <li>{@link io.github.churnkit.scoring.churn.TreeEnsemble}: a gradient-boosted tree ensemble
 *       flattened into primitive arrays, whose probabilities repeat Smile's bit for bit.</li>
 * </ul>
 * A {@link io.github.churnkit.scoring.churn.ProbabilityCalibrator}
 * ({@link io.github.churnkit.scoring.churn.PlattCalibrator} or
 * {@link io.github.churnkit.scoring.churn.IsotonicCalibrator}) then maps the model's probability to a
 * calibrated one.
 *
 * <pre>{@code
 * double[] x = fittedPipeline.transform(customer);      // one feature vector
 * double p = calibrator.calibrate(predictor.probability(x));
 * double[] why = predictor.contributions(x, 0);         // per-feature log-odds contributions
 * }</pre>
 *
 * <p>Contributions are exact: linear terms {@code w_j (x_j - mean_j)} for the linear form and
 * TreeSHAP values for the ensemble; with {@code expectedRawScore(0)} they add up to the model's
 * log-odds for that customer. Every class here is immutable and thread-safe.
 */
package io.github.churnkit.scoring.churn;
