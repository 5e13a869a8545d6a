package io.github.churnkit.models.churn;

import io.github.churnkit.scoring.churn.LinearPredictor;
import java.util.List;
import java.util.Map;

/**
 * The "no skill" model: predicts every customer's class probabilities as the training class
 * rates, whatever the features. Every evaluation report shows it beside the real models, so a
 * reader sees what a ROC-AUC of 0.5 and the base-rate Brier score {@code r (1 - r)} look like on
 * the same data.
 *
 * <p>Exported as a {@link LinearPredictor} with zero weights and intercept {@code log(r / (1 - r))}
 * (binary) or {@code log r_c} (multinomial). No calibrator. Immutable and thread-safe.
 */
public final class BaselineChurnTrainer implements ChurnTrainer {

    private BaselineChurnTrainer() {
    }

    /** The baseline trainer. */
    public static BaselineChurnTrainer create() {
        return new BaselineChurnTrainer();
    }

    @Override
    public ChurnModel fit(double[][] x, int[] y, List<String> featureNames) {
        long start = System.nanoTime();
        int k = Inputs.validate(x, y, featureNames);
        int p = x[0].length;
        int[] counts = Inputs.classCounts(y, k);
        LinearPredictor predictor;
        if (k == 2) {
            double r = counts[1] / (double) y.length;
            predictor = LinearPredictor.binary(new double[p], Math.log(r / (1 - r)), null);
        } else {
            double[][] w = new double[k][p];
            double[] b = new double[k];
            for (int c = 0; c < k; c++) {
                b[c] = Math.log(counts[c] / (double) y.length);
            }
            predictor = LinearPredictor.multinomial(w, b, null);
        }
        long millis = (System.nanoTime() - start) / 1_000_000L;
        TrainingProvenance provenance = new TrainingProvenance(name(), Map.of(), 0L, MatrixFingerprint.of(x, y), Versions.all(), millis);
        return new ChurnModel(predictor, null, featureNames,
                FeatureImportance.of("none (constant model)", featureNames, new double[p]), provenance);
    }
}
