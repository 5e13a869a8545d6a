package io.github.churnkit.scoring.churn;

/**
 * A binary tree ensemble re-laid out for speed: every tree padded to a complete tree of the same
 * depth {@code D}, stored level by level, so that a walk is {@code D} steps of
 * {@code i = 2i + 1 + right(threshold[i], x[feature[i]])} ({@link BatchTrees#right(double, double)},
 * with NaN inputs read as +infinity) with no child pointers to load, and
 * a tree's {@code 2^D - 1} splits and {@code 2^D} leaf values sit next to each other in memory.
 * A leaf that is shallower than {@code D} is padded with splits whose threshold is NaN (a row may
 * go either way) above copies of its value, so each row reaches a
 * leaf with the value it reaches in the original tree and the sums are the same bit for bit.
 *
 * <p>Walks eight trees side by side for one row, so independent loads overlap; a batch of rows goes
 * through the same trees in a batch form, {@link BatchTrees} (a level-by-level walk over blocks of
 * rows, or the bit-mask form of {@link BitmaskTrees}).
 * Used only when every real threshold is finite and the depth is at most {@value #MAX_DEPTH}.
 * Immutable and thread-safe.
 */
final class CompleteTrees {

    /** Deepest ensemble laid out this way: 2^8 leaves per tree. */
    static final int MAX_DEPTH = 8;
    private static final int GROUP = 8;

    private final int depth;
    private final int inner;
    private final int trees;
    private final int[] feature;
    private final double[] threshold;
    private final double[] leaf;
    private final BatchTrees batch;
    private final int batchFeatures;
    /** Per thread, the row being walked with NaN read as +infinity. */
    private final ThreadLocal<double[]> rowBuffer;

    private CompleteTrees(TreeEnsemble e, int depth) {
        this.depth = depth;
        this.inner = (1 << depth) - 1;
        this.trees = e.roots.length;
        this.feature = new int[trees * inner];
        this.threshold = new double[trees * inner];
        this.leaf = new double[trees * (inner + 1)];
        for (int t = 0; t < trees; t++) {
            place(e, e.roots[t], t, 0, 0);
        }
        this.batchFeatures = e.features;
        this.rowBuffer = ThreadLocal.withInitial(() -> new double[e.features]);
        this.batch = new BatchTrees(depth, e.features, feature, threshold, leaf);
    }

    /** The complete layout of {@code e}, or null when it does not apply (multi-class, too deep, an infinite threshold). */
    static CompleteTrees of(TreeEnsemble e) {
        if (e.classes != 2 || e.maxDepth > MAX_DEPTH) {
            return null;
        }
        for (int i = 0; i < e.feature.length; i++) {
            if (e.feature[i] >= 0 && !Double.isFinite(e.threshold[i])) {
                return null;
            }
        }
        return new CompleteTrees(e, e.maxDepth);
    }

    private void place(TreeEnsemble e, int node, int t, int pos, int level) {
        if (level == depth) {
            leaf[t * (inner + 1) + pos - inner] = e.value[node];
            return;
        }
        int at = t * inner + pos;
        if (e.feature[node] >= 0) {
            feature[at] = e.feature[node];
            threshold[at] = e.threshold[node] + 0.0; // -0.0 becomes +0.0: equal under <=, see BatchTrees.right
            place(e, e.left[node], t, 2 * pos + 1, level + 1);
            place(e, e.right[node], t, 2 * pos + 2, level + 1);
        } else {
            feature[at] = 0;
            threshold[at] = Double.NaN;
            place(e, node, t, 2 * pos + 1, level + 1);
            place(e, node, t, 2 * pos + 2, level + 1);
        }
    }

    /**
     * 1 when a row goes right, for an {@code x} that is not NaN: {@link BatchTrees#right(double, double)}
     * (at a NaN padding threshold the difference is NaN and the result either value; both sides
     * of a padding split hold the same leaf value).
     */
    private static int step(double x, double threshold) {
        return (int) (Double.doubleToRawLongBits(threshold - x) >>> 63);
    }

