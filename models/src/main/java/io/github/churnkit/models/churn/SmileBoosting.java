package io.github.churnkit.models.churn;

import io.github.churnkit.scoring.churn.TreeEnsemble;
import java.util.concurrent.locks.ReentrantLock;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.data.vector.ValueVector;
import smile.math.MathEx;
import smile.regression.RegressionTree;

/**
 * Trains smile-core 4.4.2's {@code GradientTreeBoost} and flattens it into a {@link TreeEnsemble}
 * whose probabilities equal Smile's bit for bit.
 *
 * <p>Traps handled here:
 * <ul>
 *   <li>{@code GradientTreeBoost.Options} has no seed; row subsampling draws from
 *       {@code MathEx}'s thread-local generator. {@link #fit} seeds it with
 *       {@code MathEx.setSeed} and fits on the same thread under one lock, so the same data and
 *       seed give the same trees.</li>
 *   <li>{@code OrdinalNode} has no public threshold getter; {@link #threshold} recovers it exactly
 *       by bisection over the ordered bit patterns of doubles with the public
 *       {@code branch(Tuple)} test ({@code x <= value}): the largest double that still branches
 *       left is {@code value} itself.</li>
 *   <li>The binary intercept is private; {@link #intercept} recomputes it as Smile's training does:
 *       {@code b = 0.5 log((1 + mu) / (1 - mu))} with {@code mu} the mean of the labels mapped to
 *       -1/+1.</li>
 *   <li>Smile's {@code maxDepth} counts the root as depth 1; callers pass depth in splits and this
 *       class adds one.</li>
 * </ul>
 * Smile's binary model predicts {@code P(1) = 1 - 1 / (1 + exp(2 F))} with
 * {@code F = b + sum shrinkage * leaf}; the flattened leaves store {@code shrinkage * output}
 * (the same product Smile forms at each prediction) and the ensemble uses output scale 2.
 * Multi-class models have no intercept; their trees are flattened iteration by iteration, class by
 * class, which keeps each class's summation order.
 */
final class SmileBoosting {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final String LABEL = "y";

    /** One fitted model with the schema it was trained on. */
    record Fitted(GradientTreeBoost model, StructType schema, double shrinkage, int features) {
    }

    private SmileBoosting() {
    }

    static String column(int j) {
        return "x" + j;
    }

    /** A data frame with columns x0..x(p-1) and the label column y. */
    static DataFrame frame(double[][] x, int[] y) {
        int n = x.length;
        int p = x[0].length;
        ValueVector[] cols = new ValueVector[p + 1];
        for (int j = 0; j < p; j++) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = x[i][j];
            }
            cols[j] = new DoubleVector(column(j), c);
        }
        cols[p] = new IntVector(LABEL, y.clone());
        return new DataFrame(cols);
    }

    /** Fits Smile's boosting with {@code trees} iterations; the config's depth counts splits. */
    static Fitted fit(double[][] x, int[] y, BoostedChurnTrainer.Config config, int trees) {
        DataFrame df = frame(x, y);
        GradientTreeBoost.Options options = new GradientTreeBoost.Options(trees, config.maxDepth() + 1,
                config.maxLeaves(), config.minLeafSize(), config.shrinkage(), config.subsample(), null, null);
        GradientTreeBoost model;
        LOCK.lock();
        try {
            MathEx.setSeed(config.seed());
            model = GradientTreeBoost.fit(Formula.lhs(LABEL), df, options);
        } finally {
            LOCK.unlock();
        }
        return new Fitted(model, df.schema(), config.shrinkage(), x[0].length);
    }

    /** Smile's binary intercept for 0/1 labels, computed as its training computes it. */
    static double intercept(int[] y) {
        long sum = 0;
        for (int label : y) {
            sum += 2 * label - 1;
        }
        double mu = (double) sum / y.length;
        return 0.5 * Math.log((1 + mu) / (1 - mu));
    }

    /** The flattened ensemble of a model fitted on labels {@code y} (0..k-1). */
    static TreeEnsemble flatten(Fitted fitted, int[] y, int k) {
        RegressionTree[][] forest = fitted.model().trees();
        TreeEnsemble.Builder b = TreeEnsemble.builder(fitted.features(), k);
        if (k == 2) {
            b.outputScale(2.0).baseScore(0, intercept(y));
        } else if (forest.length != k) {
            throw new IllegalStateException("Smile returned " + forest.length + " tree groups for " + k + " classes");
        }
        int iterations = forest[0].length;
        for (int t = 0; t < iterations; t++) {
            for (int c = 0; c < forest.length; c++) {
                RegressionTree tree = forest[c][t];
                b.tree(c);
                add(b, tree.root(), featureMap(tree.schema(), fitted.features()), tree.schema(), fitted.shrinkage());
            }
        }
        return b.build();
    }

    /** Our feature index of each column of a tree's schema, by name. */
    private static int[] featureMap(StructType schema, int p) {
        int[] map = new int[schema.length()];
        for (int i = 0; i < map.length; i++) {
            String name = schema.field(i).name();
            int j = name.startsWith("x") ? Integer.parseInt(name.substring(1)) : -1;
            if (j < 0 || j >= p) {
                throw new IllegalStateException("unexpected column '" + name + "' in a Smile tree schema");
            }
            map[i] = j;
        }
        return map;
    }

    private static int add(TreeEnsemble.Builder b, Node node, int[] map, StructType schema, double shrinkage) {
        if (node instanceof RegressionNode leaf) {
            return b.leaf(shrinkage * leaf.output(), leaf.size());
        }
        if (node instanceof OrdinalNode split) {
            int id = b.split(map[split.feature()], threshold(split, schema));
            int l = add(b, split.trueChild(), map, schema, shrinkage);
            int r = add(b, split.falseChild(), map, schema, shrinkage);
            b.children(id, l, r);
            return id;
        }
        // numeric data frames only produce ordinal splits; a nominal split would need a category code
        throw new IllegalStateException("unsupported Smile node " + node.getClass().getName()
                + (node instanceof InternalNode s ? " on column " + schema.field(s.feature()).name() : ""));
    }

    /**
     * The exact threshold {@code v} of an ordinal split ({@code x <= v} goes to the true child):
     * the largest double for which {@code branch} is true, by bisection over doubles in their
     * total order (about 64 calls of {@code branch}).
     */
    static double threshold(InternalNode split, StructType schema) {
        double[] row = new double[schema.length()];
        Tuple tuple = Tuple.of(schema, row);
        int f = split.feature();
        long lo = key(Double.NEGATIVE_INFINITY);
        long hi = key(Double.POSITIVE_INFINITY);
        row[f] = Double.NEGATIVE_INFINITY;
        if (!split.branch(tuple)) {
            throw new IllegalStateException("split on " + schema.field(f).name() + " sends even -Infinity right");
        }
        row[f] = Double.POSITIVE_INFINITY;
        if (split.branch(tuple)) {
            return Double.POSITIVE_INFINITY;
        }
        // invariant: branch(lo) is true, branch(hi) is false
        while (Long.compareUnsigned(hi - lo, 1) > 0) {
            long mid = lo + ((hi - lo) >>> 1);
            row[f] = fromKey(mid);
            if (split.branch(tuple)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return fromKey(lo);
    }

    /** A long whose signed order is the numeric order of doubles (NaN excluded). */
    static long key(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    static double fromKey(long key) {
        return Double.longBitsToDouble(key >= 0 ? key : key ^ Long.MAX_VALUE);
    }
}
