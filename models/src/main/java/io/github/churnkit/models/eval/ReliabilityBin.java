package io.github.churnkit.models.eval;

/**
 * One bin of a reliability table: rows whose predicted probability lies in [lower, upper).
 *
 * @param lower         lower edge
 * @param upper         upper edge
 * @param count         rows in the bin
 * @param meanPredicted mean predicted probability (NaN when empty)
 * @param observedRate  share of churners (NaN when empty)
 */
public record ReliabilityBin(double lower, double upper, int count, double meanPredicted, double observedRate) {

    /** Validates the edges and count. */
    public ReliabilityBin {
        if (!(lower < upper) || count < 0) {
            throw new IllegalArgumentException("bad bin [" + lower + ", " + upper + ") with count " + count);
        }
    }
}
