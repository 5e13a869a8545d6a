package io.github.churnkit.models.segment;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Measures of a clustering: inertia, silhouette, Calinski-Harabasz and the adjusted Rand index.
 *
 * <p>All distances are Euclidean. Inputs are rows of equal length; none of the methods accepts NaN
 * (the result would be NaN). Stateless and thread-safe.
 */
public final class ClusterQuality {

    private ClusterQuality() { }

    /** Squared Euclidean distance between two vectors of equal length. */
    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            s += diff * diff;
        }
        return s;
    }

    /** The index of the centroid nearest to {@code x} (the first one on a tie). */
    static int nearest(double[] x, double[][] centroids) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = squaredDistance(x, centroids[c]);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    /** Nearest-centroid labels of every row. */
    static int[] labels(double[][] x, double[][] centroids) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = nearest(x[i], centroids);
        }
        return out;
    }

    /**
     * Inertia (within-cluster sum of squares): {@code sum_i min_c ||x_i - c||^2}, each row counted
     * against its nearest centroid. 0 for no rows.
     */
    public static double inertia(double[][] x, double[][] centroids) {
        double s = 0;
        for (double[] row : x) {
            s += squaredDistance(row, centroids[nearest(row, centroids)]);
        }
        return s;
    }

    /**
     * Mean silhouette width (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation
     * and validation of cluster analysis", J. Comput. Appl. Math. 20): for row {@code i},
     * {@code a} is its mean distance to the other rows of its cluster, {@code b} the smallest mean
     * distance to the rows of another cluster, and {@code s = (b - a) / max(a, b)} ({@code s = 0}
     * for a row alone in its cluster). The result lies in [-1, 1]; higher is better.
     *
     * <p>The exact computation takes {@code O(n^2)} distances, so when there are more than
     * {@code sampleSize} rows a seeded uniform sample of {@code sampleSize} rows (without
     * replacement) is scored instead, distances taken within the sample.
     *
     * @return the mean silhouette, or NaN when fewer than two clusters are present (in the sample)
     */
    public static double silhouette(double[][] x, int[] labels, int sampleSize, long seed) {
        Objects.requireNonNull(x, "x");
        if (x.length != labels.length) {
            throw new IllegalArgumentException(x.length + " rows but " + labels.length + " labels");
        }
        if (sampleSize < 2) {
            throw new IllegalArgumentException("sampleSize must be at least 2, found " + sampleSize);
        }
        int[] rows = sample(x.length, sampleSize, seed);
        int m = rows.length;
        int[] lab = new int[m];
        Map<Integer, Integer> code = new HashMap<>();
        for (int i = 0; i < m; i++) {
            Integer c = code.get(labels[rows[i]]);
            if (c == null) {
                c = code.size();
                code.put(labels[rows[i]], c);
            }
            lab[i] = c;
        }
        int k = code.size();
        if (k < 2) {
            return Double.NaN;
        }
        int[] size = new int[k];
        for (int l : lab) {
            size[l]++;
        }
        double[] sums = new double[k];
        double total = 0;
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(sums, 0.0);
            double[] xi = x[rows[i]];
            for (int j = 0; j < m; j++) {
                if (j != i) {
                    sums[lab[j]] += Math.sqrt(squaredDistance(xi, x[rows[j]]));
                }
            }
            int own = lab[i];
            if (size[own] == 1) {
                continue;
            }
            double a = sums[own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own) {
                    b = Math.min(b, sums[c] / size[c]);
                }
            }
            double denom = Math.max(a, b);
            total += denom == 0 ? 0 : (b - a) / denom;
        }
        return total / m;
    }

    /** Row indices of a seeded sample without replacement (all rows, in order, when n <= size). */
    static int[] sample(int n, int size, long seed) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (n <= size) {
            return idx;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return java.util.Arrays.copyOf(idx, size);
    }

    /**
     * Calinski-Harabasz index (Calinski and Harabasz 1974, "A dendrite method for cluster
     * analysis", Comm. Stat. 3): {@code [B / (k - 1)] / [W / (n - k)]} with {@code B} the
     * between-cluster sum of squares {@code sum_c n_c ||mean_c - mean||^2} and {@code W} the
     * within-cluster sum of squares; {@code k} counts non-empty clusters. Higher is better.
     *
     * @return the index; NaN when {@code k < 2} or {@code n <= k}; +Infinity when {@code W = 0}
     *         and {@code B > 0}
     */
    public static double calinskiHarabasz(double[][] x, int[] labels) {
        if (x.length != labels.length) {
            throw new IllegalArgumentException(x.length + " rows but " + labels.length + " labels");
        }
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        int d = x[0].length;
        Map<Integer, Integer> code = new HashMap<>();
        int[] lab = new int[n];
        for (int i = 0; i < n; i++) {
            lab[i] = code.computeIfAbsent(labels[i], key -> code.size());
        }
        int k = code.size();
        if (k < 2 || n <= k) {
            return Double.NaN;
        }
        double[][] means = new double[k][d];
        int[] size = new int[k];
        double[] grand = new double[d];
        for (int i = 0; i < n; i++) {
            size[lab[i]]++;
            for (int j = 0; j < d; j++) {
                means[lab[i]][j] += x[i][j];
                grand[j] += x[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                means[c][j] /= size[c];
            }
        }
        for (int j = 0; j < d; j++) {
            grand[j] /= n;
        }
        double between = 0;
        for (int c = 0; c < k; c++) {
            between += size[c] * squaredDistance(means[c], grand);
        }
        double within = 0;
        for (int i = 0; i < n; i++) {
            within += squaredDistance(x[i], means[lab[i]]);
        }
        return (between / (k - 1)) / (within / (n - k));
    }

    /**
     * Adjusted Rand index (Hubert and Arabie 1985, "Comparing partitions", J. Classification 2):
     * the Rand index corrected for chance,
     * {@code (index - expected) / (max - expected)} with {@code index = sum_ij C(n_ij, 2)},
     * {@code expected = sum_i C(a_i, 2) * sum_j C(b_j, 2) / C(n, 2)} and
     * {@code max = (sum_i C(a_i, 2) + sum_j C(b_j, 2)) / 2}, where {@code n_ij} counts rows in
     * cluster {@code i} of {@code a} and {@code j} of {@code b}. 1 for identical partitions (up to
     * renaming), about 0 for independent ones, and possibly negative. Labels are arbitrary ints.
     *
     * @return the index; 1 when both partitions are the same trivial partition (one cluster, or all
     *         singletons), where the formula is 0/0
     * @throws IllegalArgumentException if the lengths differ or are below 2
     */
    public static double adjustedRandIndex(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("partitions have " + a.length + " and " + b.length + " rows");
        }
        int n = a.length;
        if (n < 2) {
            throw new IllegalArgumentException("the adjusted Rand index needs at least 2 rows, found " + n);
        }
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, Long> cols = new HashMap<>();
        Map<Long, Long> cells = new HashMap<>();
        for (int i = 0; i < n; i++) {
            rows.merge(a[i], 1L, Long::sum);
            cols.merge(b[i], 1L, Long::sum);
            cells.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1L, Long::sum);
        }
        double index = 0;
        for (long c : cells.values()) {
            index += pairs(c);
        }
        double sumA = 0;
        for (long c : rows.values()) {
            sumA += pairs(c);
        }
        double sumB = 0;
        for (long c : cols.values()) {
            sumB += pairs(c);
        }
        double expected = sumA * sumB / pairs(n);
        double max = 0.5 * (sumA + sumB);
        if (max == expected) {
            return 1.0;
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }
}
