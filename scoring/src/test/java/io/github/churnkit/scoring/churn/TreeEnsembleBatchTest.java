package io.github.churnkit.scoring.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.churnkit.scoring.ScorerFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The fast tree walks (eight trees side by side per call; in a batch, blocks of 128 rows level by
 * level through each tree, with NaN read as +infinity, or the bit-mask form over integer ranks) must
 * give exactly what walking one tree at a time gives: the reference here is the
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

    /** An ensemble of {@code trees} trees whose depths cycle through {@code depths}. */
    private static TreeEnsemble mixed(int width, int trees, int[] depths, long seed) {
        TreeEnsemble.Builder b = TreeEnsemble.builder(width, 2).outputScale(2).baseScore(0, -0.125);
        for (int t = 0; t < trees; t++) {
            b.tree(0);
            copyTree(ScorerFixtures.trees(width, 1, depths[t % depths.length], seed + t), b);
        }
        return b.build();
    }

    /** Random rows with NaN, infinities, signed zeros and values equal to split thresholds sprinkled in. */
    private static double[] rows(TreeEnsemble e, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int width = e.featureCount();
        double[] rows = new double[n * width];
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0};
        for (int i = 0; i < rows.length; i++) {
            double u = r.nextDouble();
            if (u < 0.04) {
                rows[i] = specials[r.nextInt(specials.length)];
            } else if (u < 0.10) {
                // exactly on a split threshold: x <= t must go left
                int node = r.nextInt(e.nodeCount());
                rows[i] = e.feature[node] >= 0 ? e.threshold[node] : 0.5;
            } else {
                rows[i] = -2 + 4 * r.nextDouble();
            }
        }
        return rows;
    }

    private static void assertBatchEqualsReference(TreeEnsemble e, double[] rows, int n, String what) {
        int width = e.featureCount();
        double[] batch = new double[n + 3];
        batch[n] = 42; // beyond count: left alone
        e.batchProbability(rows, n, batch);
        double[] x = new double[width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows, i * width, x, 0, width);
            assertEquals(reference(e, x), batch[i], 0.0, what + ", row " + i);
        }
        assertEquals(42, batch[n], 0.0, what + ": wrote beyond count");
    }

    @Test
    void batch_depthsZeroToEightAndRaggedCounts_equalOneTreeAtATime() {
        int[][] depthSets = {{0}, {1}, {2}, {8}, {0, 3, 1}, {0, 1, 2, 3, 4, 5, 6, 7, 8}};
        int[] counts = {0, 1, 127, 128, 129, 300, 1_000};
        for (int[] depths : depthSets) {
            TreeEnsemble e = mixed(5, 37, depths, depths.length * 100L + depths[0]);
            double[] rows = rows(e, 1_000, depths[0] + 7L);
            for (int n : counts) {
                assertBatchEqualsReference(e, rows, n, "depths " + java.util.Arrays.toString(depths) + ", " + n + " rows");
            }
        }
    }

    /**
     * Both batch forms, forced, on every depth the bit-mask form takes (2 to 6, trees of mixed
     * depths so most are padded), with specials and values on thresholds: each equals the
     * one-tree-at-a-time walk bit for bit.
     */
    @Test
    void batch_walkAndBitmaskForms_equalOneTreeAtATime() {
        int[][] depthSets = {{2}, {3, 1}, {6}, {6, 2, 4}, {5, 0, 3}, {1, 2, 3, 4, 5, 6}};
        int[] counts = {1, 3, 4, 127, 128, 131, 1_000};
        for (int[] depths : depthSets) {
            TreeEnsemble e = mixed(6, 41, depths, depths.length * 1000L + depths[0]);
            double[] rows = rows(e, 1_000, depths[0] + 17L);
            for (int strategy : new int[] {BatchTrees.WALK, BatchTrees.BITMASK}) {
                BatchTrees form = e.completeForm().batchForm(strategy);
                assertEquals(strategy == BatchTrees.BITMASK, form.usesBitmasks(), form.toString());
                double[] x = new double[e.featureCount()];
                for (int n : counts) {
                    double[] out = new double[n + 1];
                    out[n] = 42;
                    form.probabilities(rows, n, out, e.baseScore(0), e.outputScale());
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(rows, i * x.length, x, 0, x.length);
                        assertEquals(reference(e, x), out[i], 0.0, form + ", depths " + java.util.Arrays.toString(depths)
                                + ", " + n + " rows, row " + i);
                    }
                    assertEquals(42, out[n], 0.0, "wrote beyond count");
                }
            }
        }
    }

    /**
     * The default picks the bit-mask form for sparse deep trees and the walk for complete ones, on a
     * JVM that vectorizes the bit-mask loop (the build's JDK 25); elsewhere always the walk.
     */
    @Test
    void batch_defaultForm_followsTheCostEstimates() {
        TreeEnsemble complete = mixed(6, 40, new int[] {6}, 3);
        BatchTrees full = complete.completeForm().batchForm();
        TreeEnsemble sparse = mixed(6, 40, new int[] {6, 2}, 3);
        BatchTrees padded = sparse.completeForm().batchForm();
        // ScorerFixtures.trees grows complete trees: 63 splits each against 6 levels of walk
        assertEquals(false, full.usesBitmasks(), full.toString());
        assertEquals(BatchTrees.VECTORIZING_JIT, padded.usesBitmasks(), padded.toString());
        // the build's JDK (Temurin 25 on x86-64, where the form was measured) must be recognised,
        // or the bit-mask form would silently never be used
        if (System.getProperty("java.vendor", "").contains("Adoptium") && Runtime.version().feature() == 25
                && System.getProperty("os.arch", "").equals("amd64")) {
            assertEquals(true, BatchTrees.VECTORIZING_JIT, System.getProperty("java.vm.name"));
        }
    }

    /** The system property fixes the form for ensembles built while it is set; a bad value is named. */
    @Test
    void batch_formProperty_overridesTheDefault() {
        TreeEnsemble sparse = mixed(6, 40, new int[] {6, 2}, 3);
        String before = System.getProperty(BatchTrees.FORM_PROPERTY);
        try {
            System.setProperty(BatchTrees.FORM_PROPERTY, "walk");
            assertEquals(false, sparse.completeForm().batchForm(BatchTrees.AUTO).usesBitmasks());
            System.setProperty(BatchTrees.FORM_PROPERTY, " bitmask ");
            assertEquals(true, sparse.completeForm().batchForm(BatchTrees.AUTO).usesBitmasks());
            System.setProperty(BatchTrees.FORM_PROPERTY, "fast");
            IllegalStateException ex = assertThrows(IllegalStateException.class,
                    () -> sparse.completeForm().batchForm(BatchTrees.AUTO));
            assertEquals(true, ex.getMessage().contains("'fast'"), ex.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(BatchTrees.FORM_PROPERTY);
            } else {
                System.setProperty(BatchTrees.FORM_PROPERTY, before);
            }
        }
    }

    @Test
    void batch_fourThreadsAtOnce_equalSingleThreaded() throws Exception {
        TreeEnsemble e = mixed(9, 120, new int[] {6, 4, 8, 5}, 11);
        int n = 2_000;
        double[] rows = rows(e, n, 3);
        double[] expected = new double[n];
        e.batchProbability(rows, n, expected);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                int seed = k;
                results.add(pool.submit(() -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    for (int rep = 0; rep < 40; rep++) {
                        // a random window of rows, so threads interleave different block counts
                        int from = r.nextInt(n);
                        int count = r.nextInt(n - from + 1);
                        double[] window = java.util.Arrays.copyOfRange(rows, from * 9, (from + count) * 9);
                        double[] out = new double[count];
                        e.batchProbability(window, count, out);
                        for (int i = 0; i < count; i++) {
                            if (Double.doubleToRawLongBits(out[i]) != Double.doubleToRawLongBits(expected[from + i])) {
                                return "thread " + seed + " row " + (from + i) + ": " + out[i] + " != " + expected[from + i];
                            }
                        }
                    }
                    return "";
                }));
            }
            for (Future<String> f : results) {
                assertEquals("", f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // and the single-threaded batch itself equals the one-tree-at-a-time walk
        assertBatchEqualsReference(e, rows, n, "120 trees");
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

    @Test
    void probability_signedZerosInfinitiesAndNaN_goTheWayTheComparisonSays() {
        // x <= threshold goes left: -0.0 <= 0.0 and 0.0 <= -0.0 are both true, NaN goes right,
        // +inf goes right of any finite threshold, -inf left
        double[] specials = {-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, 1.0, Math.nextUp(1.0), Math.nextDown(1.0)};
        double[] thresholds = {-0.0, 0.0, 1.0, -Double.MIN_VALUE, Double.MAX_VALUE};
        for (double t : thresholds) {
            TreeEnsemble.Builder b = TreeEnsemble.builder(1, 2).outputScale(1).baseScore(0, 0);
            for (int k = 0; k < 5; k++) {
                b.tree(0);
                int root = b.split(0, t);
                b.children(root, b.leaf(-1, 1), b.leaf(1, 1));
            }
            TreeEnsemble e = b.build();
            double[] out = new double[specials.length];
            e.batchProbability(specials, specials.length, out);
            for (int i = 0; i < specials.length; i++) {
                double x = specials[i];
                // five trees each adding -1 (left) or +1 (right): p = 1 - 1 / (1 + e^{±5})
                double expected = 1.0 - 1.0 / (1.0 + Math.exp(x <= t ? -5.0 : 5.0));
                assertEquals(expected, e.probability(new double[] {x}), 0.0, x + " vs " + t);
                assertEquals(expected, out[i], 0.0, "batch " + x + " vs " + t);
            }
        }
    }

    @Test
    void probability_infiniteThreshold_sameAsComparison() {
        TreeEnsemble.Builder b = TreeEnsemble.builder(1, 2).outputScale(1).baseScore(0, 0);
        for (int k = 0; k < 5; k++) {
            b.tree(0);
            int root = b.split(0, Double.POSITIVE_INFINITY);
            b.children(root, b.leaf(-1, 1), b.leaf(1, 1));
        }
        TreeEnsemble e = b.build();
        double left = 1.0 - 1.0 / (1.0 + Math.exp(-5.0));
        assertEquals(left, e.probability(new double[] {Double.POSITIVE_INFINITY}), 0.0);
        assertEquals(1.0 - left, e.probability(new double[] {Double.NaN}), 1e-15);
    }
}
