package io.github.churnkit.scoring.clv;

import java.util.Locale;

/**
 * The few special functions the CLV formulas need, written here so that the scoring module stays
 * free of numerical libraries.
 *
 * <p>All methods are pure functions of their arguments and thread-safe.
 */
final class ClvMath {

    /** Lanczos coefficients for g = 7, n = 9 (the widely published set, relative error ~1e-15). */
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7
    };
    private static final double LANCZOS_G = 7.0;
    private static final double HALF_LOG_TWO_PI = 0.91893853320467274178;
    private static final int MAX_SERIES_TERMS = 5_000_000;

    private ClvMath() {
    }

    /**
     * The geometric sum {@code Σ_{k=0}^{n−1} w^k = (1 − w^n)/(1 − w)} for {@code 0 <= w <= 1}, by binary
     * powering over the bits of {@code n}: with {@code S(m)} the sum of {@code m} terms,
     * {@code S(2m) = S(m)(1 + w^m)} and {@code S(m + 1) = 1 + w S(m)}. Every operation adds or
     * multiplies non-negative numbers, so nothing cancels (unlike {@code (1 − w^n)/(1 − w)} for
     * {@code w} near 1, which needs an {@code expm1}), and the relative error is at most about
     * {@code 4 log2(n)} units in the last place. O(log n) operations, no transcendental call: on the
     * benchmark machine about 12 ns for {@code n = 36}, against about 60 ns for the
     * {@code log}/{@code exp} form it replaced.
     *
     * @param w the ratio, in [0, 1]
     * @param n the number of terms, {@code >= 0}
     * @return the sum; {@code n} for {@code w = 1}, 1 for {@code w = 0} and {@code n >= 1}, 0 for {@code n = 0}
     */
    static double geometricSum(double w, int n) {
        double sum = 0.0; // S(m) for m = the leading bits of n read so far
        double power = 1.0; // w^m
        for (int bit = Integer.highestOneBit(n); bit != 0; bit >>>= 1) {
            sum += sum * power;
            power *= power;
            if ((n & bit) != 0) {
                sum = 1.0 + w * sum;
                power *= w;
            }
        }
        return sum;
    }

    /**
     * Natural logarithm of the gamma function for {@code x > 0} (Lanczos approximation; for
     * {@code x < 0.5} through {@code lnΓ(x) = lnΓ(x + 1) − ln x}).
     *
     * @return {@code ln Γ(x)}; NaN for NaN or {@code x <= 0}; {@code +∞} for {@code x = +∞}
     */
    static double logGamma(double x) {
        if (Double.isNaN(x) || x <= 0) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < 0.5) {
            return logGamma(x + 1.0) - Math.log(x);
        }
        double z = x - 1.0;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + LANCZOS_G + 0.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** {@code ln B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a + b)} for positive arguments. */
    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /**
     * Gauss hypergeometric function {@code 2F1(a, b; c; z)} by its power series
     * {@code Σ_k (a)_k (b)_k / ((c)_k k!) z^k}, for {@code 0 <= z < 1} and c not a non-positive integer.
     *
     * <p>The series converges for {@code |z| < 1}; near {@code z = 1} it needs many terms (about
     * {@code 40 / (1 − z)}), which is acceptable for the horizons and discount rates CLV uses.
     *
     * @throws IllegalArgumentException if {@code z} is outside {@code [0, 1)} or c is 0, −1, −2, …
     * @throws ArithmeticException if the series has not converged after five million terms
     */
    static double hyp2f1(double a, double b, double c, double z) {
        return 1.0 + hyp2f1Minus1(a, b, c, z);
    }

    /**
     * {@code 2F1(a, b; c; z) − 1}, summed without the leading 1 so that it keeps full relative
     * accuracy when it is small; same domain and errors as {@link #hyp2f1(double, double, double, double)}.
     */
    static double hyp2f1Minus1(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "2F1 needs 0 <= z < 1, found z=%s", z));
        }
        if (!(c > 0) && (Double.isNaN(c) || c == Math.rint(c))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "2F1 is undefined for c = 0, -1, -2, ..., found c=%s", c));
        }
        double term = 1.0;
        double sum = 0.0;
        for (int k = 0; k < MAX_SERIES_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
            sum += term;
            if (term == 0.0 || (Math.abs(term) <= 1e-17 * Math.abs(sum) && k > 2)) {
                return sum;
            }
        }
        throw new ArithmeticException(String.format(Locale.ROOT,
                "2F1(%s, %s; %s; %s) series did not converge", a, b, c, z));
    }
}
