package io.github.churnkit.spark;

import io.github.churnkit.scoring.ScoreReason;
import java.util.Locale;

/**
 * Reusable result arrays for one chunk of customers, filled by {@link BatchModel.ChunkScorer#score}
 * on the hot path: position {@code i} holds row {@code i}'s churn probability, risk band, segment,
 * expected CLV with its interval bounds (NaN when there is none) and up to {@link #maxReasons()} reasons (column, value as text, contribution,
 * direction), largest first. Filling it allocates nothing: the strings stored are the model's own
 * band, segment and column names and the reasons' value strings. Not thread-safe: one per
 * partition task.
 */
final class ScoreBuffer {

    /** Rows per chunk: the churn model's batch walk takes 1,024 rows at a time. */
    static final int CHUNK = 1024;

    private final int maxReasons;
    private final double[] churnProbability;
    private final String[] riskBand;
    private final int[] segmentId;
    private final String[] segmentName;
    private final double[] expectedClv;
    private final double[] expectedClvLow;
    private final double[] expectedClvHigh;
    private final int[] reasonCount;
    // reason k of row i at i * maxReasons + k
    private final String[] reasonColumn;
    private final String[] reasonValue;
    private final double[] reasonContribution;
    private final ScoreReason.Direction[] reasonDirection;

    /**
     * Room for {@code capacity} rows with at most {@code maxReasons} reasons each.
     *
     * @throws IllegalArgumentException if {@code capacity < 1} or {@code maxReasons < 0}
     */
    ScoreBuffer(int capacity, int maxReasons) {
        if (capacity < 1 || maxReasons < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a score buffer needs capacity >= 1 and maxReasons >= 0, found %d and %d", capacity, maxReasons));
        }
        this.maxReasons = maxReasons;
        churnProbability = new double[capacity];
        riskBand = new String[capacity];
        segmentId = new int[capacity];
        segmentName = new String[capacity];
        expectedClv = new double[capacity];
        expectedClvLow = new double[capacity];
        expectedClvHigh = new double[capacity];
        reasonCount = new int[capacity];
        reasonColumn = new String[capacity * maxReasons];
        reasonValue = new String[capacity * maxReasons];
        reasonContribution = new double[capacity * maxReasons];
        reasonDirection = new ScoreReason.Direction[capacity * maxReasons];
    }

    /**
     * Sets row {@code row}'s churn probability, risk band, segment, expected CLV and the CLV
     * interval's bounds ({@code clvLow}, {@code clvHigh}: NaN when the model gives none), and clears
     * its reasons.
     */
    void set(int row, double probability, String band, int segment, String segmentLabel, double clv, double clvLow,
             double clvHigh) {
        churnProbability[row] = probability;
        riskBand[row] = band;
        segmentId[row] = segment;
        segmentName[row] = segmentLabel;
        expectedClv[row] = clv;
        expectedClvLow[row] = clvLow;
        expectedClvHigh[row] = clvHigh;
        reasonCount[row] = 0;
    }

    /**
     * Appends a reason to row {@code row}: the input column, the customer's value of it as text
     * ({@code "missing"} when missing), its signed contribution to the churn log-odds and its
     * direction.
     *
     * @throws IllegalStateException if the row already holds {@link #maxReasons()} reasons
     */
    void addReason(int row, String column, String value, double contribution, ScoreReason.Direction direction) {
        int k = reasonCount[row];
        if (k == maxReasons) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the score buffer holds at most %d reasons per row (row %d)", maxReasons, row));
        }
        int at = row * maxReasons + k;
        reasonColumn[at] = column;
        reasonValue[at] = value;
        reasonContribution[at] = contribution;
        reasonDirection[at] = direction;
        reasonCount[row] = k + 1;
    }

    /** How many rows fit. */
    int capacity() {
        return churnProbability.length;
    }

    /** The most reasons a row holds. */
    int maxReasons() {
        return maxReasons;
    }

    double churnProbability(int row) {
        return churnProbability[row];
    }

    String riskBand(int row) {
        return riskBand[row];
    }

    int segmentId(int row) {
        return segmentId[row];
    }

    String segmentName(int row) {
        return segmentName[row];
    }

    double expectedClv(int row) {
        return expectedClv[row];
    }

    double expectedClvLow(int row) {
        return expectedClvLow[row];
    }

    double expectedClvHigh(int row) {
        return expectedClvHigh[row];
    }

    int reasonCount(int row) {
        return reasonCount[row];
    }

    String reasonColumn(int row, int k) {
        return reasonColumn[row * maxReasons + k];
    }

    String reasonValue(int row, int k) {
        return reasonValue[row * maxReasons + k];
    }

    double reasonContribution(int row, int k) {
        return reasonContribution[row * maxReasons + k];
    }

    ScoreReason.Direction reasonDirection(int row, int k) {
        return reasonDirection[row * maxReasons + k];
    }
}
