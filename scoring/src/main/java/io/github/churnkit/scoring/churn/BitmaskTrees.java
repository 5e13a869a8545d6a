package io.github.churnkit.scoring.churn;

import java.util.Arrays;

/**
 * A second batch form of a binary tree ensemble, for trees of depth 2 to {@value #MAX_DEPTH} that are
 * far from complete: every real split is tested for every row, with no walk, and the leaf each row
 * reaches is read off a 64-bit mask of the tree's leaves.
 *
 * <p><b>The leaf from a mask</b> (the exit-leaf rule of QuickScorer: C. Lucchese, F. M. Nardini,
 * S. Orlando, R. Perego, N. Tonellotto and R. Venturini, "QuickScorer: a fast algorithm to rank
 * documents with additive ensembles of regression trees", SIGIR 2015, Theorem 1). Number the
 * {@code 2^D} leaves of a tree's complete form left to right. A split whose test sends a row right
 * rules out every leaf of its left subtree; the leftmost leaf that no split rules out is the leaf
 * the row's walk ends in. (Every leaf left of the exit leaf lies in the left subtree of a split on
 * the row's path where the row went right; a split off the path rules out leaves of its own
 * subtree only, which does not hold the exit leaf.) So each row starts from all ones, each real
 * split that sends it right ands in the complement of its left subtree's bits, and the exit leaf is
 * the number of trailing zeros. A padding split (below a leaf shallower than {@code D}) sits above
 * copies of one value, so it is left out: whichever copy survives has the right value.
 *
 * <p><b>Comparisons as integers.</b> For each feature the distinct thresholds of its splits are
 * sorted; a value's <em>rank</em> is the number of them strictly below it (a NaN counts as above all:
 * NaN goes right, as in the walks, which read it as +infinity). A row goes right at threshold
 * number {@code k} (0-based) exactly when its rank is at least {@code k + 1}, so the test is the sign
 * of {@code rank - (k + 1)}, an int. Ranks are found once per row and feature (a branch-free binary
 * search, four rows interleaved); then, per tree and three splits at a time, one loop over the
 * block's rows ands the three masks in. That loop reads ints and writes longs, so the JIT can use
 * vector instructions for it (the same loop over doubles, or over longs in and out, stays scalar on
 * JDK 25).
 *
 * <p>Cost: one rank per row and used feature, then per tree and row about {@code splits / 3} loop
 * steps and one leaf read, against {@code D} dependent steps per tree and row for the walk of
 * {@link BatchTrees}; {@link BatchTrees} picks the cheaper from the counts (see
 * {@link #estimatedNanosPerRow}). Leaf values are added in tree order, so the sums equal the one-row
 * walk's bit for bit.
 *
 * <p>Immutable and thread-safe; the working buffers are per thread.
 */
final class BitmaskTrees {

    /** Deepest trees handled: {@code 2^6} leaves fill a long. */
    static final int MAX_DEPTH = 6;
    private static final int BLOCK = BatchTrees.BLOCK;
    private static final int BLOCK_SHIFT = 7;
    /** Splits tested per pass over a block. */
    private static final int GROUP = 3;

    private final int width;
    private final int trees;
    private final int stride;
    /** The features that have at least one split, and each one's sorted distinct thresholds. */
    private final int[] used;
    private final double[][] cuts;
    /** Per split group slot: the feature's rank column ({@code feature << 7}), {@code k + 1}, the mask. */
    private final int[] column;
    private final int[] rankNeeded;
    private final long[] keep;
    /** Tree {@code t}'s slots are {@code [start[t], start[t + 1])}, a positive multiple of {@link #GROUP}. */
    private final int[] start;
    private final double[] leaf;
    private final ThreadLocal<Work> work;

    private static final class Work {
        final int[] rank;
        final long[] mask = new long[BLOCK];

        Work(int features) {
            this.rank = new int[Math.max(1, features) * BLOCK];
        }
    }

