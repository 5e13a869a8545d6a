package io.github.churnkit.models.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maximum-likelihood estimates of a CLV model's parameters with their asymptotic covariance.
 *
 * <p>The covariance is the inverse of the observed information: the Hessian of the negative
 * log-likelihood at the optimum, computed by central differences of the analytic gradient in
 * log-parameters ({@code Σ_log = H_log^{-1}}) and mapped back with the delta method,
 * {@code Cov(θ_i, θ_j) = θ_i θ_j Σ_log[i][j]}. Standard errors are the square roots of its diagonal.
 * When the Hessian is not positive definite (a flat or degenerate optimum) every covariance entry is
 * NaN.
 *
 * <p>Immutable and thread-safe.
 */
public final class ParameterEstimates {

    private final List<String> names;
    private final double[] values;
    private final double[][] logCovariance;
    private final double logLikelihood;
    private final int iterations;

    ParameterEstimates(List<String> names, double[] logValues, double[][] logCovariance, double logLikelihood,
            int iterations) {
        this.names = List.copyOf(names);
        this.values = new double[logValues.length];
        for (int i = 0; i < logValues.length; i++) {
            values[i] = Math.exp(logValues[i]);
        }
        this.logCovariance = new double[logValues.length][];
        for (int i = 0; i < logValues.length; i++) {
            this.logCovariance[i] = logCovariance[i].clone();
        }
        this.logLikelihood = logLikelihood;
        this.iterations = iterations;
    }

    /** @return the parameter names, in order */
    public List<String> names() {
        return names;
    }

    /** @return the number of parameters */
    public int size() {
        return values.length;
    }

    /**
     * @param i parameter index
     * @return the estimate
     */
    public double value(int i) {
        return values[i];
    }

    /**
     * @param i parameter index
     * @return the asymptotic standard error, NaN when the Hessian was not positive definite
     */
    public double standardError(int i) {
        return Math.sqrt(covariance(i, i));
    }

    /**
     * @param name parameter name, as in {@link #names()}
     * @return the standard error of that parameter
     * @throws IllegalArgumentException for an unknown name
     */
    public double standardError(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown parameter '" + name + "', expected one of " + names);
        }
        return standardError(i);
    }

    /**
     * @param i first parameter index
     * @param j second parameter index
     * @return the asymptotic covariance of the two estimates
     */
    public double covariance(int i, int j) {
        return values[i] * values[j] * logCovariance[i][j];
    }

    /**
     * @param i first parameter index
     * @param j second parameter index
     * @return the asymptotic covariance of the log-estimates (used for intervals on positive scales)
     */
    public double logCovariance(int i, int j) {
        return logCovariance[i][j];
    }

    /** @return the maximised log-likelihood */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return optimiser iterations over all starting points */
    public int iterations() {
        return iterations;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            parts.add(String.format(Locale.ROOT, "%s=%.6g (se %.3g)", names.get(i), values[i], standardError(i)));
        }
        return String.format(Locale.ROOT, "%s, logLik=%.6f", String.join(", ", parts), logLikelihood);
    }
}
