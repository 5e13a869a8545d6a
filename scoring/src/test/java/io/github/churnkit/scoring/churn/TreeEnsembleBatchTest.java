package io.github.churnkit.scoring.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.churnkit.scoring.ScorerFixtures;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast tree walks (four trees side by side per call, eight rows side by side per tree in a
 * batch) must give exactly what walking one tree at a time gives: the reference here is the
 * ensemble's own single-tree walk {@code leaf(x, t)} summed in tree order, computed in the test.
 */
class TreeEnsembleBatchTest {

    private static double reference(TreeEnsemble e, double[] x) {
        double m = e.baseScore(0);
        for (int t = 0; t < e.treeCount(); t++) {
            m += e.value[e.leaf(x, t)];
        }
        return 1.0 - 1.0 / (1.0 + Math.exp(e.outputScale() * m));
    }

    @Test
    void probabilityAndBatch_unevenTreesAndNaN_equalOneTreeAtATime() {
        SplittableRandom r = new SplittableRandom(5);
        // 103 trees: not a multiple of the group of four; depths 1..6 mixed
        TreeEnsemble.Builder b = TreeEnsemble.builder(7, 2).outputScale(2).baseScore(0, 0.25);
        for (int t = 0; t < 103; t++) {
            b.tree(0);
            TreeEnsemble e1 = ScorerFixtures.trees(7, 1, 1 + t % 6, t);
            copyTree(e1, b);
        }
        TreeEnsemble e = b.build();
        int n = 1_003;
        double[] rows = new double[n * 7];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = r.nextDouble() < 0.05 ? Double.NaN : -2 + 4 * r.nextDouble();
        }
        double[] batch = new double[n];
        e.batchProbability(rows, n, batch);
        double[] x = new double[7];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows, i * 7, x, 0, 7);
            double ref = reference(e, x);
            assertEquals(ref, e.probability(x), 0.0, "row " + i);
            assertEquals(ref, batch[i], 0.0, "batch row " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> e.batchProbability(rows, n + 1, new double[n + 1]));
    }

    /** Copies the only tree of {@code from} into {@code to} (nodes in the same order). */
    private static void copyTree(TreeEnsemble from, TreeEnsemble.Builder to) {
        int n = from.nodeCount();
        int[] map = new int[n];
        for (int i = 0; i < n; i++) {
            map[i] = from.feature[i] >= 0 ? to.split(from.feature[i], from.threshold[i]) : to.leaf(from.value[i], from.cover[i]);
        }
        for (int i = 0; i < n; i++) {
            if (from.feature[i] >= 0) {
                to.children(map[i], map[from.left[i]], map[from.right[i]]);
            }
        }
    }

    @Test
    void linearBatch_equalsOneByOne() {
        LinearPredictor lin = LinearPredictor.binary(new double[] {0.5, -1, 2}, 0.1, null);
        double[] rows = {1, 2, 3, -1, 0.5, 0, 0, 0, 0};
        double[] out = new double[3];
        lin.batchProbability(rows, 3, out);
        assertEquals(lin.probability(new double[] {1, 2, 3}), out[0], 0.0);
        assertEquals(lin.probability(new double[] {-1, 0.5, 0}), out[1], 0.0);
        // all-zero row: sigmoid(0.1) = 1 / (1 + e^-0.1) = 0.52497918747894
        assertEquals(0.52497918747894, out[2], 1e-14);
    }
}
