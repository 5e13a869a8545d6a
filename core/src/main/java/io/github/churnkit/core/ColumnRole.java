package io.github.churnkit.core;

/**
 * What a column is used for.
 *
 * <p>The role is independent of the {@link ColumnType}: a {@code TARGET} column is usually
 * {@link ColumnType#BOOLEAN} (churned yes/no) but may be {@link ColumnType#CATEGORICAL} for a
 * multi-class label such as a plan change (upgrade / downgrade / stay).
 */
public enum ColumnRole {
    /** Identifies the customer; never used as a model input. */
    ID,
    /** The label a model learns to predict. */
    TARGET,
    /** A model input. */
    FEATURE,
    /** Kept out of models (for example free text or a leaking column). */
    IGNORED
}
