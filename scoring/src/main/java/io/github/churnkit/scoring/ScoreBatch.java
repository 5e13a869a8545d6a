package io.github.churnkit.scoring;

/**
 * Caller-owned result arrays for {@link BoundScorer#scoreBatch}: allocate one per thread with the
 * largest batch size and reuse it, so scoring a batch allocates nothing per row. Reasons are not
 * part of batch scoring. Not thread-safe.
 */
public final class ScoreBatch {

    private final double[] probability;
    private final int[] band;
    private final int[] segment;
    private final double[] clv;
    private final double[] clvLow;
    private final double[] clvHigh;

    private ScoreBatch(int capacity) {
        this.probability = new double[capacity];
        this.band = new int[capacity];
        this.segment = new int[capacity];
        this.clv = new double[capacity];
        this.clvLow = new double[capacity];
        this.clvHigh = new double[capacity];
    }

    /**
     * Result arrays for up to {@code capacity} customers.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public static ScoreBatch withCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, found " + capacity);
        }
        return new ScoreBatch(capacity);
    }

    /** How many customers fit. */
    public int capacity() {
        return probability.length;
    }

    /** Calibrated churn probabilities, by position in the batch (the array itself, not a copy). */
    public double[] probabilities() {
        return probability;
    }

    /** Risk band indices ({@link io.github.churnkit.scoring.churn.RiskBands#names()}), by position (the array itself). */
    public int[] bands() {
        return band;
    }

    /**
     * Segment ids (-1 without a segment model), by position (the array itself);
     * {@link CustomerScorer#segmentName(int)} gives their names.
     */
    public int[] segmentIds() {
        return segment;
    }

    /** Expected CLV (NaN when unavailable), by position (the array itself). */
    public double[] clv() {
        return clv;
    }

    /** Lower ends of the CLV intervals ({@link CustomerScore#clvLow()}; NaN when unavailable), by position (the array itself). */
    public double[] clvLow() {
        return clvLow;
    }

    /** Upper ends of the CLV intervals ({@link CustomerScore#clvHigh()}; NaN when unavailable), by position (the array itself). */
    public double[] clvHigh() {
        return clvHigh;
    }
}
