package io.github.churnkit.models.churn;

import java.util.SplittableRandom;

/**
 * Simulated churn data with known effects: logit P(churn) = -1 + 1.0 x0 - 0.8 x1 + 0.6 x2 (x2
 * binary) + 0.5 x3^2 - 0.5 (x3^2 has mean 1: a non-linear effect), x4 pure noise.
 */
final class Simulated {

    static final double[] BETA = {1.0, -0.8, 0.6};

    final double[][] x;
    final int[] y;
    final double[] trueProbability;

    private Simulated(double[][] x, int[] y, double[] p) {
        this.x = x;
        this.y = y;
        this.trueProbability = p;
    }

    static Simulated binary(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][5];
        int[] y = new int[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = x[i];
            r[0] = gaussian(rng);
            r[1] = gaussian(rng) * 2 + 3;
            r[2] = rng.nextDouble() < 0.3 ? 1 : 0;
            r[3] = gaussian(rng);
            r[4] = rng.nextDouble();
            double z = -1 + BETA[0] * r[0] + BETA[1] * (r[1] - 3) / 2 + BETA[2] * r[2] + 0.5 * (r[3] * r[3] - 1);
            p[i] = 1 / (1 + Math.exp(-z));
            y[i] = rng.nextDouble() < p[i] ? 1 : 0;
        }
        return new Simulated(x, y, p);
    }

    /** Three classes: class = argmax of (0, x0 + noise, -x0 + x1 + noise) with Gumbel noise (a multinomial logit). */
    static Simulated threeClass(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = gaussian(rng);
            x[i][1] = gaussian(rng);
            x[i][2] = gaussian(rng);
            double[] u = {0, 1.5 * x[i][0], -1.5 * x[i][0] + x[i][1]};
            int best = 0;
            double bestV = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 3; c++) {
                double v = u[c] - Math.log(-Math.log(rng.nextDouble()));
                if (v > bestV) {
                    bestV = v;
                    best = c;
                }
            }
            y[i] = best;
        }
        return new Simulated(x, y, null);
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
