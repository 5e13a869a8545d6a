package io.github.churnkit.models.clv;

import java.util.Locale;

/**
 * Optimiser settings shared by the CLV fitters.
 *
 * @param maxIterations BFGS iterations per starting point, {@code >= 1}
 * @param tolerance convergence when every gradient component (in log-parameters) is at most
 *     {@code tolerance × max(1, |log-likelihood|)}; in {@code (0, 1e-2]}
 */
public record FitSettings(int maxIterations, double tolerance) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException on a value out of range
     */
    public FitSettings {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, found " + maxIterations);
        }
        if (!(tolerance > 0 && tolerance <= 1e-2)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tolerance must be in (0, 0.01], found %s", tolerance));
        }
    }

    /**
     * 500 iterations, tolerance 1e-9 (at 1e6 customers the remaining error in a log-parameter is then
     * about 1e-9, far below its standard error).
     *
     * @return the defaults
     */
    public static FitSettings defaults() {
        return new FitSettings(500, 1e-9);
    }

    /**
     * @param value iterations per starting point
     * @return a copy with maxIterations replaced
     */
    public FitSettings withMaxIterations(int value) {
        return new FitSettings(value, tolerance);
    }

    /**
     * @param value relative gradient tolerance
     * @return a copy with the tolerance replaced
     */
    public FitSettings withTolerance(double value) {
        return new FitSettings(maxIterations, value);
    }
}
