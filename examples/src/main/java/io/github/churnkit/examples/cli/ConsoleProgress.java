package io.github.churnkit.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows the progress of a long step: a redrawn bar on an interactive terminal, plain log lines
 * (at most one per ten percent) otherwise, so that CI logs and pipes stay readable.
 *
 * <p>Not thread-safe; one instance per step.
 */
final class ConsoleProgress implements AutoCloseable {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final String label;
    private final boolean interactive;
    private final long startNanos;
    private long total;
    private int lastDecile = -1;
    private long lastDrawNanos;

    ConsoleProgress(PrintWriter out, String label, long total) {
        this(out, label, total, isTerminal());
    }

    ConsoleProgress(PrintWriter out, String label, long total, boolean interactive) {
        this(out, label, total, interactive, System.nanoTime());
    }

    /** A step that began at {@code startNanos} ({@link System#nanoTime()}), for "done in" times. */
    ConsoleProgress(PrintWriter out, String label, long total, boolean interactive, long startNanos) {
        this.startNanos = startNanos;
        this.out = out;
        this.label = label;
        this.total = Math.max(0, total);
        this.interactive = interactive;
    }

    /** True when standard error looks like an interactive terminal (and not under CI). */
    static boolean isTerminal() {
        return System.console() != null && System.getenv("CI") == null;
    }

    /** Changes the expected total (for steps whose size becomes known late). */
    void total(long newTotal) {
        this.total = Math.max(0, newTotal);
    }

    /** Reports that {@code done} of the total units are finished. */
    void update(long done) {
        double frac = total == 0 ? 1.0 : Math.min(1.0, done / (double) total);
        if (interactive) {
            long now = System.nanoTime();
            if (now - lastDrawNanos < 100_000_000L && done < total) {
                return;
            }
            lastDrawNanos = now;
            int filled = (int) Math.round(frac * WIDTH);
            out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                    + String.format(Locale.ROOT, "%3.0f%% %s", frac * 100, counts(done)));
            out.flush();
        } else {
            int decile = (int) Math.floor(frac * 10);
            if (decile > lastDecile) {
                lastDecile = decile;
                out.println(label + ": " + String.format(Locale.ROOT, "%.0f%%", decile * 10.0) + " " + counts(done));
                out.flush();
            }
        }
    }

    private String counts(long done) {
        return total > 0 ? "(" + done + "/" + total + ")" : "(" + done + ")";
    }

    @Override
    public void close() {
        double secs = (System.nanoTime() - startNanos) / 1e9;
        if (interactive) {
            out.println();
        }
        out.println(label + ": done in " + String.format(Locale.ROOT, "%.1f s", secs));
        out.flush();
    }
}
