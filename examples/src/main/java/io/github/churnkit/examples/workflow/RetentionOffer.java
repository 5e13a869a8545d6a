package io.github.churnkit.examples.workflow;

import java.util.Arrays;

/**
 * A retention offer: what it costs per customer and how often it keeps a customer who would have
 * left. Its expected value for a customer is {@code p x CLV x successRate - cost}: with probability
 * {@code p} the customer would churn, the offer saves them with probability {@code successRate},
 * and saving them keeps their lifetime value; the cost is paid for everyone who gets the offer.
 *
 * @param cost        cost per customer offered, finite and {@code >= 0}
 * @param successRate share of would-be churners the offer keeps, in [0, 1]
 */
public record RetentionOffer(double cost, double successRate) {

    /** Validates. */
    public RetentionOffer {
        if (!(cost >= 0) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("offer cost must be finite and >= 0, found " + cost);
        }
        if (!(successRate >= 0 && successRate <= 1)) {
            throw new IllegalArgumentException("offer success rate must be in [0, 1], found " + successRate);
        }
    }

    /** A 10-unit offer that keeps 30% of would-be churners. */
    public static RetentionOffer defaults() {
        return new RetentionOffer(10, 0.3);
    }

    /** Expected value per customer; NaN where the probability or CLV is NaN. */
    public double[] expectedValues(double[] p, double[] clv) {
        if (p.length != clv.length) {
            throw new IllegalArgumentException(p.length + " probabilities for " + clv.length + " CLVs");
        }
        double[] ev = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            ev[i] = p[i] * clv[i] * successRate - cost;
        }
        return ev;
    }

    /** Row indices by decreasing value, NaN last; ties keep row order. */
    static Integer[] ranking(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(key(values[b]), key(values[a])));
        return order;
    }

    private static double key(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
