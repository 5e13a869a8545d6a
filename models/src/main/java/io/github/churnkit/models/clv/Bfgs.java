package io.github.churnkit.models.clv;

import java.util.Arrays;

/**
 * Quasi-Newton (BFGS) minimiser with a backtracking Armijo line search, for the small, smooth
 * problems of CLV fitting (2–4 log-parameters). Nocedal &amp; Wright, Numerical Optimization (2006),
 * Algorithm 6.1 with the initial scaling of eq. 6.20.
 *
 * <p>Points whose coordinates leave {@code [-bound, bound]} are treated as infeasible, so a
 * parameter running off to 0 or ∞ stops at the bound instead of overflowing; the caller diagnoses
 * that case. Package-private; not thread-safe (one instance per fit).
 */
final class Bfgs {

    private static final double ARMIJO = 1e-4;
    private static final double MAX_STEP = 4.0;

    private final int maxIterations;
    private final double gradientTolerance;
    private final double bound;

    Bfgs(int maxIterations, double gradientTolerance, double bound) {
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.bound = bound;
    }

    /** Result of one minimisation (immutable; arrays copied in and out). */
    static final class Point {
        private final double[] x;
        private final double value;
        private final double[] gradient;
        private final int iterations;
        private final boolean converged;

        Point(double[] x, double value, double[] gradient, int iterations, boolean converged) {
            this.x = x.clone();
            this.value = value;
            this.gradient = gradient.clone();
            this.iterations = iterations;
            this.converged = converged;
        }

        double[] xCopy() {
            return x.clone();
        }

        double value() {
            return value;
        }

        int iterations() {
            return iterations;
        }

        boolean converged() {
            return converged;
        }

        double maxAbsGradient() {
            return maxAbs(gradient);
        }
    }

    Point minimize(Objective f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Point(x, Double.POSITIVE_INFINITY, g, 0, false);
        }
        double[][] h = identity(n);
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        int stalls = 0;
        for (int iter = 1; iter <= maxIterations; iter++) {
            if (converged(g, fx)) {
                return new Point(x, fx, g, iter - 1, true);
            }
            multiply(h, g, d);
            double slope = 0;
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
                slope += g[i] * d[i];
            }
            if (!(slope < 0)) {
                h = identity(n);
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = -dot(g, g);
            }
            double step = Math.min(1.0, MAX_STEP / maxAbs(d));
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int k = 0; k < 60; k++) {
                boolean inside = true;
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                    inside &= Math.abs(xNew[i]) <= bound;
                }
                if (inside) {
                    fNew = f.evaluate(xNew, gNew);
                    if (Double.isFinite(fNew) && allFinite(gNew) && fNew <= fx + ARMIJO * step * slope) {
                        accepted = true;
                        break;
                    }
                }
                step *= 0.5;
            }
            if (!accepted) {
                // no decrease along the direction: at the optimum to rounding, or against the bound
                return new Point(x, fx, g, iter, converged(g, fx) || nearlyFlat(g, fx));
            }
            double sy = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
                sy += s[i] * y[i];
                yy += y[i] * y[i];
            }
            double decrease = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * yy)) {
                if (iter == 1) {
                    h = identity(n);
                    scale(h, sy / yy);
                }
                update(h, s, y, sy);
            }
            stalls = decrease <= 1e-15 * Math.max(1.0, Math.abs(fNew)) ? stalls + 1 : 0;
            fx = fNew;
            if (stalls >= 3) {
                return new Point(x, fx, g, iter, converged(g, fx) || nearlyFlat(g, fx));
            }
        }
        return new Point(x, fx, g, maxIterations, converged(g, fx));
    }

    private boolean converged(double[] g, double fx) {
        return maxAbs(g) <= gradientTolerance * Math.max(1.0, Math.abs(fx));
    }

    private boolean nearlyFlat(double[] g, double fx) {
        return maxAbs(g) <= 1e3 * gradientTolerance * Math.max(1.0, Math.abs(fx));
    }

    /** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1/(yᵀs). */
    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double rho = 1.0 / sy;
        double[] hy = new double[n];
        multiply(h, y, hy);
        double yhy = dot(y, hy);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1.0;
        }
        return m;
    }

    private static void scale(double[][] m, double factor) {
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }

    private static void multiply(double[][] m, double[] v, double[] out) {
        for (int i = 0; i < v.length; i++) {
            double sum = 0;
            for (int j = 0; j < v.length; j++) {
                sum += m[i][j] * v[j];
            }
            out[i] = sum;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    private static boolean allFinite(double[] v) {
        return Arrays.stream(v).allMatch(Double::isFinite);
    }
}
