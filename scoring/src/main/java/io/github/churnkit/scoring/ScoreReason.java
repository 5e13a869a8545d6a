package io.github.churnkit.scoring;

import java.util.Objects;

/**
 * One reason behind a churn score: an input column, the customer's value of it, and how much it
 * moved the model's log-odds away from the average customer's. Contributions are exact: the linear
 * model's {@code w_j (x_j - reference_j)} or the tree ensemble's TreeSHAP values, summed over the
 * features computed from the same column (all one-hot indicators of a category, for example), on
 * the uncalibrated log-odds scale.
 *
 * @param column       the input column (or derived feature name, for a ratio of two columns)
 * @param value        the customer's raw value as text, {@code "missing"} when it was missing
 * @param contribution the change in log-odds, non-zero
 * @param direction    whether it raises or lowers the churn risk
 */
public record ScoreReason(String column, String value, double contribution, Direction direction) {

    /** Whether a reason raises or lowers the risk. */
    public enum Direction {
        /** The contribution is positive: this value makes churn more likely. */
        INCREASES_RISK,
        /** The contribution is negative: this value makes churn less likely. */
        DECREASES_RISK
    }

    /** Validates the fields. */
    public ScoreReason {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(direction, "direction");
        if (!Double.isFinite(contribution)) {
            throw new IllegalArgumentException("contribution of '" + column + "' must be finite, found " + contribution);
        }
    }
}
