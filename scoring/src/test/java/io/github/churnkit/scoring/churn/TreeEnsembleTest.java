package io.github.churnkit.scoring.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TreeEnsembleTest {

    /** A test-side copy of a tree, evaluated independently of TreeEnsemble. */
    record Node(int feature, double threshold, Node left, Node right, double value, double leafCover) {
        boolean isLeaf() {
            return left == null;
        }

        double cover() {
            return isLeaf() ? leafCover : left.cover() + right.cover();
        }

        double predict(double[] x) {
            return isLeaf() ? value : (x[feature] <= threshold ? left : right).predict(x);
        }

        /** E[f(x) | x_S]: follow x on features in S, average by cover elsewhere (path-dependent). */
        double conditional(double[] x, boolean[] inS) {
            if (isLeaf()) {
                return value;
            }
            if (inS[feature]) {
                return (x[feature] <= threshold ? left : right).conditional(x, inS);
            }
            return (left.cover() * left.conditional(x, inS) + right.cover() * right.conditional(x, inS)) / cover();
        }
    }

    static Node randomTree(SplittableRandom rng, int depth, int features) {
        if (depth == 0 || rng.nextInt(5) == 0) {
            return new Node(-1, 0, null, null, rng.nextDouble(-1, 1), 1 + rng.nextInt(50));
        }
        return new Node(rng.nextInt(features), Math.round(rng.nextDouble(-1, 1) * 4) / 4.0,
                randomTree(rng, depth - 1, features), randomTree(rng, depth - 1, features), 0, 0);
    }

    static int add(TreeEnsemble.Builder b, Node n) {
        if (n.isLeaf()) {
            return b.leaf(n.value, n.leafCover);
        }
        int id = b.split(n.feature, n.threshold);
        int l = add(b, n.left);
        int r = add(b, n.right);
        b.children(id, l, r);
        return id;
    }

    static TreeEnsemble build(List<Node> trees, int features, double base, double scale) {
        TreeEnsemble.Builder b = TreeEnsemble.builder(features, 2).outputScale(scale).baseScore(0, base);
        for (Node t : trees) {
            b.tree(0);
            add(b, t);
        }
        return b.build();
    }

    @Test
    void probability_binary_matchesLogisticOfScaledSum() {
        SplittableRandom rng = new SplittableRandom(1);
        List<Node> trees = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            trees.add(randomTree(rng, 4, 3));
        }
        TreeEnsemble e = build(trees, 3, 0.25, 2.0);
        for (int i = 0; i < 100; i++) {
            double[] x = {rng.nextDouble(-1.5, 1.5), rng.nextDouble(-1.5, 1.5), rng.nextDouble(-1.5, 1.5)};
            double f = 0.25;
            for (Node t : trees) {
                f += t.predict(x);
            }
            // the binary link of a Smile-style ensemble: P(1) = 1 / (1 + exp(-2F))
            assertEquals(1.0 / (1.0 + Math.exp(-2 * f)), e.probability(x), 1e-14);
            assertEquals(2 * f, e.rawScore(x, 0), 1e-12);
            double[] out = new double[2];
            e.probabilities(x, out);
            assertEquals(1.0, out[0] + out[1], 1e-15);
        }
    }

    @Test
    void leaf_nanFeature_goesRight() {
        TreeEnsemble.Builder b = TreeEnsemble.builder(1, 2).tree(0);
        int s = b.split(0, 0.5);
        int l = b.leaf(-1, 1);
        int r = b.leaf(1, 1);
        TreeEnsemble e = b.children(s, l, r).build();
        assertEquals(2.0, e.rawScore(new double[] {Double.NaN}, 0) - e.rawScore(new double[] {0.0}, 0), 0.0);
        assertEquals(-1.0, e.rawScore(new double[] {0.5}, 0), 0.0); // threshold itself goes left
    }

    @Test
    void contributions_randomTrees_equalBruteForceShapleyValues() {
        SplittableRandom rng = new SplittableRandom(7);
        int p = 4;
        for (int rep = 0; rep < 20; rep++) {
            List<Node> trees = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                trees.add(randomTree(rng, 5, p));
            }
            TreeEnsemble e = build(trees, p, -0.3, 1.0);
            double[] x = new double[p];
            for (int j = 0; j < p; j++) {
                x[j] = Math.round(rng.nextDouble(-1.2, 1.2) * 4) / 4.0;
            }
            double[] phi = e.contributions(x, 0);
            double[] exact = bruteForceShapley(trees, x, p);
            for (int j = 0; j < p; j++) {
                assertEquals(exact[j], phi[j], 1e-10, "feature " + j + " rep " + rep);
            }
        }
    }

    @Test
    void contributions_sumWithExpectation_toRawScore() {
        SplittableRandom rng = new SplittableRandom(11);
        List<Node> trees = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            trees.add(randomTree(rng, 6, 8));
        }
        TreeEnsemble e = build(trees, 8, 0.1, 2.0);
        for (int i = 0; i < 50; i++) {
            double[] x = new double[8];
            for (int j = 0; j < 8; j++) {
                x[j] = rng.nextDouble(-1.5, 1.5);
            }
            double sum = e.expectedRawScore(0);
            for (double v : e.contributions(x, 0)) {
                sum += v;
            }
            assertEquals(e.rawScore(x, 0), sum, 1e-10);
        }
    }

    /** Shapley values by enumerating all subsets (the definition; Lundberg et al. 2018, eq. 1). */
    static double[] bruteForceShapley(List<Node> trees, double[] x, int p) {
        double[] phi = new double[p];
        double[] fact = new double[p + 1];
        fact[0] = 1;
        for (int i = 1; i <= p; i++) {
            fact[i] = fact[i - 1] * i;
        }
        for (int i = 0; i < p; i++) {
            for (int mask = 0; mask < (1 << p); mask++) {
                if ((mask & (1 << i)) != 0) {
                    continue;
                }
                int s = Integer.bitCount(mask);
                double weight = fact[s] * fact[p - s - 1] / fact[p];
                phi[i] += weight * (value(trees, x, mask | (1 << i), p) - value(trees, x, mask, p));
            }
        }
        return phi;
    }

    static double value(List<Node> trees, double[] x, int mask, int p) {
        boolean[] inS = new boolean[p];
        for (int j = 0; j < p; j++) {
            inS[j] = (mask & (1 << j)) != 0;
        }
        double v = 0;
        for (Node t : trees) {
            v += t.conditional(x, inS);
        }
        return v;
    }

    @Test
    void probabilities_multiClass_areSoftmaxOfMargins() {
        TreeEnsemble.Builder b = TreeEnsemble.builder(1, 3);
        for (int c = 0; c < 3; c++) {
            b.tree(c);
            int s = b.split(0, 0.0);
            int l = b.leaf(c, 5);
            int r = b.leaf(-c, 5);
            b.children(s, l, r);
        }
        TreeEnsemble e = b.build();
        double[] out = new double[3];
        e.probabilities(new double[] {-1}, out);
        // margins (0, 1, 2): softmax = e^c / (1 + e + e^2)
        double z = 1 + Math.E + Math.exp(2);
        assertEquals(1 / z, out[0], 1e-15);
        assertEquals(Math.E / z, out[1], 1e-15);
        assertEquals(Math.exp(2) / z, out[2], 1e-15);
        assertEquals(3, e.outputCount());
        assertEquals(2.0, e.rawScore(new double[] {-1}, 2), 0.0);
    }

    @Test
    void firstTrees_prefix_matchesStagedMargins() {
        SplittableRandom rng = new SplittableRandom(3);
        List<Node> trees = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            trees.add(randomTree(rng, 3, 2));
        }
        TreeEnsemble e = build(trees, 2, 0.5, 2.0);
        double[] x = {0.3, -0.2};
        double[] staged = e.stagedMargins(x);
        for (int t = 1; t <= 6; t++) {
            assertEquals(2 * staged[t - 1], e.firstTrees(t).rawScore(x, 0), 0.0);
        }
    }

    @Test
    void arrays_rebuiltThroughBuilder_giveSameEnsemble() {
        SplittableRandom rng = new SplittableRandom(9);
        List<Node> trees = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            trees.add(randomTree(rng, 4, 3));
        }
        TreeEnsemble e = build(trees, 3, -0.2, 2.0);
        TreeEnsemble.Builder b = TreeEnsemble.builder(3, 2).outputScale(e.outputScale()).baseScore(0, e.baseScore(0));
        int[] f = e.nodeFeatures();
        int[] roots = e.treeRoots();
        int t = 0;
        for (int i = 0; i < f.length; i++) {
            if (t < roots.length && roots[t] == i) {
                b.tree(e.treeOutputs()[t++]);
            }
            if (f[i] >= 0) {
                b.split(f[i], e.nodeThresholds()[i]);
            } else {
                b.leaf(e.nodeValues()[i], e.nodeCovers()[i]);
            }
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i] >= 0) {
                b.children(i, e.leftChildren()[i], e.rightChildren()[i]);
            }
        }
        TreeEnsemble copy = b.build();
        double[] x = {0.1, -0.4, 0.9};
        assertEquals(e.rawScore(x, 0), copy.rawScore(x, 0), 0.0);
        assertEquals(e.contributions(x, 0)[1], copy.contributions(x, 0)[1], 0.0);
    }

    @Test
    void build_invalidStructure_throws() {
        assertThrows(IllegalStateException.class, () -> TreeEnsemble.builder(2, 2).build());
        TreeEnsemble.Builder b = TreeEnsemble.builder(2, 2).tree(0);
        b.split(0, 1.0);
        assertThrows(IllegalStateException.class, b::build);
        TreeEnsemble.Builder c = TreeEnsemble.builder(2, 2).tree(0);
        int s = c.split(1, 0.0);
        assertThrows(IllegalArgumentException.class, () -> c.children(s, s, s));
        assertThrows(IllegalArgumentException.class, () -> c.split(2, 0.0));
        assertThrows(IllegalArgumentException.class, () -> c.leaf(1.0, 0.0));
        assertThrows(IllegalStateException.class, () -> TreeEnsemble.builder(2, 2).leaf(1, 1));
    }

    @Test
    void probability_wrongWidth_throws() {
        TreeEnsemble.Builder b = TreeEnsemble.builder(2, 2).tree(0);
        b.leaf(1, 1);
        TreeEnsemble e = b.build();
        assertThrows(IllegalArgumentException.class, () -> e.probability(new double[3]));
    }
}
