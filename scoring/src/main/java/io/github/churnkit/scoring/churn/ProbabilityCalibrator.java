package io.github.churnkit.scoring.churn;

/**
 * Maps a model's probability of class 1 to a calibrated probability: among customers given
 * {@code calibrate(p) = 0.3}, about 30% should churn. Implementations are monotone non-decreasing,
 * immutable and thread-safe.
 */
public interface ProbabilityCalibrator {

    /**
     * The calibrated probability of {@code p}.
     *
     * @param p a probability in [0, 1]; NaN gives NaN
     * @return a probability in [0, 1]
     */
    double calibrate(double p);
}
