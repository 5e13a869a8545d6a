package io.github.churnkit.models.segment;

import io.github.churnkit.core.transactions.CustomerSummaries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * RFM segmentation of transaction customers: recency, frequency and monetary value each scored 1
 * to 5 by the quintiles of the training customers, then named by the rules of {@link RfmSegment}.
 *
 * <p>Scores. For each measure the cut points are the empirical 20%, 40%, 60% and 80% quantiles of
 * the training values (the inverse of the empirical distribution function: the smallest value
 * {@code t} with at least {@code p n} values {@code <= t}). A frequency or monetary value scores
 * {@code 1 +} the number of cut points it exceeds; a recency (days since the last purchase, lower
 * is better) scores {@code 5 -} that number. With distinct values each score holds a fifth of the
 * customers; tied values always share a score, so heavy ties (many one-time buyers) make the
 * fifths uneven, which is the intended reading.
 *
 * <pre>{@code
 * RfmModel rfm = RfmSegmenter.fit(daysSinceLastPurchase, purchases, totalSpend);
 * List<RfmScore> scores = rfm.scoreAll(daysSinceLastPurchase, purchases, totalSpend);
 * RfmScore newcomer = rfm.score(3, 1, 25.0);
 * }</pre>
 *
 * <p>Inputs must be finite; recency and frequency non-negative. Stateless and thread-safe.
 */
public final class RfmSegmenter {

    private RfmSegmenter() { }

    /**
     * Learns the quintile cut points of the three measures.
     *
     * @param recencyDays days since each customer's last purchase (at the cut-off date)
     * @param frequency   number of purchases (or repeat purchases) per customer
     * @param monetary    spend per customer (total or mean per purchase)
     * @throws IllegalArgumentException on empty or unequal arrays, a non-finite value, or a
     *                                  negative recency or frequency
     */
    public static RfmModel fit(double[] recencyDays, double[] frequency, double[] monetary) {
        check(recencyDays, frequency, monetary);
        if (recencyDays.length == 0) {
            throw new IllegalArgumentException("RFM needs at least one customer");
        }
        return new RfmModel(cuts(recencyDays), cuts(frequency), cuts(monetary));
    }

    /**
     * Learns the cut points from transaction summaries: recency is {@code T - t_x} (time from the
     * last purchase to the cut-off, in the summaries' unit), frequency the number of purchase days
     * {@code x + 1} (first purchase included), monetary the total spend up to the cut-off.
     */
    public static RfmModel fit(CustomerSummaries summaries) {
        double[][] rfm = measures(summaries);
        return fit(rfm[0], rfm[1], rfm[2]);
    }

    /** Recency, frequency and monetary arrays from summaries, as {@link #fit(CustomerSummaries)} defines them. */
    static double[][] measures(CustomerSummaries s) {
        int n = s.size();
        double[][] out = new double[3][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = s.age(i) - s.recency(i);
            out[1][i] = s.frequency(i) + 1.0;
            out[2][i] = s.totalSpend(i);
        }
        return out;
    }

    static void check(double[] r, double[] f, double[] m) {
        if (r.length != f.length || r.length != m.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "recency, frequency and monetary have %d, %d and %d values", r.length, f.length, m.length));
        }
        for (int i = 0; i < r.length; i++) {
            checkValue(r[i], f[i], m[i], i);
        }
    }

    static void checkValue(double r, double f, double m, int i) {
        if (!Double.isFinite(r) || r < 0) {
            throw new IllegalArgumentException("customer " + i + ": recency must be finite and non-negative, found " + r);
        }
        if (!Double.isFinite(f) || f < 0) {
            throw new IllegalArgumentException("customer " + i + ": frequency must be finite and non-negative, found " + f);
        }
        if (!Double.isFinite(m)) {
            throw new IllegalArgumentException("customer " + i + ": monetary must be finite, found " + m);
        }
    }

    private static double[] cuts(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        double[] out = new double[4];
        for (int q = 1; q <= 4; q++) {
            int rank = (int) Math.ceil(q * n / 5.0);
            out[q - 1] = s[Math.max(rank, 1) - 1];
        }
        return out;
    }

    /** Fitted RFM cut points; scores customers. Immutable and thread-safe. */
    public static final class RfmModel {
        private final double[] recency;
        private final double[] frequency;
        private final double[] monetary;

        private RfmModel(double[] recency, double[] frequency, double[] monetary) {
            this.recency = recency;
            this.frequency = frequency;
            this.monetary = monetary;
        }

        /** The scores and segment of one customer. */
        public RfmScore score(double recencyDays, double purchases, double spend) {
            checkValue(recencyDays, purchases, spend, 0);
            int r = 5 - exceeded(recencyDays, recency);
            int f = 1 + exceeded(purchases, frequency);
            int m = 1 + exceeded(spend, monetary);
            return RfmScore.of(r, f, m);
        }

        /** The scores of every customer, in order. */
        public List<RfmScore> scoreAll(double[] recencyDays, double[] purchases, double[] spend) {
            check(recencyDays, purchases, spend);
            List<RfmScore> out = new ArrayList<>(recencyDays.length);
            for (int i = 0; i < recencyDays.length; i++) {
                out.add(score(recencyDays[i], purchases[i], spend[i]));
            }
            return out;
        }

        /** The scores of every summarised customer (measures as in {@link RfmSegmenter#fit(CustomerSummaries)}). */
        public List<RfmScore> scoreAll(CustomerSummaries summaries) {
            double[][] rfm = measures(summaries);
            return scoreAll(rfm[0], rfm[1], rfm[2]);
        }

        private static int exceeded(double x, double[] cuts) {
            int c = 0;
            for (double t : cuts) {
                if (x > t) {
                    c++;
                }
            }
            return c;
        }

        /** The four recency cut points (days), increasing. */
        public double[] recencyCuts() {
            return recency.clone();
        }

        /** The four frequency cut points, increasing. */
        public double[] frequencyCuts() {
            return frequency.clone();
        }

        /** The four monetary cut points, increasing. */
        public double[] monetaryCuts() {
            return monetary.clone();
        }
    }
}
