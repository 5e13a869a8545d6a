/**
 * Churn trainers: logistic regression (Tribuo), gradient-boosted trees (Smile) and a no-skill
 * baseline, each returning an immutable {@link io.github.churnkit.models.churn.ChurnModel} that
 * holds a light runtime form from {@code io.github.churnkit.scoring.churn}, a calibrator fitted on
 * held-out folds, the model's own feature importance and its provenance.
 *
 * <pre>{@code
 * double[][] x = fittedPipeline.transform(trainingTable);   // features, one row per customer
 * int[] y = trainingTable.targetLabels();                   // 1 = churned
 * ChurnModel model = BoostedChurnTrainer.withDefaults().fit(x, y, fittedPipeline.featureNames());
 * double p = model.probability(x[0]);                       // calibrated churn probability
 * TreeEnsemble runtime = (TreeEnsemble) model.predictor();   // what the scorer ships
 * }</pre>
 *
 * <p>Settings are records ({@code LogisticChurnTrainer.Config}, {@code BoostedChurnTrainer.Config})
 * with {@code defaults()} chosen for churn data in general and {@code withX(..)} to change one
 * setting. Class imbalance: {@link io.github.churnkit.models.churn.ClassWeighting}. Calibration:
 * {@link io.github.churnkit.models.churn.Calibration} and
 * {@link io.github.churnkit.models.churn.CalibratorFitter}. Bad input (an empty set, one class,
 * missing labels, non-finite features) is rejected with an {@link IllegalArgumentException} that
 * names the row or class.
 */
package io.github.churnkit.models.churn;
