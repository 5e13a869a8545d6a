package io.github.churnkit.models.segment;

/**
 * Receives progress while {@link KMeansSegmenter} fits: one call after every k-means run.
 * Called on the fitting thread; implementations should return quickly.
 */
@FunctionalInterface
public interface FitListener {

    /** A listener that ignores everything. */
    FitListener NONE = (done, total, k, inertia) -> { };

    /**
     * One k-means run has finished.
     *
     * @param done    runs finished so far
     * @param total   runs planned in all
     * @param k       the number of segments of this run
     * @param inertia its inertia
     */
    void runFinished(int done, int total, int k, double inertia);
}
