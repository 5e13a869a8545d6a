package io.github.churnkit.scoring.monitor;

import java.util.List;
import java.util.Objects;

/**
 * Drift of one batch: a result per input, in training column order, and one for the score.
 *
 * @param features one result per summarised input
 * @param score    the score's result
 */
public record DriftReport(List<DriftResult> features, DriftResult score) {

    /** Validates and copies. */
    public DriftReport {
        features = List.copyOf(features);
        Objects.requireNonNull(score, "score");
    }

    /** The most severe level over the inputs and the score. */
    public DriftLevel worst() {
        DriftLevel worst = score.level();
        for (DriftResult r : features) {
            if (r.level().compareTo(worst) > 0) {
                worst = r.level();
            }
        }
        return worst;
    }

    /** The inputs whose level is at least {@code level}, in order. */
    public List<DriftResult> atLeast(DriftLevel level) {
        Objects.requireNonNull(level, "level");
        return features.stream().filter(r -> r.level().compareTo(level) >= 0).toList();
    }
}
