package io.github.churnkit.models.churn;

import java.util.List;
import java.util.Objects;

/**
 * A model's own global importance of each feature: total split gain for boosted trees (sum over
 * all splits on the feature of the squared-error reduction, as Smile reports it), standardised
 * coefficients for logistic regression (weight times the feature's training standard deviation:
 * the change in log-odds for a one-standard-deviation change), zero for the baseline.
 *
 * @param method   how the values were computed, e.g. {@code "gain"}
 * @param features feature names (copied)
 * @param values   one value per feature (copied)
 */
public record FeatureImportance(String method, List<String> features, List<Double> values) {

    /** Validates and copies the fields. */
    public FeatureImportance {
        Objects.requireNonNull(method, "method");
        features = List.copyOf(features);
        values = List.copyOf(values);
        if (features.size() != values.size()) {
            throw new IllegalArgumentException(features.size() + " features but " + values.size() + " values");
        }
    }

    static FeatureImportance of(String method, List<String> features, double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return new FeatureImportance(method, features, List.of(boxed));
    }
}
