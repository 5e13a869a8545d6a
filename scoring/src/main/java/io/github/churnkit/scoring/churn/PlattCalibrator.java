package io.github.churnkit.scoring.churn;

import java.util.Locale;

/**
 * Platt scaling (Platt, "Probabilistic outputs for support vector machines", 1999): a logistic
 * curve on the model's log-odds, {@code q = 1 / (1 + exp(-(a * logit(p) + b)))}, with
 * {@code logit(p) = log(p / (1 - p))}. Probabilities are clamped to
 * [{@value #EPS}, 1 - {@value #EPS}] before the logit so that 0 and 1 stay finite.
 *
 * <p>Immutable and thread-safe; NaN gives NaN.
 */
public final class PlattCalibrator implements ProbabilityCalibrator {

    /** The clamp applied to probabilities before taking their logit. */
    public static final double EPS = 1e-15;

    private final double a;
    private final double b;

    private PlattCalibrator(double a, double b) {
        this.a = a;
        this.b = b;
    }

    /**
     * A Platt calibrator with slope {@code a} (positive, so the map is increasing) and offset
     * {@code b}.
     *
     * @throws IllegalArgumentException if {@code a} is not positive and finite or {@code b} is not finite
     */
    public static PlattCalibrator of(double a, double b) {
        if (!(a > 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("Platt slope must be positive and finite, found "
                    + String.format(Locale.ROOT, "%s", a));
        }
        Checks.finite(b, "Platt offset");
        return new PlattCalibrator(a, b);
    }

    /** The slope {@code a}. */
    public double slope() {
        return a;
    }

    /** The offset {@code b}. */
    public double offset() {
        return b;
    }

    /** {@code log(p / (1 - p))} after clamping {@code p} to [EPS, 1 - EPS]. */
    public static double logit(double p) {
        double q = Math.min(1.0 - EPS, Math.max(EPS, p));
        return Math.log(q / (1.0 - q));
    }

    @Override
    public double calibrate(double p) {
        if (Double.isNaN(p)) {
            return Double.NaN;
        }
        return LinearPredictor.sigmoid(a * logit(p) + b);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PlattCalibrator[a=%.6g, b=%.6g]", a, b);
    }
}
