package io.github.churnkit.models.clv;

/**
 * A smooth function to minimise, with its gradient: the negative log-likelihood of a CLV model in
 * log-parameters. Package-private.
 */
@FunctionalInterface
interface Objective {

    /**
     * Evaluates the function and writes its gradient.
     *
     * @param x the point (not modified)
     * @param gradient receives ∂f/∂x_i; may be left unspecified when the value is not finite
     * @return f(x), or +∞ / NaN where the function is undefined (the optimiser backs off)
     */
    double evaluate(double[] x, double[] gradient);
}
