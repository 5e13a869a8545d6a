package io.github.churnkit.features;

import java.util.Arrays;

/** Order statistics and moments used when fitting; all inputs are free of NaN. */
final class Stats {

    private Stats() {
    }

    /**
     * The {@code p} quantile of ascending {@code sorted} values by linear interpolation between
     * order statistics (Hyndman and Fan 1996, definition 7; R's default): with
     * {@code h = (n - 1) p}, {@code x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])}.
     */
    static double quantile(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("quantile of no values");
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double frac = h - lo;
        return frac == 0.0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }

    /** A sorted copy. */
    static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    /** The arithmetic mean, summed in index order. */
    static double mean(double[] values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The population standard deviation around {@code mean} (two-pass). */
    static double sd(double[] values, double mean) {
        double ss = 0.0;
        for (double v : values) {
            double d = v - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / values.length);
    }

    /** The values that are not NaN, in order. */
    static double[] present(double[] values) {
        double[] out = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
