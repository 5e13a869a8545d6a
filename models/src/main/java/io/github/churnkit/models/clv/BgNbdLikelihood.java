package io.github.churnkit.models.clv;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * Negative BG/NBD log-likelihood of collapsed data and its analytic gradient, in log-parameters
 * {@code (ln r, ln α, ln a, ln b)}.
 *
 * <p>Per customer (Fader, Hardie &amp; Lee 2005 eq. 6, in the A1..A4 form of their Excel note):
 * {@code ln L = A1 + A2 + ln(e^{A3} + δ e^{A4})}. Terms depending on x alone (the log-gammas and
 * digammas) are computed once per distinct x, {@code ln(α + t)} once per distinct time, so that each
 * distinct triple costs one {@code exp} and one {@code log1p}. With {@code w4 = e^{A4}/(e^{A3} + e^{A4})}
 * and {@code w3 = 1 − w4}, the derivatives are
 * <pre>
 * ∂/∂r = ψ(r+x) − ψ(r) + ln α − w3 ln(α+T) − w4 ln(α+t_x)
 * ∂/∂α = r/α − (r+x) [w3/(α+T) + w4/(α+t_x)]
 * ∂/∂a = ψ(a+b) − ψ(a+b+x) + w4/a
 * ∂/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − w4/(b+x−1)
 * </pre>
 * Package-private; one instance may be evaluated from one thread at a time (scratch arrays).
 */
final class BgNbdLikelihood implements Objective {

    private final double[] xs;          // distinct frequencies
    private final double[] times;       // distinct T and t_x values
    private final int[] xIndex;
    private final int[] ageIndex;
    private final int[] recencyIndex;
    private final double[] weight;
    private final double totalWeight;
    // scratch, per distinct x / time
    private final double[] logA1;
    private final double[] logA2;
    private final double[] dA1r;
    private final double[] dA2a;
    private final double[] dA2b;
    private final double[] logA4Const;
    private final double[] logAlphaT;
    private final double[] invAlphaT;

    BgNbdLikelihood(RfmData data) {
        int n = data.size();
        double[] x = new double[n];
        double[] t = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[i] = data.frequency(i);
            t[2 * i] = data.age(i);
            t[2 * i + 1] = data.recency(i);
        }
        xs = distinct(x);
        times = distinct(t);
        xIndex = new int[n];
        ageIndex = new int[n];
        recencyIndex = new int[n];
        weight = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            xIndex[i] = Arrays.binarySearch(xs, data.frequency(i));
            ageIndex[i] = Arrays.binarySearch(times, data.age(i));
            recencyIndex[i] = Arrays.binarySearch(times, data.recency(i));
            weight[i] = data.weight(i);
            total += weight[i];
        }
        totalWeight = total;
        logA1 = new double[xs.length];
        logA2 = new double[xs.length];
        dA1r = new double[xs.length];
        dA2a = new double[xs.length];
        dA2b = new double[xs.length];
        logA4Const = new double[xs.length];
        logAlphaT = new double[times.length];
        invAlphaT = new double[times.length];
    }

    int distinctFrequencies() {
        return xs.length;
    }

    @Override
    public double evaluate(double[] theta, double[] gradient) {
        double r = Math.exp(theta[0]);
        double alpha = Math.exp(theta[1]);
        double a = Math.exp(theta[2]);
        double b = Math.exp(theta[3]);
        double lgR = Gamma.logGamma(r);
        double psiR = Gamma.digamma(r);
        double lgAB = Gamma.logGamma(a + b);
        double psiAB = Gamma.digamma(a + b);
        double lgB = Gamma.logGamma(b);
        double psiB = Gamma.digamma(b);
        double logAlpha = Math.log(alpha);
        double logShapeA = Math.log(a);
        for (int k = 0; k < xs.length; k++) {
            double x = xs[k];
            if (x == 0) {
                logA1[k] = 0;
                dA1r[k] = 0;
                logA2[k] = 0;
                dA2a[k] = 0;
                dA2b[k] = 0;
                logA4Const[k] = Double.NEGATIVE_INFINITY;
                continue;
            }
            logA1[k] = Gamma.logGamma(r + x) - lgR;
            dA1r[k] = Gamma.digamma(r + x) - psiR;
            double lgABx = Gamma.logGamma(a + b + x);
            double psiABx = Gamma.digamma(a + b + x);
            logA2[k] = lgAB + Gamma.logGamma(b + x) - lgB - lgABx;
            dA2a[k] = psiAB - psiABx;
            dA2b[k] = psiAB + Gamma.digamma(b + x) - psiB - psiABx;
            logA4Const[k] = logShapeA - Math.log(b + x - 1);
        }
        for (int j = 0; j < times.length; j++) {
            logAlphaT[j] = Math.log(alpha + times[j]);
            invAlphaT[j] = 1.0 / (alpha + times[j]);
        }
        double ll = r * logAlpha * totalWeight;
        double gr = logAlpha * totalWeight;
        double galpha = r / alpha * totalWeight;
        double ga = 0;
        double gb = 0;
        for (int i = 0; i < weight.length; i++) {
            int k = xIndex[i];
            double w = weight[i];
            double rx = r + xs[k];
            int iT = ageIndex[i];
            double a3 = -rx * logAlphaT[iT];
            if (xs[k] == 0) {
                ll += w * a3;
                gr -= w * logAlphaT[iT];
                galpha -= w * rx * invAlphaT[iT];
                continue;
            }
            int iTx = recencyIndex[i];
            double a4 = logA4Const[k] - rx * logAlphaT[iTx];
            double d = a4 - a3;
            double w4;
            double logSum;
            if (d > 0) {
                double e = Math.exp(-d);
                logSum = a4 + Math.log1p(e);
                w4 = 1.0 / (1.0 + e);
            } else {
                double e = Math.exp(d);
                logSum = a3 + Math.log1p(e);
                w4 = e / (1.0 + e);
            }
            double w3 = 1.0 - w4;
            ll += w * (logA1[k] + logA2[k] + logSum);
            gr += w * (dA1r[k] - w3 * logAlphaT[iT] - w4 * logAlphaT[iTx]);
            galpha -= w * rx * (w3 * invAlphaT[iT] + w4 * invAlphaT[iTx]);
            ga += w * (dA2a[k] + w4 / a);
            gb += w * (dA2b[k] - w4 / (b + xs[k] - 1));
        }
        gradient[0] = -gr * r;
        gradient[1] = -galpha * alpha;
        gradient[2] = -ga * a;
        gradient[3] = -gb * b;
        return -ll;
    }

    private static double[] distinct(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[m - 1]) {
                sorted[m++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, m);
    }
}