    /**
     * @param depth          common depth {@code D}, 2 to {@value #MAX_DEPTH}
     * @param features       the row width
     * @param splitFeature   per tree, {@code 2^D - 1} split features in level order (children of
     *                       position {@code p} at {@code 2p + 1} and {@code 2p + 2}), tree after tree
     * @param splitThreshold the matching thresholds: finite, or NaN for a padding split
     * @param leafValue      per tree, its {@code 2^D} leaf values, tree after tree
     */
    BitmaskTrees(int depth, int features, int[] splitFeature, double[] splitThreshold, double[] leafValue) {
        if (depth < 2 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth " + depth + " outside 2.." + MAX_DEPTH);
        }
        this.width = features;
        this.stride = 1 << depth;
        this.trees = leafValue.length / stride;
        int inner = stride - 1;
        double[][] all = new double[features][];
        int[] counts = new int[features];
        for (int i = 0; i < splitThreshold.length; i++) {
            if (!Double.isNaN(splitThreshold[i])) {
                counts[splitFeature[i]]++;
            }
        }
        for (int f = 0; f < features; f++) {
            all[f] = new double[counts[f]];
            counts[f] = 0;
        }
        for (int i = 0; i < splitThreshold.length; i++) {
            double t = splitThreshold[i];
            if (!Double.isNaN(t)) {
                all[splitFeature[i]][counts[splitFeature[i]]++] = t + 0.0; // -0.0 and +0.0 are one threshold
            }
        }
        int usedCount = 0;
        for (int f = 0; f < features; f++) {
            double[] c = all[f];
            Arrays.sort(c);
            int distinct = 0;
            for (int i = 0; i < c.length; i++) {
                if (i == 0 || c[i] != c[distinct - 1]) {
                    c[distinct++] = c[i];
                }
            }
            all[f] = Arrays.copyOf(c, distinct);
            if (distinct > 0) {
                usedCount++;
            }
        }
        this.cuts = all;
        this.used = new int[usedCount];
        for (int f = 0, u = 0; f < features; f++) {
            if (all[f].length > 0) {
                used[u++] = f;
            }
        }
        this.start = new int[trees + 1];
        int slots = 0;
        for (int t = 0; t < trees; t++) {
            int real = 0;
            for (int p = 0; p < inner; p++) {
                real += Double.isNaN(splitThreshold[t * inner + p]) ? 0 : 1;
            }
            start[t] = slots;
            slots += Math.max(GROUP, (real + GROUP - 1) / GROUP * GROUP);
        }
        start[trees] = slots;
        this.column = new int[slots];
        this.rankNeeded = new int[slots];
        this.keep = new long[slots];
        // neutral slots: rank >= 0 always, so the mask of all ones is and'ed in
        Arrays.fill(keep, -1L);
        for (int t = 0; t < trees; t++) {
            int s = start[t];
            for (int p = 0; p < inner; p++) {
                double thr = splitThreshold[t * inner + p];
                if (Double.isNaN(thr)) {
                    continue;
                }
                int f = splitFeature[t * inner + p];
                int k = Arrays.binarySearch(cuts[f], thr + 0.0);
                int level = 31 - Integer.numberOfLeadingZeros(p + 1);
                int under = stride >> level;
                int first = (p + 1 - (1 << level)) * under;
                long leftLeaves = ((1L << (under >> 1)) - 1) << first;
                column[s] = f << BLOCK_SHIFT;
                rankNeeded[s] = k + 1;
                keep[s] = ~leftLeaves;
                s++;
            }
        }
        this.leaf = new double[BatchTrees.powerOfTwoAtLeast(trees * stride)];
        System.arraycopy(leafValue, 0, leaf, 0, trees * stride);
        this.work = ThreadLocal.withInitial(() -> new Work(features));
    }

    /**
     * A rough cost of a row in nanoseconds, from counts: a rank per used feature (about 1.4 ns per
     * binary-search step), about 0.45 ns per group of three splits per tree, and 1 ns per tree for
     * the leaf. The constants were fitted on the machine of {@code docs/benchmarks.md}
     * ({@code BatchWalkCpuHarness}); only their ratio to {@link BatchTrees}' estimate matters.
     */
    double estimatedNanosPerRow() {
        double ns = 0;
        for (int f : used) {
            ns += 1.0 + 1.4 * (32 - Integer.numberOfLeadingZeros(cuts[f].length));
        }
        ns += 0.45 * (start[trees] / GROUP) + 1.0 * trees;
        return ns;
    }

