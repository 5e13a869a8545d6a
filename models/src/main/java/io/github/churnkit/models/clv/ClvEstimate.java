package io.github.churnkit.models.clv;

/**
 * A customer's expected lifetime value with a confidence interval for it.
 *
 * @param value the point estimate (plug-in of the fitted parameters)
 * @param lower lower bound; NaN when the parameter covariance is unavailable
 * @param upper upper bound; NaN when the parameter covariance is unavailable
 * @param logStandardError delta-method standard error of {@code ln value}
 * @param level the confidence level of the interval
 */
public record ClvEstimate(double value, double lower, double upper, double logStandardError, double level) {
}
