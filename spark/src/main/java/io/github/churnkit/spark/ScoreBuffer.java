package io.github.churnkit.spark;

import java.util.Locale;

/**
 * A reusable holder for one customer's score, filled by {@link BatchModel.RowScorer#score} on the
 * hot path (no allocation: the strings are the model's own band, segment and feature names).
 * Not thread-safe: one per partition task.
 */
final class ScoreBuffer {

    private final String[] reasonFeatures;
    private final double[] reasonContributions;
    private double churnProbability;
    private String riskBand;
    private int segmentId;
    private String segmentName;
    private double expectedClv;
    private int reasonCount;

    /** A buffer with room for {@code maxReasons} reasons. */
    ScoreBuffer(int maxReasons) {
        if (maxReasons < 0) {
            throw new IllegalArgumentException("maxReasons must be >= 0, found " + maxReasons);
        }
        reasonFeatures = new String[maxReasons];
        reasonContributions = new double[maxReasons];
    }

    /** Sets the churn probability, its risk band, the segment and the expected CLV, and clears the reasons. */
    void set(double probability, String band, int segment, String segmentLabel, double clv) {
        churnProbability = probability;
        riskBand = band;
        segmentId = segment;
        segmentName = segmentLabel;
        expectedClv = clv;
        reasonCount = 0;
    }

    /**
     * Appends a reason (a feature and its signed contribution to the churn score).
     *
     * @throws IllegalStateException if the buffer already holds {@link #capacity()} reasons
     */
    void addReason(String feature, double contribution) {
        if (reasonCount == reasonFeatures.length) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the score buffer holds at most %d reasons", reasonFeatures.length));
        }
        reasonFeatures[reasonCount] = feature;
        reasonContributions[reasonCount] = contribution;
        reasonCount++;
    }

    int capacity() {
        return reasonFeatures.length;
    }

    double churnProbability() {
        return churnProbability;
    }

    String riskBand() {
        return riskBand;
    }

    int segmentId() {
        return segmentId;
    }

    String segmentName() {
        return segmentName;
    }

    double expectedClv() {
        return expectedClv;
    }

    int reasonCount() {
        return reasonCount;
    }

    String reasonFeature(int k) {
        return reasonFeatures[k];
    }

    double reasonContribution(int k) {
        return reasonContributions[k];
    }
}
