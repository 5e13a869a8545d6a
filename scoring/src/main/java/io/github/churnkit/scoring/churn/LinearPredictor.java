package io.github.churnkit.scoring.churn;

import java.util.Objects;

/**
 * A linear classifier's runtime form: weights and intercepts.
 *
 * <p><b>Binary</b> ({@link #binary}): one weight vector {@code w} and intercept {@code b}; the
 * log-odds of class 1 is {@code z = b + sum_j w_j x_j} and {@code P(class 1) = 1 / (1 + exp(-z))}.
 * <b>Multinomial</b> ({@link #multinomial}): one weight vector and intercept per class, margins
 * {@code z_c = b_c + sum_j w_cj x_j} and probabilities {@code softmax(z)} (computed after subtracting
 * the largest margin, so large margins do not overflow).
 *
 * <p><b>Contributions</b> are exact: {@code w_cj (x_j - r_j)} against a reference vector {@code r}
 * (the training means, supplied by the trainer), and the base value is
 * {@code b_c + sum_j w_cj r_j}, so base plus contributions equals the margin.
 *
 * <p>A NaN feature makes every output NaN. Immutable and thread-safe; the arrays given to the
 * factories are copied.
 */
public final class LinearPredictor implements ChurnPredictor {

    private final double[][] weights;
    private final double[] intercepts;
    private final double[] reference;
    private final int classes;

    private LinearPredictor(double[][] weights, double[] intercepts, double[] reference, int classes) {
        this.weights = weights;
        this.intercepts = intercepts;
        this.reference = reference;
        this.classes = classes;
    }

    /**
     * A binary logistic model.
     *
     * @param weights   one weight per feature (copied); finite
     * @param intercept the intercept; finite
     * @param reference the reference point for contributions (copied), usually the training means;
     *                  {@code null} means the origin
     * @throws IllegalArgumentException on non-finite values or a reference of another width
     */
    public static LinearPredictor binary(double[] weights, double intercept, double[] reference) {
        Objects.requireNonNull(weights, "weights");
        return multinomialOrBinary(new double[][] {weights.clone()}, new double[] {intercept}, reference, 2);
    }

    /**
     * A multinomial (softmax) model with one row of weights per class.
     *
     * @param weights    {@code weights[c][j]}, at least 3 rows of equal width (copied)
     * @param intercepts one per class (copied)
     * @param reference  as for {@link #binary}
     * @throws IllegalArgumentException on fewer than 3 classes, ragged rows, mismatched lengths or
     *                                  non-finite values
     */
    public static LinearPredictor multinomial(double[][] weights, double[] intercepts, double[] reference) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(intercepts, "intercepts");
        if (weights.length < 3) {
            throw new IllegalArgumentException("a multinomial model needs at least 3 classes, found "
                    + weights.length + " (use binary(..) for 2)");
        }
        if (intercepts.length != weights.length) {
            throw new IllegalArgumentException("intercepts has " + intercepts.length
                    + " entries but there are " + weights.length + " weight rows");
        }
        double[][] w = new double[weights.length][];
        for (int c = 0; c < w.length; c++) {
            w[c] = Objects.requireNonNull(weights[c], "weights row " + c).clone();
        }
        return multinomialOrBinary(w, intercepts.clone(), reference, weights.length);
    }

    private static LinearPredictor multinomialOrBinary(double[][] w, double[] b, double[] reference,
            int classes) {
        int p = w[0].length;
        for (int c = 0; c < w.length; c++) {
            if (w[c].length != p) {
                throw new IllegalArgumentException("weight row " + c + " has " + w[c].length
                        + " entries but row 0 has " + p);
            }
            for (int j = 0; j < p; j++) {
                Checks.finite(w[c][j], "weight [" + c + "][" + j + "]");
            }
            Checks.finite(b[c], "intercept " + c);
        }
        double[] r = new double[p];
        if (reference != null) {
            Checks.width(reference, p, "reference");
            for (int j = 0; j < p; j++) {
                Checks.finite(reference[j], "reference[" + j + "]");
            }
            r = reference.clone();
        }
        return new LinearPredictor(w, b, r, classes);
    }

    @Override
    public int featureCount() {
        return reference.length;
    }

    @Override
    public int classCount() {
        return classes;
    }

    /** A copy of the weights of output {@code output}. */
    public double[] weights(int output) {
        Checks.output(output, weights.length);
        return weights[output].clone();
    }

    /** The intercept of output {@code output}. */
    public double intercept(int output) {
        Checks.output(output, weights.length);
        return intercepts[output];
    }

    /** A copy of the reference point of the contributions. */
    public double[] reference() {
        return reference.clone();
    }

    private double margin(double[] x, int c) {
        double[] w = weights[c];
        double z = intercepts[c];
        for (int j = 0; j < w.length; j++) {
            z += w[j] * x[j];
        }
        return z;
    }

    @Override
    public void probabilities(double[] x, double[] out) {
        Checks.width(x, reference.length, "x");
        Checks.width(out, classes, "out");
        if (classes == 2) {
            double p1 = sigmoid(margin(x, 0));
            out[0] = 1.0 - p1;
            out[1] = p1;
            return;
        }
        for (int c = 0; c < classes; c++) {
            out[c] = margin(x, c);
        }
        Checks.softmax(out);
    }

    @Override
    public double probability(double[] x) {
        Checks.width(x, reference.length, "x");
        if (classes == 2) {
            return sigmoid(margin(x, 0));
        }
        double[] out = new double[classes];
        probabilities(x, out);
        return out[1];
    }

    @Override
    public double rawScore(double[] x, int output) {
        Checks.width(x, reference.length, "x");
        Checks.output(output, weights.length);
        return margin(x, output);
    }

    @Override
    public double expectedRawScore(int output) {
        Checks.output(output, weights.length);
        return margin(reference, output);
    }

    @Override
    public double[] contributions(double[] x, int output) {
        Checks.width(x, reference.length, "x");
        Checks.output(output, weights.length);
        double[] w = weights[output];
        double[] phi = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            phi[j] = w[j] * (x[j] - reference[j]);
        }
        return phi;
    }

    @Override
    public void batchProbability(double[] rows, int count, double[] out) {
        int d = reference.length;
        if (classes != 2) {
            ChurnPredictor.super.batchProbability(rows, count, out);
            return;
        }
        if (count < 0 || rows.length < (long) count * d || out.length < count) {
            throw new IllegalArgumentException("batch of " + count + " rows needs " + (long) count * d
                    + " inputs and " + count + " outputs, found " + rows.length + " and " + out.length);
        }
        double[] w = weights[0];
        double b = intercepts[0];
        for (int i = 0, o = 0; i < count; i++, o += d) {
            double z = b;
            for (int j = 0; j < d; j++) {
                z += w[j] * rows[o + j];
            }
            out[i] = sigmoid(z);
        }
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
    }
}
