package io.github.churnkit.models.eval;

import java.util.Locale;
import java.util.Objects;

/**
 * Ways to turn churn probabilities into a decision "offer a retention deal or not". Each returns a
 * threshold {@code t}: customers with {@code p >= t} are contacted. Stateless and thread-safe.
 */
public final class Thresholds {

    private Thresholds() {
    }

    /**
     * The threshold with the highest F1 on labelled rows: each distinct probability is tried and
     * the first (highest threshold) of equal-F1 candidates kept.
     *
     * @throws IllegalArgumentException on bad input (see {@link Metrics}) or no churner
     */
    public static double maxF1(double[] p, int[] y) {
        int pos = Metrics.check(p, y);
        if (pos == 0) {
            throw new IllegalArgumentException("maximising F1 needs at least one churner");
        }
        Integer[] order = Metrics.order(p, true);
        double best = -1;
        double bestT = p[order[0]];
        int tp = 0;
        int called = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && p[order[j]] == p[order[i]]) {
                tp += y[order[j]];
                called++;
                j++;
            }
            double f1 = 2.0 * tp / (called + pos);
            if (f1 > best) {
                best = f1;
                bestT = p[order[i]];
            }
            i = j;
        }
        return bestT;
    }

    /**
     * The threshold that contacts the top {@code share} of customers: the probability of the
     * {@code ceil(share * n)}-th highest customer (ties at that value are contacted too, so slightly
     * more may be reached).
     *
     * @throws IllegalArgumentException if {@code share} is not in (0, 1] or {@code p} is empty or has NaN
     */
    public static double topShare(double[] p, double share) {
        Objects.requireNonNull(p, "p");
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], found " + share);
        }
        Metrics.check(p, new int[p.length]);
        Integer[] order = Metrics.order(p, true);
        int k = (int) Math.ceil(share * p.length);
        return p[order[Math.max(0, k - 1)]];
    }

    /**
     * The break-even threshold of a retention offer: contacting a customer with churn probability
     * {@code p} costs {@code offerCost} and saves {@code value} with probability
     * {@code p * successRate}, so the expected gain {@code p * successRate * value - offerCost} is
     * positive exactly when {@code p > offerCost / (successRate * value)}.
     *
     * @throws IllegalArgumentException unless {@code offerCost >= 0}, {@code successRate} in (0, 1]
     *                                  and {@code value > 0}
     */
    public static double expectedValue(double offerCost, double successRate, double value) {
        if (!(offerCost >= 0) || !(successRate > 0 && successRate <= 1) || !(value > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need offerCost >= 0, successRate in (0, 1] and value > 0, found %s, %s, %s",
                    offerCost, successRate, value));
        }
        return offerCost / (successRate * value);
    }

    /**
     * Per-customer expected-value decision when customers differ in value: contact row {@code i}
     * when {@code p_i * successRate * values_i > offerCost}.
     *
     * @return true for each customer worth an offer
     */
    public static boolean[] worthAnOffer(double[] p, double[] values, double offerCost, double successRate) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(values, "values");
        if (p.length != values.length) {
            throw new IllegalArgumentException("p has " + p.length + " values but values has " + values.length);
        }
        boolean[] out = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = values[i] > 0 && p[i] >= expectedValue(offerCost, successRate, values[i]);
        }
        return out;
    }
}
