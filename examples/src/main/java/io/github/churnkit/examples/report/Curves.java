package io.github.churnkit.examples.report;

import java.util.Arrays;

/**
 * ROC and precision-recall points from probabilities and 0/1 labels, for drawing. Rows are sorted
 * by decreasing probability and the threshold is lowered one distinct probability at a time (tied
 * probabilities move together); at most about {@code maxPoints} evenly spaced points are kept.
 */
final class Curves {

    /** x and y coordinates. */
    record Points(double[] x, double[] y) {
    }

    private Curves() {
    }

    /** ROC: false positive rate against true positive rate, from (0, 0) to (1, 1). */
    static Points roc(double[] p, int[] y, int maxPoints) {
        return sweep(p, y, maxPoints, true);
    }

    /** Precision-recall: recall against precision, starting at the first threshold. */
    static Points precisionRecall(double[] p, int[] y, int maxPoints) {
        return sweep(p, y, maxPoints, false);
    }

    private static Points sweep(double[] p, int[] y, int maxPoints, boolean roc) {
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        int pos = 0;
        for (int v : y) {
            pos += v == 1 ? 1 : 0;
        }
        int neg = n - pos;
        int step = Math.max(1, n / Math.max(1, maxPoints));
        double[] xs = new double[n / step + 3];
        double[] ys = new double[n / step + 3];
        int k = 0;
        if (roc) {
            xs[k] = 0;
            ys[k++] = 0;
        }
        int tp = 0;
        int fp = 0;
        int sinceLast = 0;
        for (int i = 0; i < n; i++) {
            if (y[order[i]] == 1) {
                tp++;
            } else {
                fp++;
            }
            sinceLast++;
            boolean boundary = i == n - 1 || p[order[i + 1]] != p[order[i]];
            if (boundary && (sinceLast >= step || i == n - 1) && k < xs.length) {
                sinceLast = 0;
                if (roc) {
                    xs[k] = neg == 0 ? 0 : fp / (double) neg;
                    ys[k++] = pos == 0 ? 0 : tp / (double) pos;
                } else {
                    xs[k] = pos == 0 ? 0 : tp / (double) pos;
                    ys[k++] = tp / (double) (tp + fp);
                }
            }
        }
        return new Points(Arrays.copyOf(xs, k), Arrays.copyOf(ys, k));
    }
}
