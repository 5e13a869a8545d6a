package io.github.churnkit.models.segment;

import java.util.Objects;

/**
 * How over- or under-represented one level of a categorical column is in a segment.
 *
 * @param column       the column name
 * @param level        the level
 * @param segmentShare share of the segment's non-missing values that are this level
 * @param baseShare    share of all non-missing values that are this level
 * @param lift         {@code segmentShare / baseShare}: above 1 over-represented, below 1 under
 */
public record LevelLift(String column, String level, double segmentShare, double baseShare, double lift) {

    /** Validates the names. */
    public LevelLift {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(level, "level");
    }

    /**
     * The difference in shares in units of the base's binomial standard deviation,
     * {@code (segmentShare - baseShare) / sqrt(baseShare (1 - baseShare))}; 0 when the base share
     * is 0 or 1. Comparable to {@link NumericTrait#effect()}, it ranks traits for naming.
     */
    public double effect() {
        double v = baseShare * (1 - baseShare);
        return v > 0 ? (segmentShare - baseShare) / Math.sqrt(v) : 0.0;
    }
}
