package io.github.churnkit.models.segment;

import java.util.Objects;

/**
 * A numeric (or boolean) column within one segment, against the whole base, in original units.
 * Missing values are left out of every statistic; NaN when a group has no value.
 *
 * @param column     the column name
 * @param mean       mean within the segment (for a boolean column: the share of 1s)
 * @param median     median within the segment (the mean of the two middle values for an even count)
 * @param baseMean   mean over all rows
 * @param baseMedian median over all rows
 * @param effect     {@code (mean - baseMean) / sd}, with {@code sd} the population standard deviation
 *                   over all rows (0 when {@code sd = 0}): how many standard deviations the segment
 *                   sits above (positive) or below the base
 */
public record NumericTrait(String column, double mean, double median, double baseMean, double baseMedian,
                           double effect) {

    /** Validates the column name. */
    public NumericTrait {
        Objects.requireNonNull(column, "column");
    }

    /** {@code mean - baseMean}. */
    public double difference() {
        return mean - baseMean;
    }
}
