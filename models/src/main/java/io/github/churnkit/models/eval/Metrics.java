package io.github.churnkit.models.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Binary classification metrics over predicted probabilities (or scores) {@code p} and 0/1 labels
 * {@code y} (1 = churned).
 *
 * <p>Every method requires non-empty arrays of equal length, labels 0 or 1 and no NaN in
 * {@code p}; it throws {@link IllegalArgumentException} otherwise. Metrics that need both classes
 * (ROC-AUC, average precision) throw when one is absent. Stateless and thread-safe.
 */
public final class Metrics {

    /** Probabilities are clipped to [EPS, 1 - EPS] inside the log-loss. */
    public static final double EPS = 1e-15;

    private Metrics() {
    }

    /**
     * Area under the ROC curve: the probability that a random churner scores above a random
     * non-churner, ties counting one half (the Mann-Whitney U statistic divided by
     * {@code n+ n-}, with average ranks for ties).
     */
    public static double rocAuc(double[] p, int[] y) {
        int pos = check(p, y);
        int n = p.length;
        int neg = n - pos;
        requireBoth(pos, neg, "ROC-AUC");
        Integer[] order = order(p, false);
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    rankSum += avgRank;
                }
            }
            i = j + 1;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /**
     * Average precision, the usual estimate of the area under the precision-recall curve:
     * {@code AP = sum_k (R_k - R_(k-1)) P_k} over the distinct scores taken as thresholds from the
     * highest down, where {@code P_k} and {@code R_k} are precision and recall when every row
     * scoring at least the k-th threshold is called positive (as scikit-learn's
     * {@code average_precision_score}).
     */
    public static double averagePrecision(double[] p, int[] y) {
        int pos = check(p, y);
        requireBoth(pos, p.length - pos, "average precision");
        Integer[] order = order(p, true);
        double ap = 0;
        int tp = 0;
        int seen = 0;
        double lastRecall = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && p[order[j]] == p[order[i]]) {
                tp += y[order[j]];
                seen++;
                j++;
            }
            double recall = tp / (double) pos;
            ap += (recall - lastRecall) * (tp / (double) seen);
            lastRecall = recall;
            i = j;
        }
        return ap;
    }

    /** Mean negative log-likelihood {@code -mean(y log p + (1 - y) log(1 - p))}, p clipped to [EPS, 1 - EPS]. */
    public static double logLoss(double[] p, int[] y) {
        check(p, y);
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - EPS, Math.max(EPS, p[i]));
            s -= y[i] == 1 ? Math.log(q) : Math.log1p(-q);
        }
        return s / p.length;
    }

    /** Brier score {@code mean((p - y)^2)}. */
    public static double brier(double[] p, int[] y) {
        check(p, y);
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - y[i];
            s += d * d;
        }
        return s / p.length;
    }

    /**
     * The reliability table over {@code bins} equal-width probability bins on [0, 1] (bin
     * {@code b} holds {@code b/bins <= p < (b+1)/bins}, the last bin also {@code p = 1}); empty bins
     * are kept with count 0 and NaN means.
     */
    public static List<ReliabilityBin> reliability(double[] p, int[] y, int bins) {
        check(p, y);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, found " + bins);
        }
        int[] count = new int[bins];
        double[] sumP = new double[bins];
        int[] sumY = new int[bins];
        for (int i = 0; i < p.length; i++) {
            if (p[i] < 0 || p[i] > 1) {
                throw new IllegalArgumentException("p[" + i + "] = " + p[i] + " is not a probability");
            }
            int b = Math.min(bins - 1, (int) (p[i] * bins));
            count[b]++;
            sumP[b] += p[i];
            sumY[b] += y[i];
        }
        List<ReliabilityBin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            out.add(new ReliabilityBin(b / (double) bins, (b + 1) / (double) bins, count[b],
                    count[b] == 0 ? Double.NaN : sumP[b] / count[b],
                    count[b] == 0 ? Double.NaN : sumY[b] / (double) count[b]));
        }
        return out;
    }

    /**
     * Expected calibration error over {@code bins} equal-width bins (Naeini, Cooper and Hauskrecht
     * 2015): {@code ECE = sum_b (n_b / n) |observed rate_b - mean predicted_b|}.
     */
    public static double expectedCalibrationError(double[] p, int[] y, int bins) {
        double ece = 0;
        for (ReliabilityBin b : reliability(p, y, bins)) {
            if (b.count() > 0) {
                ece += b.count() / (double) p.length * Math.abs(b.observedRate() - b.meanPredicted());
            }
        }
        return ece;
    }

    /**
     * Lift and cumulative gains by group (10 groups = deciles): rows sorted by {@code p} from
     * highest down (ties in row order) and cut into {@code groups} parts whose sizes differ by at
     * most one. Lift of a group is its churn rate over the overall rate; cumulative gain is the
     * share of all churners found in the groups so far.
     */
    public static List<GainsRow> gains(double[] p, int[] y, int groups) {
        int pos = check(p, y);
        int n = p.length;
        if (groups < 1 || groups > n) {
            throw new IllegalArgumentException("groups must be in 1.." + n + ", found " + groups);
        }
        Integer[] order = order(p, true);
        double base = pos / (double) n;
        List<GainsRow> out = new ArrayList<>(groups);
        int start = 0;
        int cumPos = 0;
        for (int g = 0; g < groups; g++) {
            int end = (int) ((long) n * (g + 1) / groups);
            int gp = 0;
            for (int k = start; k < end; k++) {
                gp += y[order[k]];
            }
            cumPos += gp;
            int size = end - start;
            double rate = gp / (double) size;
            out.add(new GainsRow(g + 1, size, gp, rate, base == 0 ? Double.NaN : rate / base,
                    pos == 0 ? Double.NaN : cumPos / (double) pos,
                    base == 0 ? Double.NaN : (cumPos / (double) end) / base));
            start = end;
        }
        return out;
    }

    /** The confusion matrix when rows with {@code p >= threshold} are called churners. */
    public static ConfusionMatrix confusion(double[] p, int[] y, double threshold) {
        check(p, y);
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean called = p[i] >= threshold;
            if (called) {
                if (y[i] == 1) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (y[i] == 1) {
                fn++;
            } else {
                tn++;
            }
        }
        return new ConfusionMatrix(threshold, tp, fp, tn, fn);
    }

    /** Row indices sorted by p, descending or ascending, ties in row order. */
    static Integer[] order(double[] p, boolean descending) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> descending ? Double.compare(p[b], p[a]) : Double.compare(p[a], p[b]));
        return order;
    }

    /** Validates and returns the number of positives. */
    static int check(double[] p, int[] y) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(y, "y");
        if (p.length == 0) {
            throw new IllegalArgumentException("no rows to evaluate");
        }
        if (p.length != y.length) {
            throw new IllegalArgumentException("p has " + p.length + " values but y has " + y.length);
        }
        int pos = 0;
        for (int i = 0; i < p.length; i++) {
            if (Double.isNaN(p[i])) {
                throw new IllegalArgumentException("p[" + i + "] is NaN");
            }
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not 0 or 1");
            }
            pos += y[i];
        }
        return pos;
    }

    private static void requireBoth(int pos, int neg, String what) {
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException(what + " needs both classes, found " + pos + " churners and "
                    + neg + " non-churners");
        }
    }
}
