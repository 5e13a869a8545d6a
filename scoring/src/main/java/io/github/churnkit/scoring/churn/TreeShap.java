package io.github.churnkit.scoring.churn;

import java.util.Arrays;

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion and Lee 2018, Algorithm 2) over a flattened
 * {@link TreeEnsemble}: for one row, adds each feature's Shapley value of one tree's output to
 * {@code phi}. The value of a feature subset S is the tree's expected output when the features in S
 * follow the row and the others are averaged over the training rows (child cover / parent cover
 * at each split on a feature outside S). Runs in O(leaves * depth^2) per tree.
 *
 * <p>The path holds, for each split feature met on the way down: the feature ({@code d}), the
 * share of rows that reach here with the feature not fixed ({@code z}), whether the row itself
 * follows this path ({@code o}, 0 or 1) and the permutation weights ({@code w}). Not thread-safe;
 * one instance serves one row.
 */
final class TreeShap {

    private final TreeEnsemble e;
    private final double[] x;
    private final double[] phi;

    TreeShap(TreeEnsemble e, double[] x, double[] phi) {
        this.e = e;
        this.x = x;
        this.phi = phi;
    }

    /** The expected output of the subtree at {@code node} over the training rows (cover-weighted). */
    static double expectation(TreeEnsemble e, int node) {
        if (e.feature[node] < 0) {
            return e.value[node];
        }
        int l = e.left[node];
        int r = e.right[node];
        return (e.cover[l] * expectation(e, l) + e.cover[r] * expectation(e, r)) / e.cover[node];
    }

    void addTree(int root) {
        int cap = e.maxDepth + 2;
        recurse(root, new Path(cap), 0, 1.0, 1.0, -1);
    }

    /** One path of up to {@code cap} elements. */
    private static final class Path {
        final int[] d;
        final double[] z;
        final double[] o;
        final double[] w;

        Path(int cap) {
            d = new int[cap];
            z = new double[cap];
            o = new double[cap];
            w = new double[cap];
        }

        Path copy() {
            Path p = new Path(d.length);
            System.arraycopy(d, 0, p.d, 0, d.length);
            System.arraycopy(z, 0, p.z, 0, d.length);
            System.arraycopy(o, 0, p.o, 0, d.length);
            System.arraycopy(w, 0, p.w, 0, d.length);
            return p;
        }
    }

    private void recurse(int node, Path parent, int len, double pz, double po, int pi) {
        Path m = parent.copy();
        extend(m, len, pz, po, pi);
        len++;
        if (e.feature[node] < 0) {
            for (int i = 1; i < len; i++) {
                double s = unwoundSum(m, len, i);
                phi[m.d[i]] += s * (m.o[i] - m.z[i]) * e.value[node];
            }
            return;
        }
        int f = e.feature[node];
        boolean goesLeft = x[f] <= e.threshold[node];
        int hot = goesLeft ? e.left[node] : e.right[node];
        int cold = goesLeft ? e.right[node] : e.left[node];
        double iz = 1.0;
        double io = 1.0;
        int k = 1;
        while (k < len && m.d[k] != f) {
            k++;
        }
        if (k < len) {
            iz = m.z[k];
            io = m.o[k];
            unwind(m, len, k);
            len--;
        }
        double c = e.cover[node];
        recurse(hot, m, len, iz * e.cover[hot] / c, io, f);
        recurse(cold, m, len, iz * e.cover[cold] / c, 0.0, f);
    }

    /** Appends (pi, pz, po) to a path of length {@code l} and updates the weights. */
    private static void extend(Path m, int l, double pz, double po, int pi) {
        m.d[l] = pi;
        m.z[l] = pz;
        m.o[l] = po;
        m.w[l] = l == 0 ? 1.0 : 0.0;
        for (int i = l - 1; i >= 0; i--) {
            m.w[i + 1] += po * m.w[i] * (i + 1) / (l + 1);
            m.w[i] = pz * m.w[i] * (l - i) / (l + 1.0);
        }
    }

    /** Removes element {@code i} from a path of length {@code len}, undoing its extension. */
    private static void unwind(Path m, int len, int i) {
        int l = len - 1;
        double n = m.w[l];
        double oi = m.o[i];
        double zi = m.z[i];
        for (int j = l - 1; j >= 0; j--) {
            if (oi != 0) {
                double t = m.w[j];
                m.w[j] = n * (l + 1) / ((j + 1) * oi);
                n = t - m.w[j] * zi * (l - j) / (l + 1.0);
            } else {
                m.w[j] = m.w[j] * (l + 1) / (zi * (l - j));
            }
        }
        for (int j = i; j < l; j++) {
            m.d[j] = m.d[j + 1];
            m.z[j] = m.z[j + 1];
            m.o[j] = m.o[j + 1];
        }
    }

    /** The total weight of a path of length {@code len} with element {@code i} unwound, without changing it. */
    private static double unwoundSum(Path m, int len, int i) {
        int l = len - 1;
        double oi = m.o[i];
        double zi = m.z[i];
        double next = m.w[l];
        double total = 0.0;
        for (int j = l - 1; j >= 0; j--) {
            if (oi != 0) {
                double t = next * (l + 1) / ((j + 1) * oi);
                total += t;
                next = m.w[j] - t * zi * (l - j) / (l + 1.0);
            } else {
                total += (m.w[j] / zi) / ((l - j) / (l + 1.0));
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return "TreeShap[" + Arrays.toString(phi) + "]";
    }
}
