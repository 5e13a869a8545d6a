package io.github.churnkit.core.synthetic;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Gamma, beta, normal and exponential random variates drawn from a caller's seeded
 * {@link SplittableRandom}. The algorithms are written out here (rather than taken from a library
 * or from {@code RandomGenerator.nextGaussian()}, whose algorithm the JDK does not pin down) so that
 * a seed gives the same numbers on every JVM. For the same reason logarithms, exponentials and
 * powers use {@link StrictMath} (bit-identical everywhere) rather than {@link Math} (whose
 * intrinsics may differ by one ulp between platforms); square roots are exactly rounded in both.
 *
 * <ul>
 *   <li><b>Gamma(shape k, rate b)</b>: Marsaglia and Tsang (2000), "A simple method for generating
 *       gamma variables", ACM Transactions on Mathematical Software 26(3):363-372. For
 *       {@code k >= 1}: with {@code d = k - 1/3}, {@code c = 1/sqrt(9d)}, draw a standard normal
 *       {@code z} and {@code U ~ U(0,1)}, set {@code v = (1 + cz)^3}; accept {@code d v} when
 *       {@code v > 0} and {@code ln U < z^2/2 + d - d v + d ln v}. For {@code k < 1} the same paper's
 *       boost: {@code Gamma(k) = Gamma(k + 1) U^(1/k)}. The result is divided by the rate.
 *       Mean {@code k/b}, variance {@code k/b^2}.</li>
 *   <li><b>Beta(a, b)</b>: {@code X / (X + Y)} with {@code X ~ Gamma(a, 1)}, {@code Y ~ Gamma(b, 1)}
 *       (for example Devroye 1986, "Non-Uniform Random Variate Generation", ch. IX.4). Mean
 *       {@code a/(a+b)}, variance {@code ab/((a+b)^2 (a+b+1))}. If both gammas underflow to 0
 *       (possible only for shapes far below 0.01), the limit is used: 1 with probability
 *       {@code a/(a+b)}, else 0.</li>
 *   <li><b>Standard normal</b>: Marsaglia's polar method (Marsaglia and Bray 1964, "A convenient
 *       method for generating normal variables", SIAM Review 6(3)); the second value of each pair is
 *       discarded so that the method keeps no state.</li>
 *   <li><b>Exponential(rate)</b>: inversion, {@code -ln(1 - U) / rate}.</li>
 * </ul>
 *
 * <p>All methods are stateless and thread-safe given a {@link SplittableRandom} owned by the
 * calling thread.
 */
public final class RandomVariates {

    private RandomVariates() {
    }

    /**
     * A Gamma(shape, rate) variate (mean shape / rate).
     *
     * @throws IllegalArgumentException if shape or rate is not finite and positive
     */
    public static double gamma(SplittableRandom rng, double shape, double rate) {
        Objects.requireNonNull(rng, "rng");
        requirePositive(shape, "shape");
        requirePositive(rate, "rate");
        if (shape < 1.0) {
            double u = rng.nextDouble();
            // U^(1/k) with U in [0,1): U = 0 gives exactly 0, a valid (measure-zero) gamma value
            return unitGamma(rng, shape + 1.0) * StrictMath.pow(u, 1.0 / shape) / rate;
        }
        return unitGamma(rng, shape) / rate;
    }

    /** Marsaglia-Tsang for shape >= 1, rate 1. */
    private static double unitGamma(SplittableRandom rng, double shape) {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z;
            double v;
            do {
                z = standardNormal(rng);
                v = 1.0 + c * z;
            } while (v <= 0.0);
            v = v * v * v;
            double u = rng.nextDouble();
            double z2 = z * z;
            // squeeze test first (cheap), then the exact log test
            if (u < 1.0 - 0.0331 * z2 * z2) {
                return d * v;
            }
            if (StrictMath.log(u) < 0.5 * z2 + d * (1.0 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }

    /**
     * A Beta(a, b) variate (mean a / (a + b)).
     *
     * @throws IllegalArgumentException if a or b is not finite and positive
     */
    public static double beta(SplittableRandom rng, double a, double b) {
        double x = gamma(rng, a, 1.0);
        double y = gamma(rng, b, 1.0);
        double s = x + y;
        if (s == 0.0) {
            return rng.nextDouble() < a / (a + b) ? 1.0 : 0.0;
        }
        return x / s;
    }

    /** A standard normal variate (Marsaglia's polar method). */
    public static double standardNormal(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2.0 * rng.nextDouble() - 1.0;
            v = 2.0 * rng.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        return u * Math.sqrt(-2.0 * StrictMath.log(s) / s);
    }

    /**
     * An Exponential(rate) variate (mean 1 / rate); {@code +Infinity} when the rate is 0.
     *
     * @throws IllegalArgumentException if the rate is negative or not finite
     */
    public static double exponential(SplittableRandom rng, double rate) {
        if (!(rate >= 0.0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be finite and >= 0, found " + rate);
        }
        if (rate == 0.0) {
            return Double.POSITIVE_INFINITY;
        }
        return -StrictMath.log1p(-rng.nextDouble()) / rate;
    }

    static void requirePositive(double x, String what) {
        if (!(x > 0.0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, found " + x);
        }
    }
}
