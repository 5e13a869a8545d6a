package io.github.churnkit.scoring.churn;

import java.util.Arrays;

/**
 * Exact path-dependent TreeSHAP values (Lundberg, Erion and Lee 2018) over a flattened
 * {@link TreeEnsemble}: for one row, adds each feature's Shapley value of one tree's output to
 * {@code phi}. The value of a feature subset S is the tree's expected output when the features in S
 * follow the row and the others are averaged over the training rows (child cover / parent cover
 * at each split on a feature outside S).
 *
 * <p><b>The formula.</b> Walking down to a leaf of value {@code v}, the path holds one element per
 * distinct split feature {@code j}: {@code z_j}, the product of the cover ratios of the path's
 * splits on {@code j}, and {@code o_j}, 1 when the row takes all of them and 0 otherwise (a feature
 * split twice is one element, as in the paper's Algorithm 2). The leaf adds {@code v} times
 * {@code prod_{j in S} o_j prod_{j not in S} z_j} to the value of S, so with {@code n} elements
 * its Shapley value for element {@code i} is
 * <pre>
 *   v (o_i - z_i) sum_{S without i} |S|! (n - 1 - |S|)! / n! prod_{j in S} o_j prod_{j not in S, j != i} z_j
 *   = v (o_i - z_i) integral_0^1 prod_{j != i} (z_j (1 - t) + o_j t) dt,
 * </pre>
 * because {@code s! (n - 1 - s)! / n!} is the Beta integral of {@code t^s (1 - t)^(n - 1 - s)}
 * (the identity behind Linear TreeShap: Yu, Bifet, Read and Xu, NeurIPS 2022). The integrand is a
 * polynomial of degree at most {@code n - 1 <= depth - 1}, so a Gauss-Legendre rule of
 * {@code ceil(depth / 2)} points on [0, 1] gives the integral exactly, up to rounding: two points
 * for trees of depth up to 4. Every factor lies in (0, 1], so the products neither cancel nor
 * overflow. This replaces Algorithm 2's permutation weights, whose updates and unwinding divide at
 * every step; the values are the same Shapley values, differing from Algorithm 2's only by
 * rounding.
 *
 * <p><b>Cost.</b> O(leaves * depth * points) per tree, O(leaves * depth^2) as Algorithm 2, with
 * multiplications only. The path is one stack: each element keeps its factors at the rule's points
 * and the products of the factors before it, so a leaf needs one backward pass. A split on a
 * feature already on the path sets the earlier element to {@code z = o = 1} (a factor of 1 that
 * contributes nothing) while its subtree is walked, instead of copying the path. The points are
 * processed as lanes written out by hand: two lanes for rules of one or two points (depth up to
 * 4), blocks of four lanes beyond, padded with points of weight 0. Allocates its arrays, of O(depth * points + features) entries, once per instance and
 * nothing per tree.
 *
 * <p>Not thread-safe; one instance serves one row at a time.
 */
final class TreeShap {

    private final TreeEnsemble e;
    private final double[] x;
    private final double[] phi;
    /**
     * The rule's points, padded with points of weight 0 to two lanes (rules of one or two points)
     * or to a multiple of four lanes (larger rules).
     */
    private final double[] points;
    private final int m;
    /** The path, one element per split above the current node: feature, z, o. */
    private final int[] d;
    private final double[] z;
    private final double[] o;
    /** {@code factor[j m + q]}: element j's factor {@code z_j (1 - t_q) + o_j t_q}. */
    private final double[] factor;
    /** {@code before[j m + q]}: the weight of point q times the product of the factors of elements 0..j-1 at it. */
    private final double[] before;
    /** For each feature, the position of its live element on the path, -1 when there is none. */
    private final int[] live;

    TreeShap(TreeEnsemble e, double[] x, double[] phi) {
        this.e = e;
        this.x = x;
        this.phi = phi;
        int depth = Math.max(1, e.maxDepth);
        Quadrature rule = Quadrature.forDegree(depth - 1);
        int size = rule.points.length;
        m = size <= 2 ? 2 : (size + 3) / 4 * 4;
        points = Arrays.copyOf(rule.points, m);
        d = new int[depth];
        z = new double[depth];
        o = new double[depth];
        factor = new double[depth * m];
        before = new double[(depth + 1) * m];
        System.arraycopy(rule.weights, 0, before, 0, rule.weights.length);
        live = new int[e.features];
        Arrays.fill(live, -1);
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
        recurse(root, 0);
    }

    /** Visits {@code node}, below a path of {@code len} elements. */
    private void recurse(int node, int len) {
        int f = e.feature[node];
        if (f < 0) {
            if (m == 2) {
                leaf2(len, e.value[node]);
            } else {
                leaf(len, e.value[node]);
            }
            return;
        }
        boolean goesLeft = x[f] <= e.threshold[node];
        int hot = goesLeft ? e.left[node] : e.right[node];
        int cold = goesLeft ? e.right[node] : e.left[node];
        int k = live[f];
        double iz = 1.0;
        double io = 1.0;
        if (k >= 0) {
            // merge with the earlier split on f (Algorithm 2's unwind): its element is neutral below here
            iz = z[k];
            io = o[k];
            set(k, len - 1, 1.0, 1.0);
        }
        live[f] = len;
        double c = e.cover[node];
        d[len] = f;
        set(len, len, iz * e.cover[hot] / c, io);
        recurse(hot, len + 1);
        set(len, len, iz * e.cover[cold] / c, 0.0);
        recurse(cold, len + 1);
        live[f] = k;
        if (k >= 0) {
            set(k, len - 1, iz, io);
        }
    }

