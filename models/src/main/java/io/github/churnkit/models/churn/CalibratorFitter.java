package io.github.churnkit.models.churn;

import io.github.churnkit.scoring.churn.IsotonicCalibrator;
import io.github.churnkit.scoring.churn.PlattCalibrator;
import io.github.churnkit.scoring.churn.ProbabilityCalibrator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Fits probability calibrators on held-out predictions {@code p} and their 0/1 labels {@code y}.
 *
 * <ul>
 *   <li>{@link #platt}: Platt (1999) scaling {@code q = 1 / (1 + exp(-(a logit(p) + b)))}, fitted
 *       by Newton's method with step halving on the cross-entropy against Platt's smoothed targets
 *       {@code (N+ + 1) / (N+ + 2)} for positives and {@code 1 / (N- + 2)} for negatives (Lin, Lin
 *       and Weng 2007 give the numerically careful version followed here).</li>
 *   <li>{@link #isotonic}: isotonic regression by pool-adjacent-violators (Ayer et al. 1955): rows
 *       sorted by {@code p}, equal {@code p} pooled, then adjacent blocks merged while their label
 *       means decrease; each block becomes a knot (mean p, mean y).</li>
 * </ul>
 *
 * <p>Inputs must be non-empty, of equal length, with {@code p} in [0, 1] (NaN rejected) and labels
 * 0 or 1. Stateless and thread-safe.
 */
public final class CalibratorFitter {

    private static final int MAX_ITER = 100;

    private CalibratorFitter() {
    }

    /** Fits the calibrator {@code method} asks for; {@code null} for {@link Calibration#NONE}. */
    public static ProbabilityCalibrator fit(Calibration method, double[] p, int[] y) {
        return switch (Objects.requireNonNull(method, "method")) {
            case NONE -> null;
            case PLATT -> platt(p, y);
            case ISOTONIC -> isotonic(p, y);
        };
    }

    /**
     * Platt scaling of held-out probabilities.
     *
     * @throws IllegalArgumentException on bad input (see the class comment) or a single class
     * @throws IllegalStateException    if the fitted slope is not positive (the predictions do not
     *                                  rise with the label on these rows)
     */
    public static PlattCalibrator platt(double[] p, int[] y) {
        int positives = check(p, y);
        int n = p.length;
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("Platt scaling needs both classes, found " + positives
                    + " positives and " + negatives + " negatives");
        }
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double[] s = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = PlattCalibrator.logit(p[i]);
            t[i] = y[i] == 1 ? hi : lo;
        }
        double a = 1.0;
        double b = 0.0;
        double f = objective(s, t, a, b);
        for (int iter = 0; iter < MAX_ITER; iter++) {
            double g1 = 0;
            double g2 = 0;
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            for (int i = 0; i < n; i++) {
                double q = sigmoid(a * s[i] + b);
                double d = q - t[i];
                double w = q * (1 - q);
                g1 += d * s[i];
                g2 += d;
                h11 += w * s[i] * s[i];
                h22 += w;
                h21 += w * s[i];
            }
            if (Math.abs(g1) < 1e-9 * n && Math.abs(g2) < 1e-9 * n) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / det;
            double db = -(-h21 * g1 + h11 * g2) / det;
            double step = 1.0;
            double next = objective(s, t, a + da, b + db);
            while (next > f + 1e-4 * step * (g1 * da + g2 * db) && step > 1e-10) {
                step /= 2;
                next = objective(s, t, a + step * da, b + step * db);
            }
            if (step <= 1e-10) {
                break;
            }
            a += step * da;
            b += step * db;
            f = next;
        }
        if (!(a > 0)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "Platt slope fitted as %.4g: the held-out predictions do not rise with the label", a));
        }
        return PlattCalibrator.of(a, b);
    }

    private static double objective(double[] s, double[] t, double a, double b) {
        double f = 0;
        for (int i = 0; i < s.length; i++) {
            double z = a * s[i] + b;
            // -[t log q + (1 - t) log(1 - q)] = log(1 + e^z) - t z, written stably
            f += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t[i] * z;
        }
        return f;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
    }

    /**
     * Isotonic regression of held-out labels on held-out probabilities.
     *
     * @throws IllegalArgumentException on bad input (see the class comment)
     */
    public static IsotonicCalibrator isotonic(double[] p, int[] y) {
        check(p, y);
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (u, v) -> Double.compare(p[u], p[v]));
        double[] bx = new double[n];
        double[] by = new double[n];
        double[] bw = new double[n];
        int m = 0;
        double lastP = Double.NaN;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            // equal p values are adjacent and belong to the last block: pool them
            boolean tie = p[i] == lastP;
            lastP = p[i];
            if (tie) {
                bx[m - 1] += p[i];
                by[m - 1] += y[i];
                bw[m - 1] += 1;
            } else {
                bx[m] = p[i];
                by[m] = y[i];
                bw[m] = 1;
                m++;
            }
            // pool while the previous block's mean label exceeds the last one's
            while (m > 1 && by[m - 2] / bw[m - 2] > by[m - 1] / bw[m - 1]) {
                bx[m - 2] += bx[m - 1];
                by[m - 2] += by[m - 1];
                bw[m - 2] += bw[m - 1];
                m--;
            }
        }
        double[] kx = new double[m];
        double[] ky = new double[m];
        for (int k = 0; k < m; k++) {
            kx[k] = Math.min(1.0, Math.max(0.0, bx[k] / bw[k]));
            ky[k] = by[k] / bw[k];
            if (k > 0 && kx[k] <= kx[k - 1]) {
                // block means are strictly increasing in exact arithmetic; guard against rounding
                kx[k] = Math.nextUp(kx[k - 1]);
            }
            if (k > 0 && ky[k] < ky[k - 1]) {
                ky[k] = ky[k - 1];
            }
        }
        return IsotonicCalibrator.of(kx, ky);
    }

    /** Validates and returns the number of positives. */
    private static int check(double[] p, int[] y) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(y, "y");
        if (p.length == 0 || p.length != y.length) {
            throw new IllegalArgumentException("calibration needs equal, non-zero lengths, found p "
                    + p.length + " and y " + y.length);
        }
        int positives = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p[" + i + "] = " + p[i] + " is not a probability");
            }
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not 0 or 1");
            }
            positives += y[i];
        }
        return positives;
    }
}
