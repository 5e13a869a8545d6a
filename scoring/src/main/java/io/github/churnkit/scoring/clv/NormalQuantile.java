package io.github.churnkit.scoring.clv;

import java.util.Locale;

/**
 * The standard normal quantile {@code Φ⁻¹(p)}, so that the scoring module can turn a confidence
 * level into a z value without a numerical library.
 *
 * <p>Algorithm AS 241 (PPND16) of M. J. Wichura, "The percentage points of the normal
 * distribution", Applied Statistics 37(3), 477–484 (1988): a rational function of degree 7/7 in
 * {@code r = 0.180625 − (p − 1/2)²} for {@code |p − 1/2| <= 0.425}, and beyond it two rational
 * functions of degree 7/7 in {@code r = sqrt(−ln min(p, 1 − p))} (one for {@code r <= 5}, one
 * beyond). The paper gives a relative accuracy of about {@code 1e-16}; the tests compare it with
 * Commons Math's inverse normal and with a quadrature of the normal density.
 *
 * <p>Pure function, thread-safe, allocates nothing.
 */
final class NormalQuantile {

    /** Central region numerator, a0..a7 (constant term first). */
    private static final double[] A = {
        3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3, 1.3731693765509461125e+4,
        4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4, 2.5090809287301226727e+3
    };
    /** Central region denominator, b0..b7. */
    private static final double[] B = {
        1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
        2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4, 5.2264952788528545610e+3
    };
    /** Intermediate tail numerator, c0..c7. */
    private static final double[] C = {
        1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0,
        1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4
    };
    /** Intermediate tail denominator, d0..d7. */
    private static final double[] D = {
        1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
        1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9
    };
    /** Far tail numerator, e0..e7. */
    private static final double[] E = {
        6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1,
        2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7
    };
    /** Far tail denominator, f0..f7. */
    private static final double[] F = {
        1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15
    };

    private NormalQuantile() {
    }

    /**
     * {@code Φ⁻¹(p)}: the x with {@code P(Z <= x) = p} for a standard normal Z.
     *
     * @param p a probability in (0, 1)
     * @return the quantile
     * @throws IllegalArgumentException if p is not in (0, 1)
     */
    static double inverse(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "p must be in (0, 1), found %s", p));
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * horner(A, r) / horner(B, r);
        }
        double r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
        double x = r <= 5 ? horner(C, r - 1.6) / horner(D, r - 1.6) : horner(E, r - 5) / horner(F, r - 5);
        return q < 0 ? -x : x;
    }

    /**
     * The two-sided critical value {@code z = Φ⁻¹((1 + level) / 2)} of a central interval, computed as
     * {@code −Φ⁻¹((1 − level) / 2)} so that levels near 1 keep their precision.
     *
     * @param level confidence level in (0, 1)
     * @return z, {@code >= 0}
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    static double twoSided(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "level must be in (0, 1), found %s", level));
        }
        return 0.0 - inverse((1 - level) / 2); // 0.0 - x, not -x: a level so small that z = 0 gives +0.0
    }

    private static double horner(double[] c, double x) {
        double v = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            v = v * x + c[i];
        }
        return v;
    }
}
