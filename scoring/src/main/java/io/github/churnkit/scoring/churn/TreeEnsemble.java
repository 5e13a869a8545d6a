package io.github.churnkit.scoring.churn;

import java.util.Arrays;

/**
 * A flattened ensemble of binary regression trees: the runtime form of a gradient-boosted model,
 * held in primitive arrays indexed by node (split feature, split threshold, left and right child,
 * leaf value, leaf cover) plus the root node of each tree, the output (class) each tree adds to and
 * a base score per output.
 *
 * <p><b>Routing.</b> At a split on feature {@code f} with threshold {@code t} a row goes left when
 * {@code x[f] <= t} and right otherwise; a NaN feature therefore goes right.
 *
 * <p><b>Raw scores.</b> Output {@code c} accumulates {@code F_c = base_c + leaf(tree_1) + leaf(tree_2)
 * + ...} over the trees of that output, in tree order. For a <b>binary</b> model the log-odds of
 * class 1 is {@code z = outputScale * F_0} and {@code P(class 1) = 1 - 1 / (1 + exp(z))}; Smile's
 * gradient boosting fits half log-odds, so its ensembles use {@code outputScale = 2}. For a
 * <b>multi-class</b> model the raw outputs are the margins {@code F_c} and the probabilities their
 * softmax (largest margin subtracted first). These formulas repeat Smile's arithmetic operation for
 * operation, so an ensemble exported from Smile gives bit-for-bit the probabilities Smile gives.
 *
 * <p><b>Contributions</b> are exact path-dependent TreeSHAP values (Lundberg, Erion and Lee,
 * "Consistent individualized feature attribution for tree ensembles", 2018) with the leaf covers
 * (training rows per leaf) as the background distribution, computed per leaf by an exact
 * Gauss-Legendre quadrature of the Shapley weight integral instead of Algorithm 2's weight updates
 * (see {@link TreeShap}); they sum, with {@link #expectedRawScore(int)}, to the raw score.
 *
 * <p>Build one with {@link #builder(int, int)}. Immutable and thread-safe.
 */
public final class TreeEnsemble implements ChurnPredictor {

    final int features;
    final int classes;
    final int[] feature;
    final double[] threshold;
    final int[] left;
    final int[] right;
    final double[] value;
    /** Training rows reaching each node (leaves as given, splits as the sum of their children). */
    final double[] cover;
    final int[] roots;
    final int[] treeOutput;
    final double[] base;
    final double outputScale;
    final int maxDepth;
    /** The same trees laid out for fast walks, or null when that layout does not apply. */
    private final CompleteTrees complete;

    private TreeEnsemble(Builder b, double[] cover, int maxDepth) {
        this.features = b.features;
        this.classes = b.classes;
        int n = b.nodes;
        this.feature = Arrays.copyOf(b.feature, n);
        this.threshold = Arrays.copyOf(b.threshold, n);
        this.left = Arrays.copyOf(b.left, n);
        this.right = Arrays.copyOf(b.right, n);
        this.value = Arrays.copyOf(b.value, n);
        this.cover = cover;
        this.roots = Arrays.copyOf(b.roots, b.trees);
        this.treeOutput = Arrays.copyOf(b.treeOutput, b.trees);
        this.base = b.base.clone();
        this.outputScale = b.outputScale;
        this.maxDepth = maxDepth;
        this.complete = CompleteTrees.of(this);
    }

    /**
     * A builder for an ensemble reading {@code featureCount} features and predicting
     * {@code classCount} classes (2 for a binary model).
     */
    public static Builder builder(int featureCount, int classCount) {
        return new Builder(featureCount, classCount);
    }

    @Override
    public int featureCount() {
        return features;
    }

    @Override
    public int classCount() {
        return classes;
    }

    /** Number of trees. */
    public int treeCount() {
        return roots.length;
    }

    /** Number of nodes over all trees. */
    public int nodeCount() {
        return feature.length;
    }

    /** The base score of output {@code output} (before any tree). */
    public double baseScore(int output) {
        Checks.output(output, base.length);
        return base[output];
    }

    /** The factor turning the binary margin into log-odds (2 for Smile's ensembles). */
    public double outputScale() {
        return outputScale;
    }

    // Array views for writing the ensemble to a file. To rebuild: create a builder with the same
    // feature and class counts, output scale and base scores; for each node index i in order, call
    // tree(treeOutputs()[t]) when i == treeRoots()[t], then split(feature, threshold) for
    // nodeFeatures()[i] >= 0 or leaf(value, cover) otherwise; finally children(i, left, right) for
    // every split.

    /** A copy of the split feature of each node ({@code -1} for a leaf). */
    public int[] nodeFeatures() {
        return feature.clone();
    }

