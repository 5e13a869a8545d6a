package io.github.churnkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinCostAssignmentTest {

    @Test
    void solve_classicThreeByThree_findsCostFive() {
        // rows 0,1,2 -> columns 1,0,2: 1 + 2 + 2 = 5 is the unique optimum (checked by listing
        // all six permutations: 4+0+2=6, 4+5+2=11, 1+2+2=5, 1+5+3=9, 3+2+2=7, 3+0+3=6)
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        assertArrayEquals(new int[] {1, 0, 2}, MinCostAssignment.solve(cost));
    }

    @Test
    void solve_randomSmallMatrices_matchesBruteForce() {
        SplittableRandom rng = new SplittableRandom(12345);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rng.nextInt(6);
            int m = 1 + rng.nextInt(6);
            double[][] cost = new double[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    // small integers make ties common, which the algorithm must survive
                    cost[i][j] = trial % 2 == 0 ? rng.nextInt(5) : rng.nextDouble() * 100 - 20;
                }
            }
            int[] match = MinCostAssignment.solve(cost);
            assertEquals(n, match.length);
            Set<Integer> used = new HashSet<>();
            int matched = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                if (match[i] >= 0) {
                    assertEquals(true, used.add(match[i]), "column used twice");
                    total += cost[i][match[i]];
                    matched++;
                }
            }
            assertEquals(Math.min(n, m), matched);
            assertEquals(bruteForce(cost, 0, new boolean[m], Math.min(n, m)), total, 1e-9, "trial " + trial);
        }
    }

    /** Minimum over all ways to match {@code need} more rows from {@code row} on to unused columns. */
    private static double bruteForce(double[][] cost, int row, boolean[] usedCols, int need) {
        if (need == 0) {
            return 0;
        }
        int n = cost.length;
        if (n - row < need) {
            return Double.POSITIVE_INFINITY;
        }
        double best = bruteForce(cost, row + 1, usedCols, need); // leave this row unmatched
        for (int j = 0; j < usedCols.length; j++) {
            if (!usedCols[j]) {
                usedCols[j] = true;
                best = Math.min(best, cost[row][j] + bruteForce(cost, row + 1, usedCols, need - 1));
                usedCols[j] = false;
            }
        }
        return best;
    }

    @Test
    void solve_nonFiniteCost_throws() {
        assertThrows(IllegalArgumentException.class, () -> MinCostAssignment.solve(new double[][] {{1, Double.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> MinCostAssignment.solve(new double[][] {{1, 2}, {3}}));
    }

    @Test
    void solve_empty_returnsEmpty() {
        assertEquals(0, MinCostAssignment.solve(new double[0][]).length);
    }
}
