package io.github.churnkit.scoring.clv;

import java.util.Locale;

/**
 * Parameters of the Gamma-Gamma model of the value of repeat purchases, and the conditional expected
 * spend per transaction.
 *
 * <p>Model (Fader &amp; Hardie 2013, "The Gamma-Gamma model of monetary value", note 025; following
 * Colombo &amp; Jiang 1999): the value of each of a customer's transactions is Gamma(p, ν); ν varies
 * across customers as Gamma(q, γ) (shape q, rate γ). Spend is assumed independent of the purchase
 * process (check the correlation between frequency and mean spend before relying on it). For a
 * customer with x repeat transactions of average value {@code m̄}, the note gives:
 * <ul>
 *   <li>the density of the observed average,
 *       {@code f(m̄ | p, q, γ, x) = Γ(px + q) / (Γ(px) Γ(q)) · γ^q m̄^{px − 1} x^{px} / (γ + x m̄)^{px + q}},
 *       used as the likelihood ({@link #logLikelihood(double, double)});</li>
 *   <li>the conditional expectation of the mean spend
 *       {@code E[M | p, q, γ, m̄, x] = p (γ + x m̄) / (px + q − 1)
 *       = [(q − 1)/(px + q − 1)] · pγ/(q − 1) + [px/(px + q − 1)] · m̄},
 *       a weighted average of the population mean {@code pγ/(q − 1)} and the customer's own mean.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; no method allocates.
 *
 * @param p shape of the per-transaction Gamma, finite and {@code > 0}
 * @param q shape of the Gamma distribution of ν across customers, finite and {@code > 0}
 * @param gamma rate of the Gamma distribution of ν across customers, finite and {@code > 0}
 */
public record GammaGammaParameters(double p, double q, double gamma) {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    public GammaGammaParameters {
        SbgParameters.requirePositive("p", p);
        SbgParameters.requirePositive("q", q);
        SbgParameters.requirePositive("gamma", gamma);
    }

    /**
     * Population mean spend per transaction, {@code pγ / (q − 1)}.
     *
     * @return the mean
     * @throws IllegalStateException if {@code q <= 1} (the mean is infinite)
     */
    public double populationMeanSpend() {
        if (!(q > 1)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the population mean spend is infinite when q <= 1, found q=%s", q));
        }
        return p * gamma / (q - 1);
    }

    /**
     * Conditional expected spend per transaction for a customer with {@code x} repeat transactions
     * of average value {@code m̄}. With {@code x = 0} (or NaN mean spend) it is the population mean.
     *
     * @param frequency repeat transactions x, finite and {@code >= 0}
     * @param meanSpend average value of those transactions, finite and {@code >= 0}, or NaN if
     *     unknown
     * @return {@code p (γ + x m̄) / (px + q − 1)}
     * @throws IllegalStateException if {@code px + q <= 1} (the expectation is infinite)
     */
    public double conditionalExpectedSpend(double frequency, double meanSpend) {
        if (!(frequency >= 0 && frequency < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("frequency must be finite and >= 0, found " + frequency);
        }
        if (frequency == 0 || Double.isNaN(meanSpend)) {
            return populationMeanSpend();
        }
        if (!(meanSpend >= 0 && meanSpend < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("meanSpend must be finite and >= 0, found " + meanSpend);
        }
        double denominator = p * frequency + q - 1;
        if (!(denominator > 0)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "expected spend is infinite when p*x + q <= 1, found p=%s, q=%s, x=%s", p, q, frequency));
        }
        return p * (gamma + frequency * meanSpend) / denominator;
    }

    /**
     * Log-density of the observed average spend {@code m̄} of {@code x > 0} transactions (see the
     * class documentation): the contribution of one repeat customer to the log-likelihood.
     *
     * @param frequency x, finite and {@code > 0}
     * @param meanSpend m̄, finite and {@code > 0}
     * @return {@code ln f(m̄ | p, q, γ, x)}
     */
    public double logLikelihood(double frequency, double meanSpend) {
        if (!(frequency > 0 && frequency < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "Gamma-Gamma needs repeat customers: frequency must be finite and > 0, found " + frequency);
        }
        if (!(meanSpend > 0 && meanSpend < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("meanSpend must be finite and > 0, found " + meanSpend);
        }
        double px = p * frequency;
        return ClvMath.logGamma(px + q) - ClvMath.logGamma(px) - ClvMath.logGamma(q)
                + q * Math.log(gamma) + (px - 1) * Math.log(meanSpend) + px * Math.log(frequency)
                - (px + q) * Math.log(gamma + frequency * meanSpend);
    }
}