    /**
     * The sum of the leaf values {@code x} reaches, added to {@code base} in tree order. The row is
     * first copied into a per-thread buffer with every NaN replaced by +infinity (a NaN goes right at
     * every finite threshold, and so does +infinity), so that each step is the sign bit of
     * {@code threshold - x} alone ({@link BatchTrees#right(double, double)}); at a padding split the
     * NaN threshold may send the row either way, and both sides hold the same leaf value.
     */
    double margin(double[] x, double base) {
        final double[] row = rowBuffer.get();
        for (int j = 0; j < row.length; j++) {
            double v = x[j];
            row[j] = v != v ? Double.POSITIVE_INFINITY : v;
        }
        return sanitizedMargin(row, base);
    }

    private double sanitizedMargin(double[] x, double base) {
        final int[] f = feature;
        final double[] thr = threshold;
        final double[] v = leaf;
        final int in = inner;
        final int d = depth;
        double y = base;
        int t = 0;
        for (; t + GROUP <= trees; t += GROUP) {
            final int b0 = t * in;
            int i0 = 0, i1 = 0, i2 = 0, i3 = 0, i4 = 0, i5 = 0, i6 = 0, i7 = 0;
            for (int k = 0; k < d; k++) {
                i0 = 2 * i0 + 1 + step(x[f[b0 + i0]], thr[b0 + i0]);
                i1 = 2 * i1 + 1 + step(x[f[b0 + in + i1]], thr[b0 + in + i1]);
                i2 = 2 * i2 + 1 + step(x[f[b0 + 2 * in + i2]], thr[b0 + 2 * in + i2]);
                i3 = 2 * i3 + 1 + step(x[f[b0 + 3 * in + i3]], thr[b0 + 3 * in + i3]);
                i4 = 2 * i4 + 1 + step(x[f[b0 + 4 * in + i4]], thr[b0 + 4 * in + i4]);
                i5 = 2 * i5 + 1 + step(x[f[b0 + 5 * in + i5]], thr[b0 + 5 * in + i5]);
                i6 = 2 * i6 + 1 + step(x[f[b0 + 6 * in + i6]], thr[b0 + 6 * in + i6]);
                i7 = 2 * i7 + 1 + step(x[f[b0 + 7 * in + i7]], thr[b0 + 7 * in + i7]);
            }
            // leaf of tree t + j at (t + j) * (in + 1) + i_j - in
            final int l0 = t * (in + 1) - in;
            final int step = in + 1;
            y += v[l0 + i0];
            y += v[l0 + step + i1];
            y += v[l0 + 2 * step + i2];
            y += v[l0 + 3 * step + i3];
            y += v[l0 + 4 * step + i4];
            y += v[l0 + 5 * step + i5];
            y += v[l0 + 6 * step + i6];
            y += v[l0 + 7 * step + i7];
        }
        for (; t < trees; t++) {
            int b = t * in;
            int i = 0;
            for (int k = 0; k < d; k++) {
                i = 2 * i + 1 + step(x[f[b + i]], thr[b + i]);
            }
            y += v[t + b + i - in];
        }
        return y;
    }

    /**
     * The class-1 probabilities of {@code count} rows with the batch layout ({@link BatchTrees});
     * allocates nothing once the calling thread has its buffers.
     */
    void probabilities(double[] rows, int count, double[] out, double base, double outputScale) {
        batch.probabilities(rows, count, out, base, outputScale);
    }

    /** The batch form in use (its {@code toString} says which). */
    BatchTrees batchForm() {
        return batch;
    }

    /** A batch form of these trees built with {@code strategy} ({@link BatchTrees#WALK}, ...), for tests and benchmarks. */
    BatchTrees batchForm(int strategy) {
        return new BatchTrees(depth, batchFeatures, feature, threshold, leaf, strategy);
    }
}