    /**
     * Sets element {@code k} of the path to (zj, oj), its factors, and the products {@code before}
     * of elements {@code k + 1 .. top + 1}: {@code top} is the last element ({@code k} itself when
     * it is being pushed).
     */
    private void set(int k, int top, double zj, double oj) {
        z[k] = zj;
        o[k] = oj;
        double s = oj - zj;
        if (m == 2) {
            factor[2 * k] = zj + s * points[0];
            factor[2 * k + 1] = zj + s * points[1];
            for (int j = k; j <= top; j++) {
                before[2 * j + 2] = before[2 * j] * factor[2 * j];
                before[2 * j + 3] = before[2 * j + 1] * factor[2 * j + 1];
            }
            return;
        }
        for (int q = 0; q < m; q += 4) {
            int at = k * m + q;
            factor[at] = zj + s * points[q];
            factor[at + 1] = zj + s * points[q + 1];
            factor[at + 2] = zj + s * points[q + 2];
            factor[at + 3] = zj + s * points[q + 3];
        }
        for (int j = k; j <= top; j++) {
            for (int q = 0; q < m; q += 4) {
                int at = j * m + q;
                before[at + m] = before[at] * factor[at];
                before[at + m + 1] = before[at + 1] * factor[at + 1];
                before[at + m + 2] = before[at + 2] * factor[at + 2];
                before[at + m + 3] = before[at + 3] * factor[at + 3];
            }
        }
    }

    /**
     * Adds the contributions of a leaf of value {@code v} below a path of {@code n} elements: for
     * each element, {@code v (o - z)} times the rule's sum of the products of the other elements'
     * factors, {@code before} it times {@code after} it ({@code a0 .. a3}), four points at a time.
     */
    private void leaf(int n, double v) {
        for (int q = 0; q < m; q += 4) {
            double a0 = v;
            double a1 = v;
            double a2 = v;
            double a3 = v;
            for (int j = n - 1; j >= 0; j--) {
                int at = j * m + q;
                phi[d[j]] += (o[j] - z[j])
                        * ((before[at] * a0 + before[at + 1] * a1) + (before[at + 2] * a2 + before[at + 3] * a3));
                a0 *= factor[at];
                a1 *= factor[at + 1];
                a2 *= factor[at + 2];
                a3 *= factor[at + 3];
            }
        }
    }

    /** {@link #leaf} for a rule of two points. */
    private void leaf2(int n, double v) {
        double a0 = v;
        double a1 = v;
        for (int j = n - 1; j >= 0; j--) {
            phi[d[j]] += (o[j] - z[j]) * (before[2 * j] * a0 + before[2 * j + 1] * a1);
            a0 *= factor[2 * j];
            a1 *= factor[2 * j + 1];
        }
    }

    @Override
    public String toString() {
        return "TreeShap[" + Arrays.toString(phi) + "]";
    }

    /**
     * A Gauss-Legendre rule on [0, 1]: {@code sum_q weights[q] p(points[q])} is the integral of
     * {@code p} over [0, 1] for every polynomial of degree below {@code 2 * points.length}. The
     * nodes come from Newton's method on the Legendre polynomial (three-term recurrence, started at
     * the usual cosine estimates), the weights from {@code 2 / ((1 - x^2) P'(x)^2)}, both mapped
     * from [-1, 1]. Immutable; the rules of up to {@value #CACHED} points are built once and shared.
     */
    static final class Quadrature {

        static final int CACHED = 32;
        private static final Quadrature[] SHARED = new Quadrature[CACHED + 1];

        static {
            for (int m = 1; m <= CACHED; m++) {
                SHARED[m] = new Quadrature(m);
            }
        }

        final double[] points;
        final double[] weights;

        private Quadrature(int m) {
            points = new double[m];
            weights = new double[m];
            for (int i = 0; i < m; i++) {
                double x = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
                for (int iteration = 0; iteration < 100; iteration++) {
                    double step = legendre(m, x) / legendreSlope(m, x);
                    x -= step;
                    if (Math.abs(step) <= 1e-15) {
                        break;
                    }
                }
                double slope = legendreSlope(m, x);
                points[i] = (1 - x) / 2;
                weights[i] = 1 / ((1 - x * x) * slope * slope);
            }
        }

        /** P_m(x) by the three-term recurrence. */
        private static double legendre(int m, double x) {
            double p0 = 1;
            double p1 = x;
            for (int k = 2; k <= m; k++) {
                double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                p0 = p1;
                p1 = p2;
            }
            return p1;
        }

        /** P_m'(x) = m (x P_m(x) - P_{m-1}(x)) / (x^2 - 1), for x inside (-1, 1). */
        private static double legendreSlope(int m, double x) {
            return m == 1 ? 1 : m * (x * legendre(m, x) - legendre(m - 1, x)) / (x * x - 1);
        }

        /** The shared rule exact up to polynomial degree {@code degree} (>= 0), or a new one past the cache. */
        static Quadrature forDegree(int degree) {
            int m = degree / 2 + 1;
            return m <= CACHED ? SHARED[m] : new Quadrature(m);
        }
    }
}
