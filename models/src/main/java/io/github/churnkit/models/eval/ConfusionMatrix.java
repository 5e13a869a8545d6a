package io.github.churnkit.models.eval;

/**
 * Counts at a threshold (rows with {@code p >= threshold} called churners) and the rates derived
 * from them. Precision is 0 when nobody is called, recall 0 when there is no churner, F1 0 when
 * precision and recall are both 0.
 *
 * @param threshold      the decision threshold
 * @param truePositives  churners called churners
 * @param falsePositives stayers called churners
 * @param trueNegatives  stayers called stayers
 * @param falseNegatives churners called stayers
 */
public record ConfusionMatrix(double threshold, int truePositives, int falsePositives, int trueNegatives,
        int falseNegatives) {

    /** Validates the counts. */
    public ConfusionMatrix {
        if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("counts must be non-negative");
        }
    }

    /** {@code TP / (TP + FP)}. */
    public double precision() {
        int called = truePositives + falsePositives;
        return called == 0 ? 0.0 : truePositives / (double) called;
    }

    /** {@code TP / (TP + FN)}. */
    public double recall() {
        int churners = truePositives + falseNegatives;
        return churners == 0 ? 0.0 : truePositives / (double) churners;
    }

    /** Harmonic mean of precision and recall. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** {@code (TP + TN) / n}. */
    public double accuracy() {
        int n = truePositives + falsePositives + trueNegatives + falseNegatives;
        return n == 0 ? 0.0 : (truePositives + trueNegatives) / (double) n;
    }
}
