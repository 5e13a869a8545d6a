package io.github.churnkit.scoring.clv;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/** Composite Gauss-Legendre quadrature (commons-math rules): an independent numerical reference. */
final class Quadrature {

    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();

    private Quadrature() {
    }

    /** ∫_lo^hi f, split into {@code pieces} equal panels with a 32-point rule each. */
    static double integrate(DoubleUnaryOperator f, double lo, double hi, int pieces) {
        double width = (hi - lo) / pieces;
        double sum = 0;
        for (int i = 0; i < pieces; i++) {
            GaussIntegrator rule = FACTORY.legendre(32, lo + i * width, lo + (i + 1) * width);
            sum += rule.integrate(f::applyAsDouble);
        }
        return sum;
    }

    /**
     * {@code E[h(p)]} for p ~ Beta(a, b). The interval is split at 1/2; on the left the substitution
     * {@code p = u^m} (integer {@code m >= 6/a}) turns {@code p^{a−1} dp} into the smooth
     * {@code m u^{ma−1} du}, on the right {@code 1 − p = v^k} does the same for {@code (1 − p)^{b−1}}.
     */
    static double betaExpectation(DoubleUnaryOperator h, double a, double b) {
        double logBeta = org.apache.commons.math3.special.Beta.logBeta(a, b);
        int m = (int) Math.ceil(6.0 / a);
        int k = (int) Math.ceil(6.0 / b);
        double left = integrate(u -> {
            double p = Math.pow(u, m);
            return m * Math.pow(u, m * a - 1) * h.applyAsDouble(p) * Math.pow(1 - p, b - 1);
        }, 0.0, Math.pow(0.5, 1.0 / m), 64);
        double right = integrate(v -> {
            double q = Math.pow(v, k);
            return k * Math.pow(v, k * b - 1) * h.applyAsDouble(1 - q) * Math.pow(1 - q, a - 1);
        }, 0.0, Math.pow(0.5, 1.0 / k), 64);
        return (left + right) / Math.exp(logBeta);
    }
}
