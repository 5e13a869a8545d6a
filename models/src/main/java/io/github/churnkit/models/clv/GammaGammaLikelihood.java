package io.github.churnkit.models.clv;

import org.apache.commons.math3.special.Gamma;

/**
 * Negative Gamma-Gamma log-likelihood of repeat customers' average spend (Fader &amp; Hardie 2013)
 * with its analytic gradient in {@code (ln p, ln q, ln γ)}. Per customer, with {@code s = γ + x m̄}:
 * <pre>
 * ln f = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln s
 * ∂/∂p = x [ψ(px+q) − ψ(px) + ln m̄ + ln x − ln s]
 * ∂/∂q = ψ(px+q) − ψ(q) + ln γ − ln s
 * ∂/∂γ = q/γ − (px+q)/s
 * </pre>
 * Package-private.
 */
final class GammaGammaLikelihood implements Objective {

    private final double[] x;
    private final double[] mean;
    private final double[] logMean;
    private final double[] logX;

    GammaGammaLikelihood(double[] x, double[] mean) {
        this.x = x;
        this.mean = mean;
        this.logMean = new double[x.length];
        this.logX = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            logMean[i] = Math.log(mean[i]);
            logX[i] = Math.log(x[i]);
        }
    }

    @Override
    public double evaluate(double[] theta, double[] gradient) {
        double p = Math.exp(theta[0]);
        double q = Math.exp(theta[1]);
        double g = Math.exp(theta[2]);
        double lgQ = Gamma.logGamma(q);
        double psiQ = Gamma.digamma(q);
        double logG = Math.log(g);
        double ll = 0;
        double gp = 0;
        double gq = 0;
        double gg = 0;
        for (int i = 0; i < x.length; i++) {
            double px = p * x[i];
            double s = g + x[i] * mean[i];
            double logS = Math.log(s);
            double psiPxQ = Gamma.digamma(px + q);
            ll += Gamma.logGamma(px + q) - Gamma.logGamma(px) - lgQ + q * logG + (px - 1) * logMean[i] + px * logX[i]
                    - (px + q) * logS;
            gp += x[i] * (psiPxQ - Gamma.digamma(px) + logMean[i] + logX[i] - logS);
            gq += psiPxQ - psiQ + logG - logS;
            gg += q / g - (px + q) / s;
        }
        gradient[0] = -gp * p;
        gradient[1] = -gq * q;
        gradient[2] = -gg * g;
        return -ll;
    }
}
