package io.github.churnkit.models.churn;

import io.github.churnkit.features.FittedPipeline;
import java.util.List;
import java.util.Objects;

/**
 * Trains a {@link ChurnModel} on a feature matrix (one row per customer, finite values) and class
 * labels {@code 0..k-1} (for churn: 1 = churned). Implementations hold their settings and are
 * immutable and thread-safe; {@code fit} may be called from several threads.
 */
public interface ChurnTrainer {

    /**
     * Trains a model.
     *
     * @param x            feature rows, all of the same width, finite
     * @param y            class label per row, {@code 0..k-1}, every class present, at least two
     * @param featureNames one name per column
     * @throws IllegalArgumentException on an empty set, a single class, a missing (negative)
     *                                  label, non-finite features or mismatched sizes
     */
    ChurnModel fit(double[][] x, int[] y, List<String> featureNames);

    /** Trains a model on columns named {@code x0, x1, ...}. */
    default ChurnModel fit(double[][] x, int[] y) {
        return fit(x, y, Inputs.defaultNames(x));
    }

    /**
     * Trains a model on the output of a fitted feature pipeline, taking the feature names from it.
     *
     * @throws IllegalArgumentException if the matrix width differs from {@code pipeline.width()}
     *                                  (a matrix from another pipeline), besides the checks of
     *                                  {@link #fit(double[][], int[], List)}
     */
    default ChurnModel fit(FittedPipeline pipeline, double[][] x, int[] y) {
        Objects.requireNonNull(pipeline, "pipeline");
        int width = Inputs.width(x);
        if (width != pipeline.width()) {
            throw new IllegalArgumentException("the feature matrix has " + width
                    + " columns but the pipeline produces " + pipeline.width() + " features "
                    + pipeline.featureNames() + "; transform the table with this pipeline");
        }
        return fit(x, y, pipeline.featureNames());
    }

    /** The trainer's name, as recorded in provenance. */
    default String name() {
        return getClass().getSimpleName();
    }
}
