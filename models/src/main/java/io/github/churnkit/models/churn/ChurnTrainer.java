package io.github.churnkit.models.churn;

import java.util.List;

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

    /** The trainer's name, as recorded in provenance. */
    default String name() {
        return getClass().getSimpleName();
    }
}
