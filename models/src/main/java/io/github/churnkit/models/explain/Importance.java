package io.github.churnkit.models.explain;

import java.util.Objects;

/**
 * One column's permutation importance: the mean and sample standard deviation, over repeats, of
 * the loss in ROC-AUC when the column's values are shuffled among the evaluation rows.
 *
 * @param column the input column (or feature group)
 * @param mean   mean drop in ROC-AUC (can be slightly negative for a useless column)
 * @param sd     standard deviation of the drop over repeats (0 with one repeat)
 */
public record Importance(String column, double mean, double sd) {

    /** Validates the fields. */
    public Importance {
        Objects.requireNonNull(column, "column");
    }
}
