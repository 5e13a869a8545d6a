package io.github.churnkit.models.clv;

import org.apache.commons.math3.special.Gamma;

/**
 * Negative sBG log-likelihood (Fader &amp; Hardie 2007, "How to project customer retention": the
 * likelihood of churners uses eq. 5, of customers still active eq. 6) and its analytic gradient in
 * {@code (ln α, ln β)}:
 * <pre>
 * ln P(T = t) = ln α + lnΓ(β+t−1) − lnΓ(β) − lnΓ(α+β+t) + lnΓ(α+β)
 * ln S(t)     = lnΓ(β+t) − lnΓ(β) − lnΓ(α+β+t) + lnΓ(α+β)
 * </pre>
 * with derivatives from the digamma function ψ. Package-private.
 */
final class SbgLikelihood implements Objective {

    private final SbgData data;

    SbgLikelihood(SbgData data) {
        this.data = data;
    }

    @Override
    public double evaluate(double[] theta, double[] gradient) {
        double alpha = Math.exp(theta[0]);
        double beta = Math.exp(theta[1]);
        double lgB = Gamma.logGamma(beta);
        double psiB = Gamma.digamma(beta);
        double lgAB = Gamma.logGamma(alpha + beta);
        double psiAB = Gamma.digamma(alpha + beta);
        double ll = 0;
        double ga = 0;
        double gb = 0;
        for (int t = 1; t < data.churnedAt.length; t++) {
            double w = data.churnedAt[t];
            if (w == 0) {
                continue;
            }
            double psiABt = Gamma.digamma(alpha + beta + t);
            ll += w * (Math.log(alpha) + Gamma.logGamma(beta + t - 1) - lgB - Gamma.logGamma(alpha + beta + t) + lgAB);
            ga += w * (1.0 / alpha - psiABt + psiAB);
            gb += w * (Gamma.digamma(beta + t - 1) - psiB - psiABt + psiAB);
        }
        for (int t = 1; t < data.censoredAt.length; t++) {
            double w = data.censoredAt[t];
            if (w == 0) {
                continue;
            }
            double psiABt = Gamma.digamma(alpha + beta + t);
            ll += w * (Gamma.logGamma(beta + t) - lgB - Gamma.logGamma(alpha + beta + t) + lgAB);
            ga += w * (psiAB - psiABt);
            gb += w * (Gamma.digamma(beta + t) - psiB - psiABt + psiAB);
        }
        gradient[0] = -ga * alpha;
        gradient[1] = -gb * beta;
        return -ll;
    }
}
