package io.github.churnkit.models.churn;

/**
 * How a trainer counters class imbalance (few churners among many stayers).
 *
 * <p>{@link #BALANCED} gives class {@code c} the weight {@code n / (k * n_c)} (as scikit-learn's
 * {@code class_weight="balanced"}), so every class carries the same total weight. The logistic
 * trainer passes these weights to Tribuo as example weights. Smile's boosting has no example
 * weights, so the boosted trainer repeats each row of class {@code c} {@code round(w_c / min_w)}
 * times, which approximates the same weights. Re-weighting shifts the predicted probabilities
 * toward the rare class; the calibrator fitted afterwards brings them back, which is why it is
 * fitted on un-weighted held-out rows.
 */
public enum ClassWeighting {
    /** Every row counts once. */
    NONE,
    /** Classes weighted inversely to their frequency. */
    BALANCED;

    /** The weight of each class given the class counts. */
    double[] weights(int[] counts) {
        double[] w = new double[counts.length];
        long n = 0;
        for (int c : counts) {
            n += c;
        }
        for (int c = 0; c < counts.length; c++) {
            w[c] = this == NONE ? 1.0 : n / ((double) counts.length * counts[c]);
        }
        return w;
    }
}
