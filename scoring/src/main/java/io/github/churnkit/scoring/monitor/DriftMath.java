package io.github.churnkit.scoring.monitor;

/** PSI and binned KS over matching bins of counts. */
final class DriftMath {

    /** Floor applied to each bin proportion before taking the logarithm in the PSI. */
    static final double EPSILON = 1e-4;

    private DriftMath() {
    }

    /**
     * PSI = sum_i (a_i - e_i) ln(a_i / e_i) with a_i, e_i the actual and expected bin proportions,
     * each floored at {@link #EPSILON}.
     */
    static double psi(long[] expected, long[] actual) {
        long te = sum(expected);
        long ta = sum(actual);
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.max((double) expected[i] / te, EPSILON);
            double a = Math.max((double) actual[i] / ta, EPSILON);
            psi += (a - e) * Math.log(a / e);
        }
        return Math.max(psi, 0.0);
    }

    /**
     * max_j |A_j - E_j| over the cumulative proportions of the first {@code ordered} bins,
     * normalised by those bins' totals; NaN if either total is zero.
     */
    static double ks(long[] expected, long[] actual, int ordered) {
        long te = 0;
        long ta = 0;
        for (int i = 0; i < ordered; i++) {
            te += expected[i];
            ta += actual[i];
        }
        if (te == 0 || ta == 0) {
            return Double.NaN;
        }
        long ce = 0;
        long ca = 0;
        double d = 0;
        for (int i = 0; i < ordered; i++) {
            ce += expected[i];
            ca += actual[i];
            d = Math.max(d, Math.abs((double) ca / ta - (double) ce / te));
        }
        return Math.min(d, 1.0);
    }

    /** a + b for non-negative counts, rejecting overflow with an IllegalArgumentException. */
    static long add(long a, long b, String name) {
        long s = a + b;
        if (s < 0) {
            throw new IllegalArgumentException("'" + name + "': counts overflow a long");
        }
        return s;
    }

    static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }
}
