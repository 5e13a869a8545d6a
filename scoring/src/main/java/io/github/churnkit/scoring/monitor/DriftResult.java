package io.github.churnkit.scoring.monitor;

import java.util.Locale;
import java.util.Objects;

/**
 * Drift of one input (or of the score) in a new batch against training.
 *
 * @param name      the feature name, or {@link TrainingDistributions#SCORE} for the score
 * @param psi       population stability index over the stored bins (see {@link DriftMonitor}); not
 *                  negative
 * @param ks        binned two-sample Kolmogorov-Smirnov statistic in [0, 1] for numeric inputs and
 *                  the score; NaN for categorical inputs (their levels have no order) and when either
 *                  side has no non-missing value
 * @param level     the verdict from {@code psi}, see {@link DriftLevel#of(double)}
 * @param batchSize number of rows in the batch, including missing values
 */
public record DriftResult(String name, double psi, double ks, DriftLevel level, int batchSize) {

    /** Validates the fields. */
    public DriftResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        if (!(psi >= 0) || level != DriftLevel.of(psi)) {
            throw new IllegalArgumentException("psi " + psi + " does not match level " + level);
        }
        if (!Double.isNaN(ks) && !(ks >= 0 && ks <= 1)) {
            throw new IllegalArgumentException("ks must be in [0, 1] or NaN, found " + ks);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, found " + batchSize);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: PSI %.4f (%s), KS %.4f, n=%d", name, psi, level, ks, batchSize);
    }
}
