package io.github.churnkit.examples.cli;

import java.io.PrintWriter;

/**
 * Turns "stage, done, total" progress calls from the library's listeners into one
 * {@link ConsoleProgress} per stage: a new stage closes the previous bar and opens the next.
 * Silent when {@code quiet}. Not thread-safe (listeners are called on the working thread).
 */
final class StageProgress implements AutoCloseable {

    private final PrintWriter out;
    private final boolean quiet;
    private String stage;
    private ConsoleProgress bar;
    private long lastNanos = System.nanoTime();

    StageProgress(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    /** Reports progress of {@code name}. */
    void progress(String name, long done, long total) {
        if (quiet) {
            return;
        }
        if (!name.equals(stage)) {
            close();
            stage = name;
            bar = new ConsoleProgress(out, name, total, ConsoleProgress.isTerminal(), lastNanos);
        }
        bar.total(total);
        bar.update(done);
        lastNanos = System.nanoTime();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
            stage = null;
        }
    }
}
