package io.github.churnkit.scoring.churn;

/**
 * The runtime form of a classifier: reads a feature vector and gives class probabilities, raw
 * scores and per-feature contributions, from plain arrays and formulas only.
 *
 * <p><b>Outputs.</b> A model over {@code k} classes has {@link #outputCount()} raw outputs: one for
 * a binary model (the log-odds of class 1, the churn class) and {@code k} for a multi-class model
 * (the per-class margins that a softmax turns into probabilities).
 *
 * <p><b>Input.</b> Feature vectors have exactly {@link #featureCount()} entries; a vector of another
 * length is rejected with an {@link IllegalArgumentException}. NaN features are not rejected on the
 * scoring path (a check per call would cost time); what a NaN does is documented by each
 * implementation.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ChurnPredictor {

    /** Width of the feature vectors this predictor reads. */
    int featureCount();

    /** Number of classes, at least 2. */
    int classCount();

    /** Number of raw outputs: 1 for a binary model, {@link #classCount()} otherwise. */
    default int outputCount() {
        return classCount() == 2 ? 1 : classCount();
    }

    /**
     * Writes the probability of each class into {@code out} (length {@link #classCount()});
     * allocates nothing.
     *
     * @throws IllegalArgumentException if {@code x} or {@code out} has the wrong length
     */
    void probabilities(double[] x, double[] out);

    /**
     * The probability of class 1: the churn probability in a binary model. For a multi-class model
     * it is the probability of the class with index 1.
     */
    double probability(double[] x);

    /**
     * Raw output {@code output} (0 for a binary model): the log-odds of class 1 for a binary model,
     * the class margin for a multi-class model.
     */
    double rawScore(double[] x, int output);

    /**
     * The expected raw output over the training data (the base value of the contributions):
     * {@code rawScore(x, output) == expectedRawScore(output) + sum(contributions(x, output))} up to
     * rounding.
     */
    double expectedRawScore(int output);

    /**
     * Additive per-feature contributions to raw output {@code output}: exact linear contributions
     * for a linear model, exact TreeSHAP values for a tree ensemble. Allocates the result.
     */
    double[] contributions(double[] x, int output);

    /**
     * The probability of class 1 for each of {@code count} rows stored row-major in {@code rows}
     * (row {@code i} is {@code rows[i * featureCount() .. (i + 1) * featureCount())}), written into
     * {@code out[0 .. count)}; each value equals {@link #probability(double[])} of that row bit for bit.
     * Implementations may interleave rows to hide memory latency. The default copies each row into
     * one scratch array allocated per call (not per row).
     *
     * @throws IllegalArgumentException if {@code count} is negative or an array is too short
     */
    default void batchProbability(double[] rows, int count, double[] out) {
        int d = featureCount();
        if (count < 0 || rows.length < (long) count * d || out.length < count) {
            throw new IllegalArgumentException("batch of " + count + " rows needs " + (long) count * d
                    + " inputs and " + count + " outputs, found " + rows.length + " and " + out.length);
        }
        double[] x = new double[d];
        for (int i = 0; i < count; i++) {
            System.arraycopy(rows, i * d, x, 0, d);
            out[i] = probability(x);
        }
    }
}
