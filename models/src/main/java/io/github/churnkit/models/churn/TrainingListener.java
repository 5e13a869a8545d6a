package io.github.churnkit.models.churn;

/**
 * Receives progress from long training work, e.g. to drive a progress bar. Called on the training
 * thread; implementations should return quickly.
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = (stage, done, total) -> { };

    /**
     * Reports that {@code done} of {@code total} steps of {@code stage} (for example
     * {@code "fold"} or {@code "final model"}) are finished.
     */
    void progress(String stage, int done, int total);
}
