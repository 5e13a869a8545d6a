package io.github.churnkit.core.synthetic;

/**
 * Receives progress reports from a long generation run (for example writing ten million rows).
 * Called on the generating thread, at most about once per {@value #EVERY} rows and once at the end;
 * implementations should return quickly and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Rows between two reports. */
    int EVERY = 100_000;

    /** A listener that ignores all reports. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * Reports progress.
     *
     * @param done  rows (customers) finished so far
     * @param total rows (customers) in the run
     */
    void progress(long done, long total);
}
