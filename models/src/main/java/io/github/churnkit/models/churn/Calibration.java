package io.github.churnkit.models.churn;

/**
 * Which calibrator a trainer fits on held-out predictions (binary targets only; multi-class models
 * carry none).
 */
public enum Calibration {
    /** No calibrator: the model's own probabilities. */
    NONE,
    /** Platt scaling: a logistic curve on the model's log-odds (two parameters, robust on small data). */
    PLATT,
    /** Isotonic regression: a monotone step-wise map (flexible; wants a few thousand held-out rows). */
    ISOTONIC
}
