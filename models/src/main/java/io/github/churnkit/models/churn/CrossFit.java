package io.github.churnkit.models.churn;

import io.github.churnkit.core.Splits;
import io.github.churnkit.scoring.churn.ChurnPredictor;
import java.util.function.BiFunction;

/** Out-of-fold predictions for fitting a calibrator on rows the model did not see. */
final class CrossFit {

    private CrossFit() {
    }

    /**
     * Checks that every class has at least {@code folds} rows, so that every training part of a
     * stratified split holds every class.
     */
    static void checkFolds(int[] y, int k, int folds) {
        int[] counts = Inputs.classCounts(y, k);
        for (int c = 0; c < k; c++) {
            if (counts[c] < folds) {
                throw new IllegalArgumentException("class " + c + " has " + counts[c]
                        + " rows; held-out calibration with " + folds + " folds needs at least " + folds
                        + " per class (use Calibration.NONE for tiny data)");
            }
        }
    }

    /**
     * The probability of class 1 for every row, each from a model trained on the other folds.
     */
    static double[] outOfFold(double[][] x, int[] y, int folds, long seed,
            BiFunction<double[][], int[], ChurnPredictor> fitter, TrainingListener listener) {
        int[] fold = Splits.stratifiedFolds(y, folds, seed);
        double[] p = new double[y.length];
        for (int f = 0; f < folds; f++) {
            int[] train = Splits.rowsNotIn(fold, f);
            int[] test = Splits.rowsIn(fold, f);
            ChurnPredictor m = fitter.apply(Inputs.rows(x, train), Inputs.labels(y, train));
            for (int i : test) {
                p[i] = m.probability(x[i]);
            }
            listener.progress("calibration fold", f + 1, folds);
        }
        return p;
    }
}
