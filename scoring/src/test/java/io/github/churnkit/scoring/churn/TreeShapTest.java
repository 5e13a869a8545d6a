package io.github.churnkit.scoring.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * TreeSHAP by Gauss-Legendre quadrature: the rules integrate what they must exactly, and the
 * contributions equal Shapley values enumerated from their definition
 * ({@link TreeEnsembleTest#bruteForceShapley}) on both code paths (two-point rules up to depth 4,
 * loops over the points beyond), with features split again and again down deep paths.
 */
class TreeShapTest {

    @Test
    void quadrature_everySize_integratesMonomialsBelowTwiceItsSize() {
        // integral_0^1 t^k dt = 1 / (k + 1); the rule of m points is exact for k < 2m
        for (int degree = 0; degree < 100; degree++) {
            TreeShap.Quadrature rule = TreeShap.Quadrature.forDegree(degree);
            int m = rule.points.length;
            assertEquals(degree / 2 + 1, m);
            for (int k = 0; k < 2 * m; k++) {
                double sum = 0;
                for (int q = 0; q < m; q++) {
                    assertEquals(true, rule.points[q] > 0 && rule.points[q] < 1, "point " + rule.points[q]);
                    sum += rule.weights[q] * Math.pow(rule.points[q], k);
                }
                assertEquals(1.0 / (k + 1), sum, 1e-13, "m " + m + " k " + k);
            }
        }
    }

    @Test
    void contributions_depthsOneToTwelveWithRepeatedFeatures_equalBruteForceShapleyValues() {
        SplittableRandom rng = new SplittableRandom(23);
        int p = 5; // few features, so deep paths split on the same feature many times
        for (int depth = 1; depth <= 12; depth++) {
            List<TreeEnsembleTest.Node> trees = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                trees.add(full(rng, depth, p));
            }
            TreeEnsemble e = TreeEnsembleTest.build(trees, p, 0.2, 2.0);
            assertEquals(depth, e.maxDepth);
            for (int row = 0; row < 4; row++) {
                double[] x = new double[p];
                for (int j = 0; j < p; j++) {
                    // on the thresholds' grid, so ties (x == threshold goes left) occur; NaN goes right
                    x[j] = row == 3 && j == 0 ? Double.NaN : Math.round(rng.nextDouble(-1.2, 1.2) * 4) / 4.0;
                }
                double[] phi = e.contributions(x, 0);
                double[] exact = TreeEnsembleTest.bruteForceShapley(trees, x, p);
                for (int j = 0; j < p; j++) {
                    assertEquals(2.0 * exact[j], phi[j], 1e-12, "depth " + depth + " row " + row + " feature " + j);
                }
            }
        }
    }

    @Test
    void contributions_chainTreeDeeperThanTheCachedRules_sumToRawScoreMinusExpectation() {
        // a chain of 80 splits (rule of 40 points, built per call) on 3 features, leaves on one side
        TreeEnsemble.Builder b = TreeEnsemble.builder(3, 2).tree(0);
        SplittableRandom rng = new SplittableRandom(5);
        int parent = b.split(0, 0.0);
        for (int level = 1; level <= 80; level++) {
            int leaf = b.leaf(rng.nextDouble(-1, 1), 1 + rng.nextInt(9));
            int next = level == 80 ? b.leaf(rng.nextDouble(-1, 1), 3) : b.split(level % 3, rng.nextDouble(-1, 1));
            b.children(parent, leaf, next);
            parent = next;
        }
        TreeEnsemble e = b.build();
        assertEquals(80, e.maxDepth);
        for (int row = 0; row < 20; row++) {
            double[] x = {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
            double sum = e.expectedRawScore(0);
            for (double v : e.contributions(x, 0)) {
                sum += v;
            }
            assertEquals(e.rawScore(x, 0), sum, 1e-12, "row " + row);
        }
    }

    /** A complete tree of {@code depth} levels (so the ensemble's depth is exact). */
    private static TreeEnsembleTest.Node full(SplittableRandom rng, int depth, int features) {
        if (depth == 0) {
            return new TreeEnsembleTest.Node(-1, 0, null, null, rng.nextDouble(-1, 1), 1 + rng.nextInt(50));
        }
        return new TreeEnsembleTest.Node(rng.nextInt(features), Math.round(rng.nextDouble(-1, 1) * 4) / 4.0,
                full(rng, depth - 1, features), full(rng, depth - 1, features), 0, 0);
    }
}
