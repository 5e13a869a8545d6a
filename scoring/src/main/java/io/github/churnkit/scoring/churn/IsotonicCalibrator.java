package io.github.churnkit.scoring.churn;

import java.util.Arrays;
import java.util.Objects;

/**
 * Isotonic calibration (Zadrozny and Elkan, "Transforming classifier scores into accurate multiclass
 * probability estimates", 2002): a non-decreasing piecewise-linear map through knots
 * {@code (x_i, y_i)}, as fitted by pool-adjacent-violators. Between knots the map interpolates
 * linearly; below the first knot it is {@code y_0} and above the last {@code y_last}.
 *
 * <p>Immutable and thread-safe; NaN gives NaN.
 */
public final class IsotonicCalibrator implements ProbabilityCalibrator {

    private final double[] x;
    private final double[] y;

    private IsotonicCalibrator(double[] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /**
     * A calibrator through the knots {@code (x[i], y[i])} (copied).
     *
     * @throws IllegalArgumentException if the arrays are empty or differ in length, {@code x} is not
     *                                  strictly increasing, {@code y} is not non-decreasing, or a
     *                                  value lies outside [0, 1]
     */
    public static IsotonicCalibrator of(double[] x, double[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("knots need equal, non-zero lengths, found x " + x.length
                    + " and y " + y.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 0 && x[i] <= 1) || !(y[i] >= 0 && y[i] <= 1)) {
                throw new IllegalArgumentException("knot " + i + " = (" + x[i] + ", " + y[i]
                        + ") lies outside [0, 1]");
            }
            if (i > 0 && !(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("knot x must increase strictly, found " + x[i - 1]
                        + " then " + x[i] + " at " + i);
            }
            if (i > 0 && y[i] < y[i - 1]) {
                throw new IllegalArgumentException("knot y must not decrease, found " + y[i - 1]
                        + " then " + y[i] + " at " + i);
            }
        }
        return new IsotonicCalibrator(x.clone(), y.clone());
    }

    /** A copy of the knots' inputs. */
    public double[] knotInputs() {
        return x.clone();
    }

    /** A copy of the knots' outputs. */
    public double[] knotOutputs() {
        return y.clone();
    }

    @Override
    public double calibrate(double p) {
        if (Double.isNaN(p)) {
            return Double.NaN;
        }
        if (p <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (p >= x[last]) {
            return y[last];
        }
        int i = Arrays.binarySearch(x, p);
        if (i >= 0) {
            return y[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double t = (p - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + t * (y[hi] - y[lo]);
    }

    @Override
    public String toString() {
        return "IsotonicCalibrator[" + x.length + " knots]";
    }
}