    /**
     * The class-1 probability of each row, {@code 1 - 1 / (1 + exp(outputScale · m))} with
     * {@code m = base + } the row's leaf values in tree order (the formula and order of
     * {@link TreeEnsemble#probability(double[])}).
     */
    void probabilities(double[] rows, int count, double[] out, double base, double scale) {
        Work w = work.get();
        final int[] rank = w.rank;
        final long[] mask = w.mask;
        final int[] col = column;
        final int[] need = rankNeeded;
        final long[] kp = keep;
        final double[] v = leaf;
        final int mv = v.length - 1;
        for (int from = 0; from < count; from += BLOCK) {
            final int n = Math.min(BLOCK, count - from);
            for (int f : used) {
                ranks(rows, from, n, f, rank);
            }
            for (int r = 0; r < n; r++) {
                out[from + r] = base;
            }
            for (int t = 0; t < trees; t++) {
                Arrays.fill(mask, -1L);
                for (int s = start[t], end = start[t + 1]; s < end; s += GROUP) {
                    final int o1 = col[s], o2 = col[s + 1], o3 = col[s + 2];
                    final int k1 = need[s], k2 = need[s + 1], k3 = need[s + 2];
                    final long m1 = kp[s], m2 = kp[s + 1], m3 = kp[s + 2];
                    for (int r = 0; r < BLOCK; r++) {
                        mask[r] &= (m1 | (long) ((rank[o1 + r] - k1) >> 31))
                                & (m2 | (long) ((rank[o2 + r] - k2) >> 31))
                                & (m3 | (long) ((rank[o3 + r] - k3) >> 31));
                    }
                }
                final int b = t * stride;
                for (int r = 0; r < n; r++) {
                    out[from + r] += v[(b + Long.numberOfTrailingZeros(mask[r])) & mv];
                }
            }
            for (int r = 0; r < n; r++) {
                out[from + r] = 1.0 - 1.0 / (1.0 + Math.exp(scale * out[from + r]));
            }
        }
    }

    /**
     * Ranks of feature {@code f} for rows {@code from .. from + n - 1} into column {@code f} of the
     * block: the number of the feature's thresholds strictly below the value, NaN above all. A
     * branch-free binary search, four rows side by side so that their dependent loads overlap.
     */
    private void ranks(double[] rows, int from, int n, int f, int[] rank) {
        final double[] c = cuts[f];
        final int len = c.length;
        final int w = width;
        final int col = f << BLOCK_SHIFT;
        int r = 0;
        for (; r + 4 <= n; r += 4) {
            final int src = (from + r) * w + f;
            double x0 = rows[src];
            double x1 = rows[src + w];
            double x2 = rows[src + 2 * w];
            double x3 = rows[src + 3 * w];
            x0 = x0 != x0 ? Double.POSITIVE_INFINITY : x0;
            x1 = x1 != x1 ? Double.POSITIVE_INFINITY : x1;
            x2 = x2 != x2 ? Double.POSITIVE_INFINITY : x2;
            x3 = x3 != x3 ? Double.POSITIVE_INFINITY : x3;
            int l0 = 0, l1 = 0, l2 = 0, l3 = 0;
            int k = len;
            // invariant: the rank is in [l, l + k] and every c[j < l] is below the value
            while (k > 1) {
                final int half = k >>> 1;
                l0 = c[l0 + half - 1] < x0 ? l0 + half : l0;
                l1 = c[l1 + half - 1] < x1 ? l1 + half : l1;
                l2 = c[l2 + half - 1] < x2 ? l2 + half : l2;
                l3 = c[l3 + half - 1] < x3 ? l3 + half : l3;
                k -= half;
            }
            // k == 1 here (len >= 1 for a used feature): one candidate left
            rank[col + r] = c[l0] < x0 ? l0 + 1 : l0;
            rank[col + r + 1] = c[l1] < x1 ? l1 + 1 : l1;
            rank[col + r + 2] = c[l2] < x2 ? l2 + 1 : l2;
            rank[col + r + 3] = c[l3] < x3 ? l3 + 1 : l3;
        }
        for (; r < n; r++) {
            double x = rows[(from + r) * w + f];
            x = x != x ? Double.POSITIVE_INFINITY : x;
            int l = 0;
            int k = len;
            while (k > 1) {
                final int half = k >>> 1;
                l = c[l + half - 1] < x ? l + half : l;
                k -= half;
            }
            rank[col + r] = c[l] < x ? l + 1 : l;
        }
    }

    @Override
    public String toString() {
        return "BitmaskTrees[" + trees + " trees, " + start[trees] + " split slots, " + used.length + " of " + width
                + " features used]";
    }
}