    /** A copy of the split threshold of each node (0 for a leaf). */
    public double[] nodeThresholds() {
        return threshold.clone();
    }

    /** A copy of the left child ({@code x <= threshold}) of each node ({@code -1} for a leaf). */
    public int[] leftChildren() {
        return left.clone();
    }

    /** A copy of the right child of each node ({@code -1} for a leaf). */
    public int[] rightChildren() {
        return right.clone();
    }

    /** A copy of the value of each node (the leaf output; 0 for a split). */
    public double[] nodeValues() {
        return value.clone();
    }

    /** A copy of the cover of each node (training rows reaching it). */
    public double[] nodeCovers() {
        return cover.clone();
    }

    /** A copy of the root node index of each tree. */
    public int[] treeRoots() {
        return roots.clone();
    }

    /** A copy of the output (class) each tree adds to. */
    public int[] treeOutputs() {
        return treeOutput.clone();
    }

    /** The leaf a row reaches in tree {@code tree}. */
    int leaf(double[] x, int tree) {
        int node = roots[tree];
        while (feature[node] >= 0) {
            node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return node;
    }

    /** The binary margin {@code F_0}, summed in tree order exactly as Smile does. */
    private double margin0(double[] x) {
        if (complete != null) {
            return complete.margin(x, base[0]);
        }
        double y = base[0];
        for (int t = 0; t < roots.length; t++) {
            y += value[leaf(x, t)];
        }
        return y;
    }

    /**
     * {@inheritDoc} For a binary ensemble of depth at most {@value CompleteTrees#MAX_DEPTH} with
     * finite thresholds this takes blocks of 128 rows that stay in the L1 cache through one of two
     * batch forms ({@link BatchTrees}): each tree walked level by level, the rows' independent steps
     * overlapping; or, for trees of depth 2 to 6 far from complete on a JVM that vectorizes it
     * (HotSpot 25+ on x86-64), every split tested against integer ranks of the values and the leaf
     * read off a bit mask ({@link BitmaskTrees}). The system property {@code churnkit.batchForm}
     * ({@code walk}, {@code bitmask}, {@code auto}) fixes the choice for ensembles built after it is
     * set. Either way the per-row sums run in tree order, so every value equals
     * {@link #probability(double[])} bit for bit. Allocates nothing once the calling thread has its
     * working buffers (about {@code 1 KiB × featureCount()} per thread and ensemble, rounded up to a
     * power of two); the batch layout takes about 20 bytes per padded tree slot
     * ({@code treeCount() × 2^depth}, rounded up to a power of two), plus 16 bytes per split and 8
     * per distinct threshold for the bit-mask form.
     */
    @Override
    public void batchProbability(double[] rows, int count, double[] out) {
        if (complete == null) {
            ChurnPredictor.super.batchProbability(rows, count, out);
            return;
        }
        if (count < 0 || rows.length < (long) count * features || out.length < count) {
            throw new IllegalArgumentException("batch of " + count + " rows needs " + (long) count * features
                    + " inputs and " + count + " outputs, found " + rows.length + " and " + out.length);
        }
        complete.probabilities(rows, count, out, base[0], outputScale);
    }

    /** Margins of all outputs, accumulated tree by tree. */
    private void margins(double[] x, double[] out) {
        System.arraycopy(base, 0, out, 0, base.length);
        for (int t = 0; t < roots.length; t++) {
            out[treeOutput[t]] += value[leaf(x, t)];
        }
    }

    @Override
    public void probabilities(double[] x, double[] out) {
        Checks.width(x, features, "x");
        Checks.width(out, classes, "out");
        if (classes == 2) {
            double p0 = 1.0 / (1.0 + Math.exp(outputScale * margin0(x)));
            out[0] = p0;
            out[1] = 1.0 - p0;
            return;
        }
        margins(x, out);
        Checks.softmax(out);
    }

    @Override
    public double probability(double[] x) {
        Checks.width(x, features, "x");
        if (classes == 2) {
            return 1.0 - 1.0 / (1.0 + Math.exp(outputScale * margin0(x)));
        }
        double[] out = new double[classes];
        probabilities(x, out);
        return out[1];
    }

    @Override
    public double rawScore(double[] x, int output) {
        Checks.width(x, features, "x");
        Checks.output(output, base.length);
        if (classes == 2) {
            return outputScale * margin0(x);
        }
        double[] m = new double[classes];
        margins(x, m);
        return m[output];
    }

    @Override
    public double expectedRawScore(int output) {
        Checks.output(output, base.length);
        double e = base[output];
        for (int t = 0; t < roots.length; t++) {
            if (treeOutput[t] == output) {
                e += TreeShap.expectation(this, roots[t]);
            }
        }
        return classes == 2 ? outputScale * e : e;
    }

    @Override
    public double[] contributions(double[] x, int output) {
        Checks.width(x, features, "x");
        Checks.output(output, base.length);
        double[] phi = new double[features];
        TreeShap shap = new TreeShap(this, x, phi);
        for (int t = 0; t < roots.length; t++) {
            if (treeOutput[t] == output) {
                shap.addTree(roots[t]);
            }
        }
        if (classes == 2 && outputScale != 1.0) {
            for (int j = 0; j < phi.length; j++) {
                phi[j] *= outputScale;
            }
        }
        return phi;
    }

    /**
     * Staged margins, for choosing the number of trees: {@code result[t * outputCount() + c]} is
     * the margin {@code F_c} of output {@code c} after the first {@code t + 1} trees (without the
     * output scale). Allocates one array of {@code treeCount() * outputCount()} doubles.
     */
    public double[] stagedMargins(double[] x) {
        Checks.width(x, features, "x");
        int m = base.length;
        double[] out = new double[roots.length * m];
        double[] f = base.clone();
        for (int t = 0; t < roots.length; t++) {
            f[treeOutput[t]] += value[leaf(x, t)];
            System.arraycopy(f, 0, out, t * m, m);
        }
        return out;
    }

    /**
     * The first {@code trees} trees of this ensemble (all outputs' trees whose position is below
     * {@code trees}), with the same base scores and output scale.
     *
     * @throws IllegalArgumentException if {@code trees} is not in 1..treeCount()
     */
    public TreeEnsemble firstTrees(int trees) {
        if (trees < 1 || trees > roots.length) {
            throw new IllegalArgumentException("trees must be in 1.." + roots.length + ", found " + trees);
        }
        Builder b = builder(features, classes).outputScale(outputScale);
        for (int c = 0; c < base.length; c++) {
            b.baseScore(c, base[c]);
        }
        for (int t = 0; t < trees; t++) {
            b.tree(treeOutput[t]);
            copy(b, roots[t]);
        }
        return b.build();
    }

    private int copy(Builder b, int node) {
        if (feature[node] < 0) {
            return b.leaf(value[node], cover[node]);
        }
        int id = b.split(feature[node], threshold[node]);
        int l = copy(b, left[node]);
        int r = copy(b, right[node]);
        b.children(id, l, r);
        return id;
    }

    /** The complete-tree layout, or null when it does not apply (tests and benchmarks look at its batch form). */
    CompleteTrees completeForm() {
        return complete;
    }

    @Override
    public String toString() {
        return "TreeEnsemble[" + roots.length + " trees, " + feature.length + " nodes, " + features
                + " features, " + classes + " classes]";
    }

    /**
     * Builds a {@link TreeEnsemble} node by node. Start each tree with {@link #tree(int)}; the first
     * node added after it is the root. Add nodes with {@link #split} and {@link #leaf}, which
     * return the node's index, and connect a split to its children with {@link #children}. A
     * child must be added after its parent. Not thread-safe.
     */
    public static final class Builder {
        private final int features;
        private final int classes;
        private final double[] base;
        private double outputScale = 1.0;
        private int[] feature = new int[64];
        private double[] threshold = new double[64];
        private int[] left = new int[64];
        private int[] right = new int[64];
        private double[] value = new double[64];
        private double[] leafCover = new double[64];
        private int nodes;
        private int[] roots = new int[16];
        private int[] treeOutput = new int[16];
        private int trees;

        Builder(int features, int classes) {
            if (features < 1) {
                throw new IllegalArgumentException("featureCount must be at least 1, found " + features);
            }
            if (classes < 2) {
                throw new IllegalArgumentException("classCount must be at least 2, found " + classes);
            }
            this.features = features;
            this.classes = classes;
            this.base = new double[classes == 2 ? 1 : classes];
        }

        /** Sets the factor from binary margin to log-odds (default 1; Smile's ensembles use 2). */
        public Builder outputScale(double scale) {
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("outputScale must be positive and finite, found " + scale);
            }
            this.outputScale = scale;
            return this;
        }

        /** Sets the base score of output {@code output} (default 0). */
        public Builder baseScore(int output, double score) {
            Checks.output(output, base.length);
            Checks.finite(score, "base score");
            base[output] = score;
            return this;
        }

        /** Starts a new tree adding to output {@code output} (0 for a binary model). */
        public Builder tree(int output) {
            Checks.output(output, base.length);
            if (trees == roots.length) {
                roots = Arrays.copyOf(roots, trees * 2);
                treeOutput = Arrays.copyOf(treeOutput, trees * 2);
            }
            roots[trees] = nodes;
            treeOutput[trees] = output;
            trees++;
            return this;
        }

        /** Adds a split on {@code featureIndex} at {@code splitThreshold} (finite); returns its index. */
        public int split(int featureIndex, double splitThreshold) {
            if (featureIndex < 0 || featureIndex >= features) {
                throw new IllegalArgumentException("split feature " + featureIndex + " is outside 0.."
                        + (features - 1));
            }
            if (Double.isNaN(splitThreshold)) {
                throw new IllegalArgumentException("split threshold is NaN at node " + nodes);
            }
            return add(featureIndex, splitThreshold, 0.0, 0.0);
        }

        /**
         * Adds a leaf with output {@code leafValue} (finite) reached by {@code cover} training rows
         * (positive, the weight TreeSHAP gives it); returns its index.
         */
        public int leaf(double leafValue, double cover) {
            Checks.finite(leafValue, "leaf value at node " + nodes);
            if (!(cover > 0) || Double.isInfinite(cover)) {
                throw new IllegalArgumentException("leaf cover must be positive and finite, found " + cover
                        + " at node " + nodes);
            }
            return add(-1, 0.0, leafValue, cover);
        }

        /** Connects split {@code node} to its {@code leftChild} ({@code x <= t}) and {@code rightChild}. */
        public Builder children(int node, int leftChild, int rightChild) {
            if (node < 0 || node >= nodes || feature[node] < 0) {
                throw new IllegalArgumentException("node " + node + " is not a split");
            }
            if (leftChild <= node || rightChild <= node || leftChild >= nodes || rightChild >= nodes
                    || leftChild == rightChild) {
                throw new IllegalArgumentException("children of node " + node + " must be two distinct nodes"
                        + " added after it, found " + leftChild + " and " + rightChild);
            }
            left[node] = leftChild;
            right[node] = rightChild;
            return this;
        }

        private int add(int f, double t, double v, double c) {
            if (trees == 0) {
                throw new IllegalStateException("call tree(output) before adding nodes");
            }
            if (nodes == feature.length) {
                int m = nodes * 2;
                feature = Arrays.copyOf(feature, m);
                threshold = Arrays.copyOf(threshold, m);
                left = Arrays.copyOf(left, m);
                right = Arrays.copyOf(right, m);
                value = Arrays.copyOf(value, m);
                leafCover = Arrays.copyOf(leafCover, m);
            }
            feature[nodes] = f;
            threshold[nodes] = t;
            value[nodes] = v;
            leafCover[nodes] = c;
            left[nodes] = -1;
            right[nodes] = -1;
            return nodes++;
        }

        /**
         * The ensemble.
         *
         * @throws IllegalStateException if there is no tree, a tree has no node, a split lacks
         *                               children, a child lies in another tree or a node is
         *                               reached twice or never
         */
        public TreeEnsemble build() {
            if (trees == 0) {
                throw new IllegalStateException("the ensemble has no tree");
            }
            int[] parents = new int[nodes];
            for (int t = 0; t < trees; t++) {
                int start = roots[t];
                int end = t + 1 < trees ? roots[t + 1] : nodes;
                if (start >= end) {
                    throw new IllegalStateException("tree " + t + " has no node");
                }
                for (int i = start; i < end; i++) {
                    if (feature[i] >= 0) {
                        if (left[i] < 0) {
                            throw new IllegalStateException("split node " + i + " of tree " + t + " has no children");
                        }
                        if (left[i] >= end || right[i] >= end) {
                            throw new IllegalStateException("a child of node " + i + " lies outside tree " + t);
                        }
                        parents[left[i]]++;
                        parents[right[i]]++;
                    }
                }
                for (int i = start; i < end; i++) {
                    int expected = i == start ? 0 : 1;
                    if (parents[i] != expected) {
                        throw new IllegalStateException("node " + i + " of tree " + t + " has " + parents[i]
                                + " parents, expected " + expected);
                    }
                }
            }
            // children come after parents, so a backward pass sums the covers bottom-up
            double[] cover = Arrays.copyOf(leafCover, nodes);
            int[] depth = new int[nodes];
            for (int i = nodes - 1; i >= 0; i--) {
                if (feature[i] >= 0) {
                    cover[i] = cover[left[i]] + cover[right[i]];
                    depth[i] = 1 + Math.max(depth[left[i]], depth[right[i]]);
                }
            }
            int maxDepth = 0;
            for (int t = 0; t < trees; t++) {
                maxDepth = Math.max(maxDepth, depth[roots[t]]);
            }
            return new TreeEnsemble(this, cover, maxDepth);
        }
    }
}
