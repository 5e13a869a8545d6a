package io.github.churnkit.models.explain;

import java.util.Objects;

/**
 * One column's contribution to a customer's churn log-odds: positive values raise the risk.
 *
 * @param column       the input column (or feature group)
 * @param contribution the summed contributions of its features, in log-odds
 */
public record Reason(String column, double contribution) {

    /** Validates the fields. */
    public Reason {
        Objects.requireNonNull(column, "column");
        if (Double.isNaN(contribution)) {
            throw new IllegalArgumentException("contribution of '" + column + "' is NaN");
        }
    }
}
