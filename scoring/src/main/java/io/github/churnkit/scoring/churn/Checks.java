package io.github.churnkit.scoring.churn;

import java.util.Locale;
import java.util.Objects;

/** Argument checks shared by the runtime forms. */
final class Checks {

    private Checks() {
    }

    static void width(double[] x, int expected, String what) {
        Objects.requireNonNull(x, what);
        if (x.length != expected) {
            throw new IllegalArgumentException(what + " has " + x.length + " entries, expected " + expected);
        }
    }

    static void output(int output, int count) {
        if (output < 0 || output >= count) {
            throw new IndexOutOfBoundsException("output " + output + " is outside 0.." + (count - 1));
        }
    }

    static void finite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, found "
                    + String.format(Locale.ROOT, "%s", v));
        }
    }

    /** Softmax in place, subtracting the maximum first (the order Smile uses). */
    static void softmax(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (d > max) {
                max = d;
            }
        }
        double z = 0.0;
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(v[i] - max);
            z += v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= z;
        }
    }
}
