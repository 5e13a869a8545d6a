package io.github.churnkit.spark;

/**
 * One customer's raw input values as a {@link BatchModel} reads them, addressed by the model's
 * input index: the record type {@link CustomerScorerModel} binds churnkit's bound scorer to, once.
 * The Spark side implements it as a reusable view over a Spark row, without allocating. Missing
 * values are NaN, null and {@link io.github.churnkit.core.DateColumn#MISSING}. Used by one thread
 * at a time.
 */
interface InputRow {

    /** The value of a NUMERIC input, or 0/1 for a BOOLEAN input; NaN when missing. */
    double number(int input);

    /** The level of a CATEGORICAL input; null when missing. */
    String category(int input);

    /** The epoch day of a DATE input, or {@link io.github.churnkit.core.DateColumn#MISSING}. */
    int epochDay(int input);
}
