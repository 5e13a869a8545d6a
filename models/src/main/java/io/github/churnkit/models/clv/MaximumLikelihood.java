package io.github.churnkit.models.clv;

import java.util.List;

/** Multi-start maximum likelihood on log-parameters and the observed-information covariance. */
final class MaximumLikelihood {

    /** Coordinates beyond ±LOG_BOUND (e^30 ≈ 1e13) are infeasible for the optimiser. */
    static final double LOG_BOUND = 30.0;
    /** A log-parameter beyond ±RUNAWAY (e^16 ≈ 9e6) is reported as having run off. */
    static final double RUNAWAY = 16.0;
    private static final double HESSIAN_STEP = 1e-4;

    private MaximumLikelihood() {
    }

    /** Best optimum over the starting points, and whether any start reached a converged optimum. */
    record Outcome(Bfgs.Point best, int totalIterations) {
    }

    static Outcome run(Objective negLogLik, List<double[]> starts, int maxIterations, double tolerance) {
        Bfgs bfgs = new Bfgs(maxIterations, tolerance, LOG_BOUND);
        Bfgs.Point best = null;
        int iterations = 0;
        Bfgs.Point previousConverged = null;
        for (double[] start : starts) {
            Bfgs.Point p = bfgs.minimize(negLogLik, start);
            iterations += p.iterations();
            if (best == null || better(p, best)) {
                best = p;
            }
            if (p.converged()) {
                // two starts reaching the same optimum: the remaining starts would only cost time
                if (previousConverged != null && Math.abs(previousConverged.value() - p.value())
                        <= 1e-7 * Math.max(1.0, Math.abs(p.value()))) {
                    break;
                }
                previousConverged = p;
            }
        }
        return new Outcome(best, iterations);
    }

    private static boolean better(Bfgs.Point candidate, Bfgs.Point incumbent) {
        if (candidate.converged() != incumbent.converged() && Double.isFinite(candidate.value())
                && Math.abs(candidate.value() - incumbent.value()) <= 1e-6 * Math.max(1.0, Math.abs(incumbent.value()))) {
            return candidate.converged();
        }
        return candidate.value() < incumbent.value();
    }

    /**
     * Inverse of the Hessian of {@code f} at {@code x}, by central differences of the gradient
     * (symmetrised); all NaN when the Hessian is not positive definite.
     */
    static double[][] inverseHessian(Objective f, double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        double[] gPlus = new double[n];
        double[] gMinus = new double[n];
        double[] point = x.clone();
        for (int j = 0; j < n; j++) {
            point[j] = x[j] + HESSIAN_STEP;
            f.evaluate(point, gPlus);
            point[j] = x[j] - HESSIAN_STEP;
            f.evaluate(point, gMinus);
            point[j] = x[j];
            for (int i = 0; i < n; i++) {
                h[i][j] = (gPlus[i] - gMinus[i]) / (2 * HESSIAN_STEP);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double avg = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = avg;
                h[j][i] = avg;
            }
        }
        return choleskyInverse(h);
    }

    /** Inverse of a symmetric positive-definite matrix by Cholesky; all-NaN if not positive definite. */
    static double[][] choleskyInverse(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0) || !Double.isFinite(sum)) {
                        return nanMatrix(n);
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        // inverse of L (lower triangular), then A^{-1} = L^{-T} L^{-1}
        double[][] li = new double[n][n];
        for (int i = 0; i < n; i++) {
            li[i][i] = 1.0 / l[i][i];
            for (int j = 0; j < i; j++) {
                double sum = 0;
                for (int k = j; k < i; k++) {
                    sum -= l[i][k] * li[k][j];
                }
                li[i][j] = sum / l[i][i];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = Math.max(i, j); k < n; k++) {
                    sum += li[k][i] * li[k][j];
                }
                inv[i][j] = sum;
            }
        }
        return inv;
    }

    private static double[][] nanMatrix(int n) {
        double[][] m = new double[n][n];
        for (double[] row : m) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        return m;
    }
}
